import { loadGazetteer } from 'virtual:crossframe/gazetteer';
import { Matcher } from '../../lib/entities/matcher';
import type { GateReading } from '../../lib/page/gate-session';
import { browserHighlightEnv } from '../../lib/page/highlight';
import { PERF_BUILD_END, PERF_BUILD_START } from '../../lib/page/perf-marks';
import { Premark } from '../../lib/page/premark';
import { makeVisibilityCheck } from '../../lib/page/visibility';
import { markingAllowed, readSettings } from '../../lib/settings';
import type { EarlySettings } from './early-settings';

type Timing = Pick<Performance, 'mark'> | null;

/**
 * The page's matcher, built on first use and then shared by the gate script's premark and the full script: the
 * gazetteer ships with the gate script so that marks can be drawn before the full script has loaded.
 */
export function lazyMatcher(timing: Timing): () => Matcher {
  let built: Matcher | null = null;
  return () => {
    if (built) return built;
    timing?.mark(PERF_BUILD_START);
    built = new Matcher(loadGazetteer());
    timing?.mark(PERF_BUILD_END);
    return built;
  };
}

/** Starts drawing the marks of a reading that passed the gate (lib/page/premark.ts), as `reading.premark`; none for other readings. */
export function startPremark(reading: GateReading | null, deps: { matcher: () => Matcher; settings: EarlySettings; timing: Timing }): void {
  if (!reading?.gate.pass) return;
  const text = reading.gate.text ?? reading.text;
  if (!text) return;
  const host = location.hostname;
  reading.premark = new Premark(text, {
    doc: document,
    matcher: deps.matcher,
    isVisible: makeVisibilityCheck(window),
    highlightEnv: () => browserHighlightEnv(window),
    markingAllowed: () => deps.settings.read.then(() => markingAllowed(readSettings(deps.settings.value), host)),
    stats: reading.stats,
    timing: deps.timing,
  });
}

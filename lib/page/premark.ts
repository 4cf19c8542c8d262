import type { Matcher } from '../entities/matcher';
import type { PageText } from './collect';
import { findHitsSteps, type PageAnalysis } from './find-hits';
import { Highlighter, usesPlainMarks, type HighlightEnv } from './highlight';
import { markSpecs, MARKS_PER_SLICE } from './mark-specs';
import { PERF_MARKS_DRAWN } from './perf-marks';
import { addSlice, runSliced, type SliceStats } from './slices';

/** What the gate script found and drew on a page while the full script loaded, for the full script to take over. */
export interface Premarked {
  /** The hits in the reading's text; the main region is still to be found (`mainPending`) unless ruled out. */
  analysis: PageAnalysis;
  /** The marks drawn, or null when none were (see `Premark`). */
  highlighter: Highlighter | null;
  /** The cap cut some marks off (see markSpecs). */
  capped: boolean;
}

export interface PremarkDeps {
  doc: Document;
  /** The matcher the full script will use too (built once per page). */
  matcher: () => Matcher;
  isVisible: (el: Element) => boolean;
  highlightEnv: () => HighlightEnv | null;
  /** Whether marks may be drawn here, once the reader's settings have been read. */
  markingAllowed: () => Promise<boolean>;
  /** The reading's figures: the premark's slices add to them. */
  stats: SliceStats;
  timing?: Pick<Performance, 'mark'> | null;
}

/**
 * The marks of a page that passed the gate, drawn by the gate script while the full script (Readability, the
 * card, snippets, schemas) loads: that module's fetch and parse take 20 ms or more, during which the page
 * was idle. The hits are the ones the full script would find (the same matcher, text and visibility rule), and
 * it takes them over instead of finding them again (PageSession.start).
 *
 * Marks are drawn only where the full script would draw the same ones in a single task: the page is relevant
 * whatever its main region, marking is allowed there, the page is not huge (plain marks, drawn over several
 * frames), and it has at most MARKS_PER_SLICE of them. Elsewhere the full script draws, as it did before.
 */
export class Premark {
  /** The analysis and marks; null when it was discarded or failed (the full script then reads the page itself). */
  readonly result: Promise<Premarked | null>;
  private readonly abort = new AbortController();
  private highlighter: Highlighter | null = null;
  private taken = false;

  constructor(text: PageText | Promise<PageText | null>, private readonly deps: PremarkDeps) {
    this.result = this.run(text).catch(() => null);
  }

  /** Hands the analysis and marks over, once done (null if discarded): from then on the marks are the taker's. */
  async take(): Promise<Premarked | null> {
    const done = await this.result;
    if (!done || this.abort.signal.aborted) return null;
    this.taken = true;
    return done;
  }

  /** Not needed after all (a navigation, a newer scan, a failed load): stops, and removes marks not taken over. */
  discard(): void {
    this.abort.abort();
    if (!this.taken) this.highlighter?.clear();
  }

  private async run(reading: PageText | Promise<PageText | null>): Promise<Premarked | null> {
    const text = await reading;
    const { signal } = this.abort;
    if (!text || signal.aborted) return null;
    const { stats } = this.deps;
    const { matcher, analysis } = await runSliced(this.findSteps(text), 8, signal, stats);
    const none: Premarked = { analysis, highlighter: null, capped: false };
    if (!analysis.relevance.relevant || usesPlainMarks(text)) return none;
    const { specs, capped } = markSpecs(matcher.gazetteer, text, analysis.hits);
    if (specs.length > MARKS_PER_SLICE || !(await this.deps.markingAllowed()) || signal.aborted) return none;
    const env = this.deps.highlightEnv();
    if (!env) return none;
    const t0 = performance.now();
    const highlighter = (this.highlighter = new Highlighter(env));
    highlighter.draw(text, specs);
    addSlice(stats, performance.now() - t0);
    this.deps.timing?.mark(PERF_MARKS_DRAWN);
    return { analysis, highlighter, capped };
  }

  private *findSteps(text: PageText): Generator<void, { matcher: Matcher; analysis: PageAnalysis }> {
    // Building the matcher takes milliseconds: a slice of its own.
    const matcher = this.deps.matcher();
    yield;
    return { matcher, analysis: yield* findHitsSteps(this.deps.doc, matcher, { isVisible: this.deps.isVisible, text }) };
  }
}

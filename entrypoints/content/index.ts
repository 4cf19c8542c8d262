import { gateSource } from 'virtual:crossframe/gate';
import 'virtual:crossframe/page.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readContentMessage } from '../../lib/content-messages';
import type { ContentState, SaveReply } from '../../lib/messages';
import { PageGate } from '../../lib/page/gate';
import { endReading, GateSession, type GateReading } from '../../lib/page/gate-session';
import { PERF_INJECTED } from '../../lib/page/perf-marks';
import { readSettingsEarly, takeEarlySettings } from './early-settings';
import { onHistoryNavigation } from './history-navigation';
import { loadFullScript, type FullPage, type PageMessage } from './full-script';
import { lazyMatcher, startPremark } from './premark-page';
import type { PageContext } from './private-context';
import { sendToBackground } from './send';

/**
 * User Timing marks for the bench, only in a build made with CROSSFRAME_TIMING_MARKS=1 (the bench's own):
 * pages read the same performance timeline, and marks on every page would tell each one Crossframe is there.
 */
const timing = __CROSSFRAME_TIMING_MARKS__ ? performance : null;

/**
 * The gate script: every page runs it, and on a page that is not about Syria or ISIS it is all that runs (no
 * matcher, no zod, no DOM change, one small report). A page that names a decisive entity is handed to the full
 * content script (full-script.ts), loaded then. This script keeps the one message listener and passes messages
 * on once the full script answers for the page.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // When the content script starts (document idle): the bench measures from here to the last mark.
    timing?.mark(PERF_INJECTED);
    // In a microtask, with this bundle's top-level function off the stack: V8 gives the functions on the stack
    // their source positions when a stack trace is first taken (an Error, an abort(), an import()), and for the
    // bundle's top level, gazetteer included, that cost 3–4 ms (measured).
    queueMicrotask(() => run(ctx));
  },
});

/** The answers of a page whose full script could not be loaded (or failed): it stays unmarked, and says so. */
function failed(msg: PageMessage): unknown {
  switch (msg.type) {
    case 'content/ping':
      return { state: 'error', url: location.href } satisfies ContentState;
    case 'content/focus-marks':
      return { focused: false };
    case 'content/save-selection':
      return { ok: false, message: 'Crossframe could not read this page; reload it to save from it.' } satisfies SaveReply;
  }
}

function run(ctx: PageContext): void {
  const gate = new PageGate(gateSource);
  const matcher = lazyMatcher(timing);
  /** The settings the early-settings script asked for at document start, until the page is handed over or ruled out. */
  let early = takeEarlySettings();
  /** The full script's page, once handed over (null: it could not be loaded). */
  let full: Promise<FullPage | null> | null = null;
  /** The gate's reading handed over, with the marks drawn from it while the full script loads. */
  let handedOver: GateReading | null = null;
  const session = new GateSession({
    doc: document,
    gate,
    report: (report) => {
      // A page ruled out has no use for the settings (it asks again if it is handed over later).
      early?.stop();
      early = undefined;
      return sendToBackground(ctx, { type: 'page/report', report });
    },
    handOver: (handOver) => {
      // An orphan (the extension was reloaded) stands down here: reading isInvalid ends the context.
      if (ctx.isInvalid) return;
      // The full script's request first; the settings were asked for at document start (early-settings.content.ts),
      // or are asked for now where that script did not run or the gate had let them go.
      const loading = loadFullScript();
      const settings = early ?? readSettingsEarly();
      early = undefined;
      // Meanwhile, the marks (the module's fetch and parse leave the page idle for 20 ms or more).
      startPremark(handOver.initial, { matcher, settings, timing });
      handedOver = handOver.initial;
      full = loading
        .then((script) => {
          if (ctx.isInvalid) throw new Error('The extension went away');
          return script.start(ctx, { handOver, gate, matcher, settings, timing });
        })
        .catch(() => {
          // Without the full script the page stays as it was; the panel shows what the ping says.
          settings.stop();
          if (handOver.initial) endReading(handOver.initial);
          return null;
        });
    },
    timing,
  });

  const onMessage = (raw: unknown, sender: { id?: string }, reply: (r: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return false;
    const msg = readContentMessage(raw);
    if (!msg) return false;
    if (msg.type === 'content/get-selection') {
      reply({ text: (window.getSelection()?.toString() ?? '').slice(0, 200_000) });
      return false;
    }
    if (!full) {
      if (msg.type === 'content/ping') reply({ state: session.state === 'scanning' ? 'scanning' : 'irrelevant', url: location.href } satisfies ContentState);
      else if (msg.type === 'content/focus-marks') reply({ focused: false });
      if (msg.type !== 'content/save-selection') return false;
      // Saving needs the full script (selectors, the matcher for the snippet's entities).
      session.handOverForSave();
    }
    // Not handed over after all: the gate session has stopped (the extension went away).
    if (!full) return false;
    void full.then((page) => (page ? page.answer(msg) : failed(msg))).then(reply, () => reply(failed(msg)));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);

  // The extension was reloaded or updated: leave the page as it was (the full script has its own listener).
  ctx.onInvalidated(() => {
    session.stop();
    early?.stop();
    // Marks the full script has not taken over yet (it removes its own).
    if (handedOver) endReading(handedOver);
    browser.runtime.onMessage.removeListener(onMessage);
  });
  // The full script follows history navigations itself once it has the page.
  onHistoryNavigation(ctx, (batch) => session.onBatch(batch));

  void session.start();
}

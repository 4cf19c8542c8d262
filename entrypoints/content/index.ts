import { loadGazetteer } from 'virtual:crossframe/gazetteer';
import { gateSource } from 'virtual:crossframe/gate';
import 'virtual:crossframe/page.css';
import { browser } from 'wxt/browser';
import type { PageContext } from './private-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Matcher } from '../../lib/entities/matcher';
import {
  AnchorReplySchema,
  BackgroundToContentSchema,
  EntitySummarySchema,
  parseMessage,
  ReportReplySchema,
  SaveReplySchema,
  type ContentState,
  type ContentToBackground,
  type EntitySummary,
  type SaveReply,
} from '../../lib/messages';
import { PageGate } from '../../lib/page/gate';
import { browserHighlightEnv } from '../../lib/page/highlight';
import { PageSession, PERF_BUILD_END, PERF_BUILD_START } from '../../lib/page/page-session';
import { earlySettings } from './early-settings';
import { makeVisibilityCheck } from '../../lib/page/visibility';
import { markingAllowed, readSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';

/**
 * User Timing marks for the bench, only in a build made with CROSSFRAME_TIMING_MARKS=1 (the bench's own):
 * pages read the same performance timeline, and marks on every page would tell each one Crossframe is there.
 */
const timing = __CROSSFRAME_TIMING_MARKS__ ? performance : null;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // When the content script starts (document idle): the bench measures from here to the last mark.
    timing?.mark('crossframe:injected');
    void run(ctx);
  },
});

async function run(ctx: PageContext): Promise<void> {
  const send = async (msg: ContentToBackground): Promise<unknown> => {
    try {
      return await browser.runtime.sendMessage(msg);
    } catch {
      // The background may be restarting, or the extension gone (reloaded, updated, removed; the call then
      // throws at once): a lost message must not break the page, and an orphan leaves the page as it was
      // (reading isInvalid ends the context, and its listener below undoes everything).
      void ctx.isInvalid;
      return undefined;
    }
  };
  // Settings: read at document_start by the early script (see early-settings.ts); otherwise asked for now, and
  // they arrive while the page is being read. Only marking waits for them.
  const early = earlySettings();
  let stored: unknown;
  const settingsReady: Promise<unknown> =
    early?.read ??
    browser.storage.local
      .get(SETTINGS_KEY)
      .then((got) => (stored = got[SETTINGS_KEY]))
      .catch(() => undefined);
  const settings = (): Settings => readSettings(early ? early.value : stored);
  const host = location.hostname;
  // Nothing is built in the task that evaluated this script: the scan starts in a task of its own (runSliced),
  // with the gate; only a page that passes it pays for the gazetteer and its matcher.
  const session = new PageSession({
    doc: document,
    gate: new PageGate(gateSource),
    matcher: () => {
      timing?.mark(PERF_BUILD_START);
      const matcher = new Matcher(loadGazetteer());
      timing?.mark(PERF_BUILD_END);
      return matcher;
    },
    highlightEnv: () => browserHighlightEnv(window),
    isVisible: makeVisibilityCheck(window),
    report: (report, fresh) =>
      void send({ type: 'page/report', report }).then(async (raw) => {
        // After a full scan, when the reader saved snippets here: the background finds them in the page's text.
        // No reply means none saved: the common case skips the schema, whose first use costs milliseconds of
        // compiling on every page.
        const reply = fresh && raw != null ? parseMessage(ReportReplySchema, raw) : null;
        const page = session.scannedText();
        if (!reply || reply.saved === 0 || !page) return;
        const found = parseMessage(AnchorReplySchema, await send({ type: 'page/anchor-snippets', url: report.url, text: page.text }));
        if (found) session.paintSaved(page, found.ranges);
      }),
    summaries: async (ids) => {
      const reply = await send({ type: 'entity/summaries', ids });
      return Array.isArray(reply) ? reply.map((r) => parseMessage(EntitySummarySchema, r)).filter((r): r is EntitySummary => r !== null) : [];
    },
    openEntity: (entity) => void send({ type: 'page/open-entity', entity }),
    saveSnippet: async (draft) =>
      parseMessage(SaveReplySchema, await send({ type: 'snippet/save', draft })) ?? ({ ok: false, message: 'Crossframe did not answer; try again.' } satisfies SaveReply),
    markingAllowed: () => markingAllowed(settings(), host),
    settingsReady,
    timing,
  });

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    // The early script's own listener, added first, has already recorded the change.
    if (!early) stored = changes[SETTINGS_KEY]?.newValue;
    void session.refreshMarking();
  };
  browser.storage.onChanged.addListener(onStorage);

  const onMessage = (raw: unknown, sender: { id?: string }, reply: (r: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return false;
    const msg = parseMessage(BackgroundToContentSchema, raw);
    if (!msg) return false;
    if (msg.type === 'content/ping') reply({ state: session.state, url: location.href } satisfies ContentState);
    else if (msg.type === 'content/focus-marks') reply({ focused: session.focusMarks() });
    else if (msg.type === 'content/get-selection') reply({ text: (window.getSelection()?.toString() ?? '').slice(0, 200_000) });
    else if (msg.type === 'content/save-selection') {
      void session.saveSelection().then(reply);
      return true;
    }
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);

  // The extension was reloaded or updated: leave the page as it was.
  ctx.onInvalidated(() => {
    session.destroy();
    browser.storage.onChanged.removeListener(onStorage);
    browser.runtime.onMessage.removeListener(onMessage);
  });
  // Single-page apps: a history navigation starts the page afresh (onBatch compares the URL). The app swaps
  // its content after the URL changes, so let it settle first.
  let settle: ReturnType<typeof setTimeout> | undefined;
  const recheck = () => {
    clearTimeout(settle);
    settle = setTimeout(() => void session.onBatch({ added: [], changedText: new Set(), removed: false, records: 1, flood: false }), 300);
  };
  window.addEventListener('popstate', recheck, { signal: ctx.signal });
  (window as unknown as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', recheck, { signal: ctx.signal });

  await session.start();
}

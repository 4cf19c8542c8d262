import {
  AnchorReplySchema,
  EntitySummarySchema,
  parseMessage,
  ReportReplySchema,
  SaveReplySchema,
  type ContentState,
  type EntitySummary,
  type SaveReply,
} from '../../lib/messages';
import { browserHighlightEnv } from '../../lib/page/highlight';
import { PageSession } from '../../lib/page/page-session';
import { makeVisibilityCheck } from '../../lib/page/visibility';
import { markingAllowed, readSettings, type Settings } from '../../lib/settings';
import type { FullPage, FullScript, PageMessage } from './full-script';
import { onHistoryNavigation } from './history-navigation';
import { sendToBackground } from './send';

/** The page, from the moment the gate script hands it over (see full-script.ts): analysis, marks, card, snippets. */
export const startFullPage: FullScript['start'] = (ctx, { handOver, gate, matcher, settings: early, timing }): FullPage => {
  const send = sendToBackground.bind(null, ctx);
  // Settings: asked for by the gate script as it handed the page over (early-settings.ts); only marking waits for them.
  const settings = (): Settings => readSettings(early.value);
  const host = location.hostname;
  const session = new PageSession({
    doc: document,
    gate,
    matcher,
    highlightEnv: () => browserHighlightEnv(window),
    isVisible: makeVisibilityCheck(window),
    report: (report, fresh, answered) =>
      // A page the gate script reported already (ruled out, read as it was then): its reply stands.
      void (answered !== undefined ? Promise.resolve(answered) : send({ type: 'page/report', report })).then(async (raw) => {
        // After a full scan, when the reader saved snippets here: the background finds them in the page's text.
        // No reply means none saved: the common case skips the schema, whose first use costs milliseconds of
        // compiling.
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
    settingsReady: early.read,
    timing,
  });

  // Settings changed while the page is open: draw or remove the marks.
  early.onChange(() => void session.refreshMarking());

  // The extension was reloaded or updated: leave the page as it was.
  ctx.onInvalidated(() => {
    session.destroy();
    early.stop();
  });
  // Single-page apps: a history navigation starts the page afresh.
  onHistoryNavigation(ctx, (batch) => void session.onBatch(batch));

  session.adopt(handOver.pending, handOver.watched);
  // A save that caused the hand-over waits for the page to be read.
  const started = session.start(handOver.initial ?? undefined);

  return {
    async answer(msg: PageMessage): Promise<unknown> {
      switch (msg.type) {
        case 'content/ping':
          return { state: session.state, url: location.href } satisfies ContentState;
        case 'content/focus-marks':
          return { focused: session.focusMarks() };
        case 'content/save-selection':
          await started.catch(() => undefined);
          return session.saveSelection();
      }
    },
  };
};

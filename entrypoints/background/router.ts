import { browser, type Browser } from 'wxt/browser';
import {
  ContentToBackgroundSchema,
  PanelToBackgroundSchema,
  parseMessage,
  type ContentToBackground,
  type PanelToBackground,
} from '../../lib/messages';
import { corpusStatus, ensureShippedCorpus } from './corpus';
import { entitySummaries } from './summaries';
import { openPanelOnEntity } from './panel';
import { anchorOnPage, retryPending, saveFromPage, savedOnPage } from './snippets';
import { getTabState, setTabState, updateTabState } from './tab-state';
import { senderKind } from './senders';

type Reply = (response: unknown) => void;

/** Validates every incoming message against the protocol and the sender's kind, then routes it. */
export function handleMessage(raw: unknown, sender: Browser.runtime.MessageSender, reply: Reply): boolean {
  const kind = senderKind(sender);
  if (kind === 'content') {
    const msg = parseMessage(ContentToBackgroundSchema, raw);
    if (!msg) return false;
    return respond(fromContent(msg, sender.tab as Browser.tabs.Tab), reply);
  }
  if (kind === 'extension') {
    const msg = parseMessage(PanelToBackgroundSchema, raw);
    if (!msg) return false;
    return respond(fromPanel(msg), reply);
  }
  return false;
}

function respond(result: Promise<unknown> | undefined, reply: Reply): boolean {
  if (!result) return false;
  result.then(reply, (e: unknown) => reply({ error: String((e as Error)?.message ?? e) }));
  return true;
}

function fromContent(msg: ContentToBackground, tab: Browser.tabs.Tab): Promise<unknown> | undefined {
  const tabId = tab.id as number;
  switch (msg.type) {
    case 'page/report':
      // The reply says whether the reader saved snippets on this page: then the page sends its text to find them in.
      // None saved (nearly every page): no reply, so the page runs no validation code for it (the gate script
      // checks a reply with saysSnippetsSaved, lib/content-messages.ts; the full script with ReportReplySchema).
      return setTabState(tabId, { status: 'done', url: msg.report.url, report: msg.report, updated: Date.now() })
        .then(() => savedOnPage(msg.report.url))
        .then((saved) => (saved > 0 ? { saved } : null));
    case 'page/anchor-snippets':
      return anchorOnPage(msg.url, msg.text).then(async ({ ranges, anchored, orphans }) => {
        await updateTabState(tabId, msg.url, { snippets: { anchored, orphans } });
        return { ranges };
      });
    case 'snippet/save':
      return saveFromPage(msg.draft);
    case 'page/open-entity':
      // Must run before any await: opening a panel needs the user's click, which an await would lose.
      return openPanelOnEntity(tab, msg.entity);
    case 'entity/summaries':
      return ensureShippedCorpus().then(() => entitySummaries(msg.ids));
  }
}

function fromPanel(msg: PanelToBackground): Promise<unknown> | undefined {
  switch (msg.type) {
    case 'panel/get-tab':
      return getTabState(msg.tabId).then((state) => state ?? null);
    case 'corpus/status':
      return Promise.resolve(corpusStatus());
    case 'corpus/retry':
      return ensureShippedCorpus();
    case 'snippets/retry':
      return retryPending();
  }
}

export function installRouter(): void {
  browser.runtime.onMessage.addListener(handleMessage);
}

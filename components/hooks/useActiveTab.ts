import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ContentStateSchema, parseMessage, type ContentState, type PageReport } from '../../lib/messages';

export type PageStatus =
  | { kind: 'no-tab' }
  | { kind: 'loading' }
  /** The content script cannot run there: browser pages, the extension store, PDFs, file viewers. */
  | { kind: 'unreadable' }
  | { kind: 'scanning' }
  /** The content script failed on this page (its full script did not load, or its reading threw). */
  | { kind: 'failed' }
  | { kind: 'report'; report: PageReport; snippets?: SnippetsOnPage };

/** The reader's snippets saved on the page: which were found again, which could not be (orphans). */
export interface SnippetsOnPage {
  anchored: string[];
  orphans: string[];
}

interface TabState {
  status: 'done';
  url: string;
  report?: PageReport;
  snippets?: SnippetsOnPage;
}

/** The tab the panel describes: `?tab=ID` when a test opens the panel as a page, else the window's active tab. */
export function useTabId(): number | null {
  const pinned = new URLSearchParams(location.search).get('tab');
  const [tabId, setTabId] = useState<number | null>(pinned ? Number(pinned) : null);
  useEffect(() => {
    if (pinned) return;
    let windowId: number | undefined;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      windowId = tab?.windowId;
      setTabId(tab?.id ?? null);
    };
    void refresh();
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);
  return tabId;
}

async function ping(tabId: number): Promise<ContentState | null> {
  try {
    return parseMessage(ContentStateSchema, await browser.tabs.sendMessage(tabId, { type: 'content/ping' }, { frameId: 0 }));
  } catch {
    return null;
  }
}

/**
 * What the panel knows about a tab's page: the content script's report (kept by the background in session
 * storage, so it follows page changes live), or why there is none yet.
 */
export function usePageStatus(tabId: number | null): PageStatus {
  // Status is kept with the tab it belongs to: on a tab switch the old one is simply not shown.
  const [state, setState] = useState<{ tabId: number; status: PageStatus } | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    const key = `tab:${tabId}`;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const set = (status: PageStatus) => !cancelled && setState({ tabId, status });
    // No report yet: ask the page's content script, a few times while the page loads.
    const probe = async (attempt: number) => {
      const got = (await browser.storage.session.get(key))[key] as TabState | undefined;
      if (cancelled) return;
      if (got?.report) return set({ kind: 'report', report: got.report, snippets: got.snippets });
      const contentState = await ping(tabId);
      if (cancelled) return;
      // A content script that failed stays failed: stop asking.
      if (contentState?.state === 'error') return set({ kind: 'failed' });
      if (contentState) set({ kind: contentState.state === 'scanning' || contentState.state === 'idle' ? 'scanning' : 'loading' });
      else {
        const tab = await browser.tabs.get(tabId).catch(() => null);
        if (cancelled) return;
        if (tab?.status !== 'loading' && attempt >= 3) return set({ kind: 'unreadable' });
        set({ kind: 'loading' });
      }
      timer = setTimeout(() => void probe(attempt + 1), 600);
    };
    void probe(0);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      clearTimeout(timer);
      const next = changes[key]?.newValue as TabState | undefined;
      if (next?.report) set({ kind: 'report', report: next.report, snippets: next.snippets });
      else {
        // The tab navigated: the old report was cleared.
        set({ kind: 'loading' });
        void probe(0);
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);
  if (tabId === null) return { kind: 'no-tab' };
  return state && state.tabId === tabId ? state.status : { kind: 'loading' };
}

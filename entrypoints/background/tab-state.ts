import { browser } from 'wxt/browser';
import type { PageReport } from '../../lib/messages';

/** What the side panel shows for a tab; kept in session storage so it outlives the service worker. */
export interface TabState {
  status: 'done';
  url: string;
  report?: PageReport;
  /** The reader's snippets on this page: found again, or not (orphans are shown, never dropped). */
  snippets?: { anchored: string[]; orphans: string[] };
  updated: number;
}

export const tabKey = (tabId: number) => `tab:${tabId}`;

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: state });
  await setBadge(tabId, state.report?.relevant ? state.report.entities.length : 0);
}

/** Adds to the state of a tab that still shows `url` (a late message from a page the tab has left is ignored). */
export async function updateTabState(tabId: number, url: string, patch: Partial<TabState>): Promise<void> {
  const current = await getTabState(tabId);
  if (!current || current.url !== url) return;
  await browser.storage.session.set({ [tabKey(tabId)]: { ...current, ...patch, updated: Date.now() } });
}

export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
  await setBadge(tabId, 0);
}

export async function getTabState(tabId: number): Promise<TabState | undefined> {
  const got = await browser.storage.session.get(tabKey(tabId));
  return got[tabKey(tabId)] as TabState | undefined;
}

/** MV3 has `action`; Firefox's MV2 build has `browserAction` with the same badge calls. */
function actionApi(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

async function setBadge(tabId: number, distinctEntities: number): Promise<void> {
  const action = actionApi();
  try {
    await action.setBadgeText({ tabId, text: distinctEntities > 0 ? String(Math.min(distinctEntities, 999)) : '' });
    if (distinctEntities > 0) await action.setBadgeBackgroundColor({ tabId, color: '#1f4e79' });
  } catch {
    // The tab may have closed meanwhile; nothing to show then.
  }
}

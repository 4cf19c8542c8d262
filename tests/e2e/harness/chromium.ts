import { rmSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchWithExtension } from '../../../scripts/lib/launch-chromium';

/** The extension API as seen inside the extension's service worker (code passed to worker.evaluate). */
declare const chrome: {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<Array<{ documentUrl?: string }>> };
};

export { CHROME_DIST, CHROME_PATH, storeSettings } from '../../../scripts/lib/launch-chromium';

/** The size of a side panel, for screenshots of what a reader sees. */
export const PANEL_SIZE = { width: 420, height: 900 };

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profile: string;
  /**
   * Opens the side panel page in a tab, describing the given tab (a test cannot drive the real panel's page);
   * `narrow` gives it the width of a side panel.
   */
  openPanel(forPage?: Page, hash?: string, opts?: { narrow?: boolean }): Promise<Page>;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

/** Launches Debian's Chromium with the built extension, on a new or a reused profile. */
export async function launchChromium(opts: { profile?: string; dist?: string; args?: string[] } = {}): Promise<ExtensionBrowser> {
  const { context, profile } = await launchWithExtension(opts);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    profile,
    async openPanel(forPage?: Page, hash = '', opts = {}) {
      const tabId = forPage ? await tabIdOf(worker, forPage.url()) : null;
      const page = await context.newPage();
      if (opts.narrow) await page.setViewportSize(PANEL_SIZE);
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html${tabId !== null ? `?tab=${tabId}` : ''}${hash}`);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface TabReport {
  tabId: number;
  status: 'scanning' | 'done';
  url: string;
  report?: {
    relevant: boolean;
    score: number;
    marks: number;
    capped: boolean;
    entities: Array<{ id: string; count: number; inMain: number; demonyms: number; surfaces: string[] }>;
  };
}

/**
 * Waits until the content script in the tab showing `url` has reported, and returns what the background
 * stored for that tab (the extension keeps per-tab state in session storage, keyed by tab id).
 */
export async function waitForReport(worker: Worker, url: string, timeoutMs = 20_000): Promise<TabReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await worker.evaluate(async (u) => {
      const all = await chrome.storage.session.get(null);
      for (const [key, value] of Object.entries(all)) {
        const v = value as { url?: string; status?: string };
        if (key.startsWith('tab:') && v.url === u && v.status === 'done') return { tabId: Number(key.slice(4)), ...(v as object) };
      }
      return null;
    }, url);
    if (found) return found as TabReport;
    if (Date.now() > deadline) throw new Error(`no report from the content script for ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return (await waitForReport(worker, url)).tabId;
}

/**
 * Waits until Chromium's real side panel shows `entity`: a click on a mark is a user gesture, so the
 * extension may open the panel, which follows the request and shows the entity's view.
 */
export async function waitForSidePanelOn(worker: Worker, entity: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const urls = await worker.evaluate(async () => {
      const contexts = await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
      return contexts.map((c) => c.documentUrl ?? '');
    });
    if (urls.some((u) => u.endsWith(`#/entity/${entity}`))) return;
    if (Date.now() > deadline) throw new Error(`the side panel does not show ${entity} (side panels: ${JSON.stringify(urls)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

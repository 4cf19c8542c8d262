import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './harness/artifacts';
import { CHROME_DIST, launchChromium, waitForReport } from './harness/chromium';
import { footprint, instrumentPages } from './harness/page-probes';
import { startServer } from './harness/server';
import { chromiumSuite } from './harness/suite';

describe('an open tab when the extension is reloaded or updated (Chromium)', () => {
  const env = chromiumSuite({ instrumentPages: true });

  it('leaves the page as it was once the orphaned content script next needs the extension', async () => {
    const page = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/sample-news.html?orphaned`;
    await page.goto(url);
    const report = (await waitForReport(env.browser.worker, url)).report!;
    const marks = async () => Object.values((await footprint(page)).highlights).reduce((n, v) => n + v, 0);
    expect(await marks()).toBe(report.marks);
    // The extension reloads, as on an update: Chrome puts no new copy in open tabs, and the old one is orphaned.
    await env.browser.worker.evaluate(() => (self as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await page.waitForTimeout(1000);
    // The page adds text that names a corpus entity: the orphan reads it, fails to report it, and stands down.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, convoys left Aleppo for Mosul.';
      document.querySelector('article')!.append(p);
    });
    await expect.poll(marks, { timeout: 10_000 }).toBe(0);
    expect(await page.$('crossframe-ui')).toBeNull();
    // The page itself is untouched and keeps working.
    expect(await page.textContent('article')).toContain('Later, convoys left Aleppo for Mosul.');
    await page.close();
  });
});

describe('a page whose full content script cannot be loaded (Chromium)', () => {
  it('is left as it was, and the panel says so instead of waiting forever', async () => {
    // The built extension without its full script: what a browser that refuses the import() would leave.
    const dist = mkdtempSync(join(tmpdir(), 'crossframe-no-full-'));
    cpSync(CHROME_DIST, dist, { recursive: true });
    rmSync(join(dist, 'content-full.js'));
    const server = await startServer();
    const browser = await launchChromium({ dist });
    try {
      await instrumentPages(browser.context);
      const page = await browser.context.newPage();
      const url = `${server.origin}/fixtures/sample-news.html?no-full-script`;
      await page.goto(url);
      // No report comes from this page, and without the tabs permission a tab's address is not readable:
      // the page is the active tab, the one just opened.
      await page.bringToFront();
      const tabId = await browser.worker.evaluate(
        async () => (await (self as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }).chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      );
      expect(tabId).toEqual(expect.any(Number));
      const panel = await browser.context.newPage();
      await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
      await expect.poll(() => panel.evaluate(() => document.body.innerText), { timeout: 15_000 }).toContain('Crossframe could not read this page');
      expect(await footprint(page)).toEqual({ highlights: {}, adoptedSheets: 0, ownNodes: [], htmlUnchangedSinceDcl: true });
      await screenshot(panel, 'panel-page-failed');
      // A save asked for there gets a reason, not silence.
      const saved = await browser.worker.evaluate(
        (id) => (self as unknown as { chrome: { tabs: { sendMessage(t: number, m: object): Promise<unknown> } } }).chrome.tabs.sendMessage(id, { type: 'content/save-selection' }),
        tabId!,
      );
      expect(saved).toEqual({ ok: false, message: expect.stringContaining('could not read this page') });
    } finally {
      await browser.close();
      await server.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

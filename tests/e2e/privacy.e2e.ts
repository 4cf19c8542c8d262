import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, waitForReport, waitForSidePanelOn, type ExtensionBrowser } from './harness/chromium';
import { waitForSeed } from './harness/idb';
import { classifyNetlog } from './harness/netlog';
import { startServer, type TestServer } from './harness/server';

async function hoverAndClick(page: Page, word: string): Promise<void> {
  const at = await page.evaluate((w) => {
    const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(w);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + w.length);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    throw new Error(`no ${w}`);
  }, word);
  await page.mouse.move(at.x, at.y);
  await page.locator('crossframe-ui .card').waitFor({ state: 'visible' });
  await page.mouse.click(at.x, at.y);
}

describe('privacy: the extension makes no network request while a reader uses every feature', () => {
  let server: TestServer;
  let browser: ExtensionBrowser;
  let dir: string;
  const visited = new Set<string>();

  beforeAll(async () => {
    server = await startServer();
    dir = mkdtempSync(join(tmpdir(), 'crossframe-netlog-'));
    browser = await launchChromium({ args: [`--log-net-log=${join(dir, 'netlog.json')}`, '--net-log-capture-mode=Default'] });
    await waitForSeed(browser.worker);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses the features: marks, card, deep link, panel views, look-up, settings, unrelated page', async () => {
    const page = await browser.context.newPage();
    const url = `${server.origin}/fixtures/sample-news.html`;
    visited.add('/fixtures/sample-news.html');
    await page.goto(url);
    const { tabId } = await waitForReport(browser.worker, url);
    await hoverAndClick(page, 'Raqqa');
    const panel = await browser.context.newPage();
    const base = `chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`;
    for (const hash of ['#/', '#/entity/raqqa', '#/articles', '#/article/magnier-isis-dropping/raqqa', '#/search/Dier%20ez%20Zor', '#/search/Erdogan', '#/settings']) {
      await panel.goto(base + hash);
      await panel.locator('main h2, main [role=status]').first().waitFor();
    }
    await panel.getByLabel(/Mark names on 127\.0\.0\.1/).uncheck();
    await panel.getByLabel(/Mark names on 127\.0\.0\.1/).check();
    const wide = await browser.context.newPage();
    await wide.goto(`chrome-extension://${browser.extensionId}/compare.html#/entity/isis`);
    await wide.locator('.compare-grid').waitFor();
    const other = await browser.context.newPage();
    visited.add('/fixtures/unrelated-news.html');
    await other.goto(`${server.origin}/fixtures/unrelated-news.html`);
    await waitForReport(browser.worker, `${server.origin}/fixtures/unrelated-news.html`);
    // A planted request from a page (not from the extension), so that the check below is shown able to fail.
    visited.add('/planted.html');
    const planted = await browser.context.newPage();
    await planted.goto(server.route('/planted.html', '<title>planted</title><p>A page that fetches elsewhere.</p>'));
    await planted.evaluate(() => fetch('http://planted.invalid/beacon').catch(() => undefined));
  });

  it('requested nothing in its own name, and its content scripts nothing beyond the page', async () => {
    const netlog = join(dir, 'netlog.json');
    // A closed browser leaves a complete net-log file.
    await browser.close({ keepProfile: false });
    const requests = classifyNetlog(netlog, `chrome-extension://${browser.extensionId}`, server.origin);
    expect(requests.fromExtension).toEqual([]);
    // The only outward request from a page context is the one the test planted.
    expect(requests.fromPagesOutward).toEqual(['http://planted.invalid/beacon']);
    // Chromium's own services still try the network in this build despite the flags; they are not ours.
    console.log(`Chromium's own requests (not the extension's): ${requests.fromBrowser.map((u) => new URL(u).host).join(', ') || 'none'}`);
    // The test server saw only the pages the test opened (and the browser's own favicon requests).
    const paths = new Set(server.requests.map((r) => new URL(r.url, server.origin).pathname));
    for (const p of paths) expect(visited.has(p) || p === '/favicon.ico', p).toBe(true);
  });
});

describe('security: hostile pages and messages', () => {
  let server: TestServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    await waitForSeed(browser.worker);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('never runs or renders page text as HTML in the card or the panel', async () => {
    const page = await browser.context.newPage();
    const url = `${server.origin}/fixtures/hostile-page.html`;
    await page.goto(url);
    const { tabId, report } = await waitForReport(browser.worker, url);
    expect(report?.relevant).toBe(true);
    expect(report?.entities.flatMap((e) => e.surfaces).every((s) => !/[<>"]/.test(s))).toBe(true);
    await hoverAndClick(page, 'Raqqa');
    await waitForSidePanelOn(browser.worker, 'raqqa');
    const card = await page.evaluate(() => {
      const root = document.querySelector('crossframe-ui')!.shadowRoot!;
      return { elements: root.querySelectorAll('*').length, tags: [...new Set([...root.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))].sort() };
    });
    expect(card.tags).toEqual(['button', 'div', 'p', 'span']);
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.locator('.page-title').waitFor();
    // The title is shown as the page wrote it, as text.
    expect(await panel.locator('.page-title').textContent()).toBe(`<img src=x onerror="window.__pwned='title'"> Raqqa <script>window.__pwned='title-script'</script>`);
    expect(await panel.locator('main img, main svg, main script, main iframe').count()).toBe(0);
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    // The page cannot reach the extension: no messaging API is exposed to web pages.
    expect(await page.evaluate(() => (window as unknown as { __attempts: string[] }).__attempts)).toEqual([expect.stringMatching(/^refused/)]);
  });

  it('ignores malformed messages and messages from the wrong kind of sender', async () => {
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const replies = await panel.evaluate(async () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const send = (m: unknown) => runtime.sendMessage(m).then((r: unknown) => r ?? null, (e: Error) => `error: ${e.message}`);
      return {
        // A report may only come from a content script in a tab, never from an extension page.
        report: await send({ type: 'page/report', report: { url: 'https://x.example/', title: 'x', relevant: true, score: 1, entities: [], marks: 0, capped: false } }),
        unknown: await send({ type: 'corpus/drop-everything' }),
        garbage: await send('<script>alert(1)</script>'),
        tooBig: await send({ type: 'panel/get-tab', tabId: 'x'.repeat(10) }),
        valid: await send({ type: 'corpus/status' }),
      };
    });
    expect(replies.valid).toMatchObject({ state: 'ready' });
    for (const key of ['report', 'unknown', 'garbage', 'tooBig'] as const) expect([null, expect.stringMatching(/^error/)]).toContainEqual(replies[key]);
    const session = await browser.worker.evaluate(() => (self as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get(null));
    expect(Object.values(session).some((v) => (v as { url?: string }).url === 'https://x.example/')).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxWithExtension } from './harness/firefox';
import { startServer, type TestServer } from './harness/server';

const until = async <T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined as T);
    if (v !== undefined && ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe('Firefox ESR smoke: the Firefox build installs, marks a page, renders the panel', () => {
  let server: TestServer;
  let ff: FirefoxWithExtension;

  beforeAll(async () => {
    server = await startServer();
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('marks corpus entities on a local news page', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`${server.origin}/fixtures/sample-news.html`);
    const painted = await until(
      () => page.evaluate(() => Object.fromEntries([...(CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.entries()].map(([k, v]) => [k, v.size]))),
      (v) => (v['crossframe-place'] ?? 0) > 0,
    );
    expect(painted['crossframe-place']).toBeGreaterThanOrEqual(4);
    expect(painted['crossframe-person']).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('loads its full script on a page whose CSP allows no script, and leaves an unrelated page unmarked', async () => {
    const highlights = (page: Awaited<ReturnType<typeof ff.browser.newPage>>) =>
      page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.values()].reduce((n, h) => n + h.size, 0));
    // The gate script imports content-full.js from the extension: the page's policy must not stop it.
    const strict = server.route(
      '/firefox-strict-csp.html',
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>Raqqa after ISIS</title></head>
      <body><article><p>The Syrian Democratic Forces took Raqqa from ISIS in 2017. Deir ez-Zor and Aleppo followed.</p></article></body></html>`,
    );
    const page = await ff.browser.newPage();
    await page.goto(strict);
    expect(await until(() => highlights(page), (n) => n >= 4)).toBeGreaterThanOrEqual(4);
    // The gate rules an unrelated page out: nothing is painted there (checked after the marked page, which
    // shows how long marking takes here).
    await page.goto(`${server.origin}/fixtures/unrelated-news.html`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await highlights(page)).toBe(0);
    await page.close();
  });

  it('saves a selection on an unrelated page, loading the full script for it, and lists it in the panel', async () => {
    const text = 'Shop owners on the high street asked for loading bays to be kept';
    const page = await ff.browser.newPage();
    await page.goto(`${server.origin}/fixtures/unrelated-news.html?firefox-snippet`);
    await page.evaluate((t) => {
      const node = document.querySelector('article p:nth-of-type(2)')!.firstChild as Text;
      const at = node.data.indexOf(t);
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + t.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    }, text);
    // As the background does for the save command: ask the page's content script (any tab; only ours answers).
    const panel = await ff.openPanel('#/saved');
    type Tabs = { tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> } };
    const reply = await until(
      () =>
        panel.evaluate(async () => {
          const api = (globalThis as unknown as { browser: Tabs }).browser;
          const replies = await Promise.all((await api.tabs.query({})).map((t) => api.tabs.sendMessage(t.id, { type: 'content/save-selection' }).catch(() => null)));
          return replies.find((r) => r !== null && r !== undefined) as { ok: boolean; message: string } | undefined;
        }),
      (r) => r !== undefined,
    );
    expect(reply).toMatchObject({ ok: true });
    await panel.close();
    const saved = await ff.openPanel('#/saved');
    const listed = await until(
      () => saved.$$eval('li.snippet', (els) => els.map((e) => e.textContent ?? '')),
      (v) => v.length > 0,
    );
    expect(listed.join(' ')).toContain('loading bays');
    await saved.close();
    await page.close();
  });

  it('renders the five corpus articles from IndexedDB in the panel page', async () => {
    const panel = await ff.openPanel('#/articles');
    const titles = await until(
      () => panel.$$eval('.article-list li .article-title', (els) => els.map((e) => e.textContent ?? '')),
      (v) => v.length === 5,
    );
    expect(titles).toContain('ISIS enters its final days');
    await panel.close();
  });

  it('shows an entity’s five framings in the panel page', async () => {
    const panel = await ff.openPanel('#/entity/syrian-democratic-forces');
    const view = await until(
      () =>
        panel.evaluate(() => ({
          name: document.querySelector('#entity-name')?.textContent ?? '',
          cards: document.querySelectorAll('.framing-card').length,
          silent: Array.from(document.querySelectorAll('.framing-card.silent .summary')).map((e) => e.textContent),
          glance: Array.from(document.querySelectorAll('table.glance tbody tr')).map((r) => r.textContent ?? ''),
        })),
      (v) => v.cards === 5,
    );
    expect(view.name).toBe('Syrian Democratic Forces');
    expect(view.silent).toEqual(['does not mention it']);
    expect(view.glance.join(' ')).toContain('“US proxies”');
    await panel.close();
  });
});

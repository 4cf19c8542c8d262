import { describe, expect, it } from 'vitest';
import { launchChromium, waitForReport } from './harness/chromium';
import { screenshot } from './harness/artifacts';
import { readStore, waitForSeed, type MetaRow } from './harness/idb';
import { chromiumSuite } from './harness/suite';

describe('foundation: install, seed, mark, panel, restart (Chromium)', () => {
  const env = chromiumSuite();
  let firstSeed: MetaRow;

  it('seeds the five corpus articles into IndexedDB on install', async () => {
    firstSeed = await waitForSeed(env.browser.worker);
    const articles = await readStore<Array<{ id: string; source: string; body: string }>>(env.browser.worker, 'articles');
    expect(articles).toHaveLength(5);
    expect(articles.every((a) => a.source === 'seed' && a.body.length > 3000)).toBe(true);
    expect(firstSeed.counts.articles).toBe(5);
    expect(firstSeed.counts.entities).toBeGreaterThan(100);
  });

  it('marks a corpus place on a local news page and reports it', async () => {
    const page = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/sample-news.html`;
    await page.goto(url);
    const tab = await waitForReport(env.browser.worker, url);
    expect(tab.report?.relevant).toBe(true);
    const raqqa = tab.report?.entities.find((e) => e.id === 'raqqa');
    expect(raqqa?.count).toBeGreaterThanOrEqual(2);
    // The marks are CSS highlights registered on the page's document, one per entity type.
    const painted = await page.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
      return Object.fromEntries([...reg.entries()].map(([k, v]) => [k, v.size]));
    });
    expect(painted['crossframe-place']).toBeGreaterThanOrEqual(4);
    expect(tab.report?.marks).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'foundation-marked-page');
    await page.close();
  });

  it('renders the corpus from IndexedDB in the side panel page, and a body on click', async () => {
    const panel = await env.browser.openPanel(undefined, '#/articles');
    const items = panel.getByRole('list', { name: 'Corpus articles' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(5);
    await expect.poll(() => panel.getByText('not stated (inferred: late October 2017)').count()).toBe(1);
    await screenshot(panel, 'foundation-panel-list');
    await panel.getByRole('button', { name: 'ISIS enters its final days' }).click();
    await expect.poll(() => panel.getByRole('article').textContent()).toContain('its time of power and terror is almost up.');
    const body = (await panel.getByRole('article').textContent()) ?? '';
    expect(body).not.toContain('Helsinki');
    await screenshot(panel, 'foundation-panel-article');
    await panel.close();
  });

  it('keeps the data across a browser restart without re-seeding', async () => {
    const profile = env.browser.profile;
    await env.browser.close({ keepProfile: true });
    env.browser = await launchChromium({ profile });
    // Give the background time to start and check the corpus; it must find it current.
    const panel = await env.browser.openPanel(undefined, '#/articles');
    await expect.poll(() => panel.getByRole('list', { name: 'Corpus articles' }).getByRole('listitem').count()).toBe(5);
    const meta = await readStore<MetaRow>(env.browser.worker, 'meta', 'corpus');
    expect(meta.seededAt).toBe(firstSeed.seededAt);
    expect(meta.version).toBe(firstSeed.version);
  });

  it('heals a damaged database (half the mentions gone, an article missing) on the next start', async () => {
    await env.browser.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('crossframe');
          open.onsuccess = () => {
            const tx = open.result.transaction(['mentions', 'articles'], 'readwrite');
            const mentions = tx.objectStore('mentions');
            const keys = mentions.getAllKeys();
            keys.onsuccess = () => {
              for (const k of keys.result.slice(0, Math.floor(keys.result.length / 2))) mentions.delete(k);
              tx.objectStore('articles').delete('magnier-isis-dropping');
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    const damaged = await readStore<unknown[]>(env.browser.worker, 'articles');
    expect(damaged).toHaveLength(4);
    const profile = env.browser.profile;
    await env.browser.close({ keepProfile: true });
    env.browser = await launchChromium({ profile });
    await expect.poll(async () => (await readStore<unknown[]>(env.browser.worker, 'articles')).length, { timeout: 20_000 }).toBe(5);
    const meta = await readStore<MetaRow>(env.browser.worker, 'meta', 'corpus');
    expect(meta.seededAt).toBeGreaterThan(firstSeed.seededAt);
    const mentions = await readStore<unknown[]>(env.browser.worker, 'mentions');
    expect(mentions).toHaveLength(meta.counts.mentions as number);
  });
});

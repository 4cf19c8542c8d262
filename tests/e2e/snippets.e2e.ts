import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness/artifacts';
import { seriousViolations } from './harness/axe';
import { launchChromium, PANEL_SIZE, waitForReport, type ExtensionBrowser } from './harness/chromium';
import { readStore, waitForSeed, type MetaRow } from './harness/idb';
import { keyedBuild, manifestKey } from './harness/keyed-build';
import { messagesOfType } from './harness/page-probes';
import { startServer } from './harness/server';
import { chromiumSuite } from './harness/suite';

interface Stored {
  id: string;
  created: number;
  deleted?: number;
  source: { kind: string; url: string; title: string; site: string; article?: string; passage?: number };
  selectors: [{ type: string; exact: string; prefix: string; suffix: string }, { type: string; start: number; end: number }];
  note: string;
  tags: string[];
  entities: string[];
}

const QUOTE = 'The Syrian Democratic Forces said their engineers were still clearing mines from the old town of Raqqa';
const story = (version: 1 | 2 | 3) => {
  const lead = version === 2 ? '<p>Update, Thursday: aid convoys reached the city for the first time in weeks, officials said.</p>' : '';
  const quote = version === 1 ? `${QUOTE}, months after the battle.` : version === 2 ? `${QUOTE.replace('engineers were still', 'engineers are still')}, months after the battle.` : 'The paragraph about the mines was removed by the editors.';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Raqqa after the battle</title></head><body><main><article>
<h1>Raqqa after the battle</h1>${lead}
<p id="quote">${quote}</p>
<p id="second">Further south, the Syrian Arab Army and Hezbollah pressed ISIS fighters towards Deir ez-Zor and Abu Kamal.</p>
<p id="third">In Damascus, Bashar al-Assad said the Islamic State was finished; the US-led coalition disagreed.</p>
</article></main></body></html>`;
};

async function selectText(page: Page, css: string, text: string): Promise<void> {
  await page.evaluate(
    ([c, t]) => {
      const node = document.querySelector(c as string)!.firstChild as Text;
      const at = node.data.indexOf(t as string);
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + (t as string).length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    },
    [css, text],
  );
}

const snippets = (b: ExtensionBrowser) => readStore<Stored[]>(b.worker, 'snippets');
const live = async (b: ExtensionBrowser) => (await snippets(b)).filter((s) => !s.deleted);

describe('saved snippets (Chromium)', () => {
  const env = chromiumSuite({ seed: true });
  let page: Page;
  let panel: Page;
  let url: string;
  let tabId: number;
  const panelUrl = (hash = '') => `chrome-extension://${env.browser.extensionId}/sidepanel.html?tab=${tabId}${hash}`;

  beforeAll(async () => {
    url = env.server.route('/snip/story.html', story(1));
    page = await env.browser.context.newPage();
    await page.goto(url);
    tabId = (await waitForReport(env.browser.worker, url)).tabId;
    panel = await env.browser.context.newPage();
    await panel.setViewportSize(PANEL_SIZE);
    await panel.goto(panelUrl());
  });

  it('saves a selection from a page with W3C quote and position selectors, the page, the site and the names in it', async () => {
    await selectText(page, '#quote', QUOTE);
    await panel.getByRole('button', { name: 'Save the page’s selection' }).click();
    await expect.poll(() => panel.locator('.lookup [role=status]').textContent()).toBe('Saved to Crossframe.');
    const [s] = await live(env.browser);
    expect(s!.selectors[0]).toMatchObject({ type: 'TextQuoteSelector', exact: QUOTE });
    // 32 characters of context each side, as the page text has them (with its line breaks).
    expect(s!.selectors[0].prefix).toMatch(/Raqqa after the battle\s*$/);
    expect(s!.selectors[0].suffix).toMatch(/^, months after the battle\.\s+Furt/);
    expect(s!.selectors[0].suffix).toHaveLength(32);
    expect(s!.selectors[1]).toMatchObject({ type: 'TextPositionSelector' });
    expect(s!.selectors[1].end - s!.selectors[1].start).toBe(QUOTE.length);
    expect(s!.source).toEqual({ kind: 'page', url, title: 'Raqqa after the battle', site: '127.0.0.1' });
    expect(s!.entities.sort()).toEqual(['raqqa', 'syrian-democratic-forces']);
    expect(s!.created).toBeGreaterThan(Date.now() - 60_000);
  });

  it('saves from the hover card: the sentence around a mark when nothing is selected', async () => {
    await page.evaluate(() => getSelection()!.removeAllRanges());
    const at = await page.evaluate(() => {
      const t = document.querySelector('#third')!.firstChild as Text;
      const i = t.data.indexOf('Damascus');
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 8);
      const b = r.getBoundingClientRect();
      return { x: b.left + 4, y: b.top + b.height / 2 };
    });
    await page.mouse.move(at.x, at.y);
    await page.locator('crossframe-ui .card').waitFor({ state: 'visible' });
    await page.locator('crossframe-ui .card button.save').click();
    await expect.poll(() => page.locator('crossframe-ui .toast').textContent()).toBe('Saved to Crossframe.');
    const saved = await live(env.browser);
    expect(saved.map((s) => s.selectors[0].exact)).toContain('In Damascus, Bashar al-Assad said the Islamic State was finished; the US-led coalition disagreed.');
  });

  it('saves a corpus passage from an entity’s view', async () => {
    await panel.goto(panelUrl('#/entity/syrian-democratic-forces'));
    await panel.locator('.framing-card').first().getByRole('button', { name: 'Save snippet' }).first().click();
    await expect.poll(() => panel.getByText('Passage saved to your snippets.').count()).toBe(1);
    const corpus = (await live(env.browser)).find((s) => s.source.kind === 'corpus')!;
    expect(corpus.source).toMatchObject({ site: 'corpus', article: 'whitney-isis-last-stand', url: 'crossframe:corpus/whitney-isis-last-stand' });
    expect(corpus.entities).toContain('syrian-democratic-forces');
    expect(corpus.selectors[0].exact).toContain('SDF');
  });

  it('finds a snippet again on a revisit, after edits, and shows it as not found when the page lost it', async () => {
    const painted = async () =>
      page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights.get('crossframe-snippet');
        return h ? [...h].map((r) => {
          const x = document.createRange();
          x.setStart(r.startContainer, r.startOffset);
          x.setEnd(r.endContainer, r.endOffset);
          return x.toString();
        }) : [];
      });
    await page.reload();
    await expect.poll(painted).toContain(QUOTE);
    // The editors changed a word and added a paragraph before it: found again, fuzzily.
    env.server.route('/snip/story.html', story(2));
    await page.reload();
    await expect.poll(painted).toContain(QUOTE.replace('engineers were still', 'engineers are still'));
    await screenshot(page, 'snippet-reanchored');
    await panel.goto(panelUrl());
    await expect.poll(() => panel.locator('.saved-here li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('marked on the page')]));
    // The paragraph is gone: the snippet is an orphan, shown as such, never dropped.
    env.server.route('/snip/story.html', story(3));
    await page.reload();
    await expect.poll(() => panel.locator('.saved-orphan').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.locator('.saved-orphan').textContent()).toContain('no longer found on the page');
    await screenshot(panel, 'panel-saved-on-page-orphan', { fullPage: true });
    expect((await live(env.browser)).length).toBe(3);
    env.server.route('/snip/story.html', story(1));
  });

  it('filters, edits note and tags, deletes with undo, and compares snippets aligned on shared entities', async () => {
    await panel.goto(panelUrl('#/saved'));
    await expect.poll(() => panel.locator('li.snippet').count()).toBe(3);
    const first = panel.locator('li.snippet', { hasText: 'clearing mines' });
    await first.getByRole('button', { name: 'Edit note and tags' }).click();
    await first.getByLabel('Note').fill('Mines in Raqqa: compare with the UN report.');
    await first.getByLabel('Tags (comma-separated)').fill('raqqa, mines');
    await first.getByRole('button', { name: 'Save note and tags' }).click();
    await expect.poll(async () => (await live(env.browser)).find((s) => s.selectors[0].exact === QUOTE)?.tags).toEqual(['raqqa', 'mines']);
    // The filters are the only drop-downs (the editor's "Tags" field is a text box, and may still be closing).
    const filter = (name: string) => panel.getByRole('combobox', { name: new RegExp(`^${name}`) });
    await filter('Tag').selectOption('mines');
    await expect.poll(() => panel.locator('li.snippet').count()).toBe(1);
    await filter('Tag').selectOption('');
    await filter('Site').selectOption('corpus');
    await expect.poll(() => panel.locator('li.snippet').count()).toBe(1);
    await filter('Site').selectOption('');
    await filter('Entity').selectOption('syrian-democratic-forces');
    await expect.poll(() => panel.locator('li.snippet').count()).toBe(2);
    await filter('Entity').selectOption('');
    await panel.getByLabel('Text', { exact: true }).fill('damascus');
    await expect.poll(() => panel.locator('li.snippet').count()).toBe(1);
    await panel.getByLabel('Text', { exact: true }).fill('');
    // Compare the two snippets that share the SDF; the corpus framings of the SDF sit beside them.
    for (const text of ['clearing mines', 'SDF']) await panel.locator('li.snippet', { hasText: text }).first().getByLabel('Select for comparison').check();
    const table = panel.locator('table.compare-snippets');
    await table.waitFor();
    const rows = await table.locator('tbody tr th').allTextContents();
    expect(rows).toContain('Syrian Democratic Forces');
    expect(await table.locator('tbody tr', { hasText: 'Syrian Democratic Forces' }).locator('mark.hl').count()).toBeGreaterThanOrEqual(2);
    // The corpus framings arrive after the table (each article's cell shows "…" until then).
    await expect.poll(() => table.locator('tbody tr', { hasText: 'Syrian Democratic Forces' }).textContent()).toContain('calls it "US proxies"');
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      await screenshot(panel, `panel-saved-compare-${scheme}`, { fullPage: true });
      expect(await seriousViolations(panel), `saved view (${scheme})`).toEqual([]);
    }
    await panel.emulateMedia({ colorScheme: 'light' });
    // Delete, then undo.
    await panel.locator('li.snippet', { hasText: 'Damascus' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => panel.locator('li.snippet').count()).toBe(2);
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => panel.locator('li.snippet').count()).toBe(3);
  });

  it('exports JSON and Markdown, and imports a file: good records in, bad ones reported by line, conflicts asked about', async () => {
    await panel.goto(panelUrl('#/saved'));
    const [json] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON' }).click()]);
    const exported = readFileSync(await json.path(), 'utf8');
    const [md] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export Markdown' }).click()]);
    expect(readFileSync(await md.path(), 'utf8')).toContain('Mines in Raqqa: compare with the UN report.');
    const lines = exported.split('\n');
    const recordLines = lines.filter((l) => l.trimStart().startsWith('{"id"'));
    expect(recordLines).toHaveLength(3);
    // A file with one new good record, one broken record and one conflicting record (same id, other text).
    const good = JSON.parse(recordLines[0]!.replace(/,$/, ''));
    const newQuote = 'A brand new quote about Raqqa.';
    const fresh = {
      ...good,
      id: 'imported-1',
      selectors: [{ ...good.selectors[0], exact: newQuote }, { ...good.selectors[1], end: good.selectors[1].start + newQuote.length }],
    };
    const conflict = { ...good, note: 'A different note under the same id' };
    const file = ['{"format":"crossframe-snippets","version":1,"exported":"2026-11-21T00:00:00.000Z","count":3,"snippets":[', `${JSON.stringify(fresh)},`, '{"id":"broken","created":"yesterday"},', `${JSON.stringify(conflict)}`, ']}'].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'crossframe-import-'));
    writeFileSync(join(dir, 'import.json'), file);
    await panel.setInputFiles('input[type=file]', join(dir, 'import.json'));
    await expect.poll(() => panel.locator('.import-problems li').allTextContents()).toEqual([expect.stringMatching(/^Line 3: /)]);
    await panel.getByRole('button', { name: 'Keep both (import as copies)' }).click();
    await expect.poll(async () => (await live(env.browser)).length).toBe(5);
    // The reader's own snippet is unchanged (the import's other note went into a copy): imports never overwrite.
    const stored = await live(env.browser);
    expect(stored.find((s) => s.id === good.id)?.note).toBe(good.note);
    expect(stored.filter((s) => s.note === 'A different note under the same id' && s.id !== good.id)).toHaveLength(1);
  });

  it('saves from two tabs at once and loses nothing', async () => {
    const other = await env.browser.context.newPage();
    await other.goto(url);
    const otherTab = (await waitForReport(env.browser.worker, url)).tabId;
    await selectText(page, '#second', 'the Syrian Arab Army and Hezbollah pressed ISIS fighters');
    await selectText(other, '#third', 'Bashar al-Assad said the Islamic State was finished');
    const before = (await live(env.browser)).length;
    await Promise.all([
      env.browser.worker.evaluate((t) => (self as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } } }).chrome.tabs.sendMessage(t, { type: 'content/save-selection' }), tabId),
      env.browser.worker.evaluate((t) => (self as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } } }).chrome.tabs.sendMessage(t, { type: 'content/save-selection' }), otherTab),
    ]);
    await expect.poll(async () => (await live(env.browser)).length).toBe(before + 2);
    await other.close();
  });

  it('keeps a snippet the database refuses (storage full), says so, and saves it on retry', async () => {
    // Make the snippets store refuse writes in the background, as a full disk would.
    await env.browser.worker.evaluate(() => {
      const g = self as unknown as { __realAdd?: IDBObjectStore['add'] };
      g.__realAdd = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (this.name === 'snippets') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return g.__realAdd!.apply(this, args);
      };
    });
    const before = (await live(env.browser)).length;
    await selectText(page, '#third', 'the US-led coalition disagreed');
    await panel.goto(panelUrl());
    await panel.getByRole('button', { name: 'Save the page’s selection' }).click();
    await expect.poll(() => panel.locator('.lookup [role=status]').textContent()).toMatch(/storage for Crossframe is full.*kept/);
    expect((await live(env.browser)).length).toBe(before);
    await panel.goto(panelUrl('#/saved'));
    const banner = panel.getByRole('alert');
    await expect.poll(() => banner.textContent()).toMatch(/1 snippet could not be saved yet/);
    await screenshot(panel, 'panel-saved-pending');
    await env.browser.worker.evaluate(() => {
      IDBObjectStore.prototype.add = (self as unknown as { __realAdd: IDBObjectStore['add'] }).__realAdd;
    });
    await panel.getByRole('button', { name: 'Retry now' }).click();
    await expect.poll(async () => (await live(env.browser)).length).toBe(before + 1);
    await expect.poll(() => panel.getByRole('alert').count()).toBe(0);
  });

  it('keeps every snippet across a browser restart and a corpus re-seed', async () => {
    const all = (await snippets(env.browser)).map((s) => s.id).sort();
    expect(all.length).toBeGreaterThanOrEqual(8);
    const profile = env.browser.profile;
    await env.browser.close({ keepProfile: true });
    env.browser = await launchChromium({ profile });
    expect((await snippets(env.browser)).map((s) => s.id).sort()).toEqual(all);
    // Force a re-seed (as a new corpus version would): damage the meta row, restart.
    await env.browser.worker.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('crossframe');
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').put({ key: 'corpus', version: 'an-older-version', counts: {}, seededAt: 1 });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
    );
    await env.browser.close({ keepProfile: true });
    env.browser = await launchChromium({ profile });
    await expect.poll(async () => (await readStore<MetaRow>(env.browser.worker, 'meta', 'corpus')).version).not.toBe('an-older-version');
    expect((await snippets(env.browser)).map((s) => s.id).sort()).toEqual(all);
  });
});

describe('snippets on a page that is not about Syria or ISIS (Chromium)', () => {
  const env = chromiumSuite({ seed: true, countMessages: true });

  it('saves a selection there, and finds it again on a revisit, though the page is never analysed in full', async () => {
    const text = 'Shop owners on the high street asked for loading bays to be kept';
    const url = `${env.server.origin}/fixtures/unrelated-news.html?snippet`;
    const page = await env.browser.context.newPage();
    await page.goto(url);
    const { tabId, report } = await waitForReport(env.browser.worker, url);
    expect(report).toMatchObject({ relevant: false, marks: 0 });
    await selectText(page, 'article p:nth-of-type(2)', text);
    await env.browser.worker.evaluate((t) => (self as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } } }).chrome.tabs.sendMessage(t, { type: 'content/save-selection' }), tabId);
    await expect.poll(async () => (await live(env.browser)).map((s) => s.selectors[0].exact)).toEqual([text]);
    const [saved] = await live(env.browser);
    expect(saved!.entities).toEqual([]);
    expect(saved!.selectors[0].prefix).toMatch(/replies\.\s*$/);
    // The full script, loaded to save, went on from the gate's report: the page was reported once.
    expect(await messagesOfType(env.browser.worker, url, 'page/report')).toBe(1);
    const reportsBefore = 1;
    await page.reload();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const h = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights.get('crossframe-snippet');
          return h ? [...h].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)) : [];
        }),
      )
      .toEqual([text]);
    // One report of the revisited page: the full script, loaded to find the snippet, goes on from the gate's.
    await page.waitForTimeout(500);
    expect(await messagesOfType(env.browser.worker, url, 'page/report')).toBe(reportsBefore + 1);
    expect(await messagesOfType(env.browser.worker, url, 'page/anchor-snippets')).toBe(1);
    await page.close();
  });
});

describe('snippets survive an extension update (Chromium; a newer build installed over the same profile)', () => {
  it('keeps the reader’s snippets and re-seeds nothing of theirs', async () => {
    const server = await startServer();
    const key = manifestKey();
    const v1 = keyedBuild(key, '0.1.0');
    const v2 = keyedBuild(key, '0.2.0');
    let browser = await launchChromium({ dist: v1 });
    await waitForSeed(browser.worker);
    const url = server.route('/update/story.html', story(1));
    const page = await browser.context.newPage();
    await page.goto(url);
    const { tabId } = await waitForReport(browser.worker, url);
    await selectText(page, '#quote', QUOTE);
    await browser.worker.evaluate((t) => (self as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } } }).chrome.tabs.sendMessage(t, { type: 'content/save-selection' }), tabId);
    await expect.poll(async () => (await live(browser)).length).toBe(1);
    const before = await snippets(browser);
    const id = browser.extensionId;
    const profile = browser.profile;
    await browser.close({ keepProfile: true });
    browser = await launchChromium({ dist: v2, profile });
    expect(browser.extensionId).toBe(id);
    expect(await browser.worker.evaluate(() => (self as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version)).toBe('0.2.0');
    await waitForSeed(browser.worker);
    expect(await snippets(browser)).toEqual(before);
    await browser.close();
    await server.close();
  });
});

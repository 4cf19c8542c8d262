import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness/artifacts';
import { seriousViolations } from './harness/axe';
import { waitForReport } from './harness/chromium';
import { readStore } from './harness/idb';
import { hasRealpages, realpageUrl } from './harness/server';
import { chromiumSuite } from './harness/suite';

/** Checks a view for serious or critical accessibility problems in the light and the dark theme, with screenshots of both. */
async function checkView(panel: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    await screenshot(panel, `panel-${name}-${scheme}`, { fullPage: true });
    expect(await seriousViolations(panel), `${name} (${scheme})`).toEqual([]);
  }
  await panel.emulateMedia({ colorScheme: 'light' });
}

describe('side panel (Chromium; the panel page opened in a tab, describing a marked page)', () => {
  const env = chromiumSuite({ seed: true });
  let news: Page;
  let panel: Page;
  let tabId: number;
  const newsUrl = () => (hasRealpages() ? realpageUrl(env.server.origin, 'tpm-kobane-2015') : `${env.server.origin}/fixtures/sample-news.html`);

  beforeAll(async () => {
    news = await env.browser.context.newPage();
    await news.goto(newsUrl());
    tabId = (await waitForReport(env.browser.worker, newsUrl())).tabId;
    panel = await env.browser.openPanel(news, '', { narrow: true });
  });

  it('lists the page’s entities grouped by type, most named first, each with how many articles name it', async () => {
    await panel.getByRole('heading', { name: 'On this page' }).waitFor();
    const report = (await waitForReport(env.browser.worker, newsUrl())).report!;
    const groups = await panel.locator('.entity-group').evaluateAll((sections) =>
      sections.map((s) => ({
        type: s.querySelector('h3')?.textContent,
        rows: Array.from(s.querySelectorAll('.entity-row')).map((r) => ({
          name: r.querySelector('.entity-name')?.textContent,
          meta: r.querySelector('.entity-meta')?.textContent ?? '',
        })),
      })),
    );
    expect(groups.map((g) => g.type)).toEqual(expect.arrayContaining(['Places', 'Groups']));
    const listed = groups.flatMap((g) => g.rows);
    // Every entity the page reported is listed once.
    expect(listed).toHaveLength(report.entities.length);
    for (const g of groups) {
      const counts = g.rows.map((r) => Number(/^(\d+)×/.exec(r.meta)?.[1] ?? 0));
      expect(counts, `${g.type} sorted by count`).toEqual([...counts].sort((a, b) => b - a));
      for (const r of g.rows) expect(r.meta).toMatch(/named in [0-5] of 5 articles/);
    }
    await checkView(panel, 'this-page');
  });

  it('opens an entity: its description, the five framings side by side, and “does not mention” where silent', async () => {
    await panel.getByRole('button', { name: /^Syrian Democratic Forces|^Islamic State/ }).first().click();
    await panel.getByRole('heading', { level: 2 }).first().waitFor();
    const name = await panel.locator('#entity-name').textContent();
    expect(['Islamic State', 'Syrian Democratic Forces']).toContain(name);
    await panel.goto(`chrome-extension://${env.browser.extensionId}/sidepanel.html?tab=${tabId}#/entity/syrian-democratic-forces`);
    await expect.poll(() => panel.locator('.framing-card').count()).toBe(5);
    const glance = await panel.locator('table.glance tbody tr').allTextContents();
    expect(glance).toHaveLength(5);
    // What the text plainly says, read by the framing pipeline: the articles label the SDF differently.
    expect(glance.join('\n')).toContain('“US proxies”');
    expect(glance.join('\n')).toContain('“front group”');
    expect(glance.find((r) => r.startsWith('Cartalucci'))).toContain('does not mention it');
    const silent = panel.locator('.framing-card.silent');
    expect(await silent.count()).toBe(1);
    expect(await silent.locator('.summary').textContent()).toBe('does not mention it');
    // Passages show the entity's words highlighted; more context shows the sentences around.
    const firstCard = panel.locator('.framing-card').first();
    const marked = await firstCard.locator('mark.hl').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((m) => /SDF|Syrian Democratic Forces/.test(m))).toBe(true);
    const contextBefore = await firstCard.locator('.context').count();
    await firstCard.getByRole('button', { name: 'More context' }).first().click();
    await expect.poll(() => firstCard.locator('.context').count()).toBeGreaterThan(contextBefore);
    await checkView(panel, 'entity');
  });

  it('opens the wide compare view with five aligned columns', async () => {
    const wide = await env.browser.context.newPage();
    await wide.setViewportSize({ width: 1600, height: 1000 });
    await wide.goto(`chrome-extension://${env.browser.extensionId}/compare.html#/entity/bashar-al-assad`);
    await expect.poll(() => wide.locator('.compare-grid thead th').count()).toBe(5);
    const rows = await wide.locator('.compare-grid tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelectorAll('td').length]));
    expect(rows).toEqual([
      ['Summary', 5],
      ['Calls it', 5],
      ['Contested terms', 5],
      ['Tone', 5],
      ['Passages', 5],
    ]);
    // As many columns say "does not mention it" as the stored framings say (Cartalucci and Magnier never name him).
    const stored = await readStore<Array<{ entity: string; summary: string }>>(env.browser.worker, 'framings');
    const silent = stored.filter((f) => f.entity === 'bashar-al-assad' && f.summary === 'does not mention it').length;
    const summaries = await wide.locator('.compare-grid tbody tr').first().locator('td').allTextContents();
    expect(silent).toBe(2);
    expect(summaries.filter((s) => s === 'does not mention it')).toHaveLength(silent);
    await checkView(wide, 'compare');
    await wide.close();
  });

  it('reads a corpus article with its entities marked; a mark opens that entity', async () => {
    await panel.goto(`chrome-extension://${env.browser.extensionId}/sidepanel.html?tab=${tabId}#/articles`);
    await panel.getByRole('button', { name: 'ISIS is not beaten – our devil’s bargain with Iran has ensured it will flourish' }).click();
    await panel.locator('article.reader').waitFor();
    const mentions = panel.locator('article.reader a.mention');
    expect(await mentions.count()).toBeGreaterThan(50);
    expect(await panel.locator('article.reader').textContent()).toContain('keep ISIS alive long into the future.');
    await checkView(panel, 'reader');
    await panel.locator('article.reader a.mention', { hasText: 'Qaryatayn' }).first().click();
    await expect.poll(() => panel.locator('#entity-name').textContent()).toMatch(/Qaryatayn/);
  });

  it('goes back and forward, with the buttons and with Alt+arrow keys', async () => {
    const hash = () => panel.evaluate(() => location.hash);
    const here = await hash();
    await panel.getByRole('button', { name: 'Back' }).click();
    await expect.poll(hash).toMatch(/^#\/article\//);
    await panel.getByRole('button', { name: 'Forward' }).click();
    await expect.poll(hash).toBe(here);
    await panel.keyboard.press('Alt+ArrowLeft');
    await expect.poll(hash).toMatch(/^#\/article\//);
    await panel.keyboard.press('Alt+ArrowRight');
    await expect.poll(hash).toBe(here);
  });

  it('is usable from the keyboard alone: sections, look-up and entity rows are reachable and labelled', async () => {
    await panel.goto(`chrome-extension://${env.browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.getByRole('heading', { name: 'On this page' }).waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await panel.keyboard.press('Tab');
      reached.push(await panel.evaluate(() => (document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '').trim().slice(0, 40)));
    }
    expect(reached).toEqual(expect.arrayContaining(['Back', 'Forward', 'This page', 'Articles', 'Saved', 'Settings', 'Look up']));
    await panel.getByLabel('Look up a name or term').fill('Dier ez Zor');
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.locator('.entity-list .entity-name').first().textContent()).toBe('Deir ez-Zor');
    await checkView(panel, 'search');
  });

  it('follows a click on a mark in the page (deep link), and reports how long it took', async () => {
    await panel.goto(`chrome-extension://${env.browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.getByRole('heading', { name: 'On this page' }).waitFor();
    const times: number[] = [];
    for (const nth of [0, 1, 2]) {
      await panel.evaluate(() => {
        performance.clearMarks();
        location.hash = '#/';
      });
      await news.bringToFront();
      // Move off the last mark and dismiss its card, as a reader moving on would. (Left on a mark, the pointer
      // would show a card for whatever mark the scroll below brings under it, and that card may cover the next
      // mark: a click on our card is not a click on the page.)
      await news.mouse.move(0, 0);
      await news.keyboard.press('Escape');
      // One mark of each of the first three kinds of names the page has.
      const at = await news.evaluate((n) => {
        const reg = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights;
        const kinds = [...reg.keys()].filter((k) => k !== 'crossframe-demonym' && k !== 'crossframe-focus').sort();
        // Clicks inside links and buttons belong to the page: take a mark in running text.
        const r = [...(reg.get(kinds[n % kinds.length]!) ?? [])].find((x) => !x.startContainer.parentElement?.closest('a, button, label, summary'))!;
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        live.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
        const b = live.getClientRects()[0]!;
        return { x: b.left + b.width / 2, y: b.top + b.height / 2, text: live.toString() };
      }, nth);
      const clickedAt = Date.now();
      await news.mouse.click(at.x, at.y);
      const rendered = await panel
        .waitForFunction(
          () => {
            const m = performance.getEntriesByName('crossframe:entity-rendered')[0];
            return m ? { at: performance.timeOrigin + m.startTime, name: document.querySelector('#entity-name')?.textContent } : null;
          },
          undefined,
          { timeout: 10_000, polling: 5 },
        )
        .catch(async (e: Error) => {
          // Say what the extension saw, to tell a missed click from a lost request.
          const seen = await env.browser.worker.evaluate(async () => {
            const c = globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<object> } }; runtime: { getContexts(f: object): Promise<Array<{ documentUrl?: string }>> } } };
            return { session: Object.keys(await c.chrome.storage.session.get(null)), sidePanels: (await c.chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((x) => x.documentUrl) };
          });
          const there = await news.evaluate(([x, y]) => {
            const el = document.elementFromPoint(x!, y!);
            return `${el?.tagName ?? 'nothing'} “${(el?.textContent ?? '').trim().slice(0, 60)}”; selection “${String(getSelection())}”`;
          }, [at.x, at.y]);
          throw new Error(`${e.message}\nclicked “${at.text}” at ${at.x},${at.y} (now there: ${there}); panel at ${panel.url()}; extension saw ${JSON.stringify(seen)}`);
        });
      const { at: renderedAt, name } = (await rendered.jsonValue()) as { at: number; name: string };
      expect(name?.length).toBeGreaterThan(0);
      expect(renderedAt).toBeGreaterThan(clickedAt);
      times.push(renderedAt - clickedAt);
      console.log(`click on the mark “${at.text}” → entity view “${name}” rendered: ${Math.round(renderedAt - clickedAt)} ms`);
    }
    expect(times).toHaveLength(3);
  });

  it('says so for a page that is not about Syria or ISIS, and for a page it cannot read', async () => {
    const other = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/unrelated-news.html`;
    await other.goto(url);
    const id = (await waitForReport(env.browser.worker, url)).tabId;
    const p = await env.browser.context.newPage();
    await p.goto(`chrome-extension://${env.browser.extensionId}/sidepanel.html?tab=${id}`);
    await p.getByRole('heading', { name: 'Not about Syria or ISIS' }).waitFor();
    await checkView(p, 'not-relevant');
    // The extension's own pages are off limits to content scripts, like browser pages and PDFs.
    await other.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await p.reload();
    await p.getByRole('heading', { name: 'Crossframe can’t read this page' }).waitFor({ timeout: 15_000 });
    await checkView(p, 'unreadable');
    await p.close();
    await other.close();
  });

  it('shows a message and a retry instead of a blank panel when the database cannot be read', async () => {
    const p = await env.browser.context.newPage();
    // Break IndexedDB for this page before the app starts; Retry works once it is back.
    await p.addInitScript(() => {
      const real = indexedDB.open.bind(indexedDB);
      (window as unknown as { __restoreIdb: () => void }).__restoreIdb = () => {
        indexedDB.open = real;
      };
      indexedDB.open = () => {
        throw new DOMException('The database is unavailable (simulated)', 'UnknownError');
      };
    });
    await p.goto(`chrome-extension://${env.browser.extensionId}/sidepanel.html?tab=${tabId}#/entity/raqqa`);
    const alert = p.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Could not read the corpus database');
    await screenshot(p, 'panel-db-error-light');
    expect(await seriousViolations(p)).toEqual([]);
    await p.evaluate(() => (window as unknown as { __restoreIdb: () => void }).__restoreIdb());
    await p.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => p.locator('#entity-name').textContent(), { timeout: 10_000 }).toBe('Raqqa');
    await p.close();
  });
});

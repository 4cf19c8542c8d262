import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness/artifacts';
import { chromiumSuite } from './harness/suite';

const STORY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Readers write in about Dier ez Zor</title></head><body><main><article>
<h1>Readers write in about Dier ez Zor</h1>
<p id="misspelled">A reader asks what happened in Dier ez Zor after the siege, and whether Bagdadi was ever seen in Raka.</p>
<p id="punct">— … !!! ??</p>
<p id="arabic" lang="ar" dir="rtl">سيطرت قوات سوريا الديمقراطية على الرقة.</p>
<p>The Syrian Democratic Forces took Raqqa from the Islamic State; Hezbollah and the Syrian army fought near Abu Kamal and Deir ez-Zor.</p>
<p>Another reader asks about Erdogan and the Turkish border.</p>
</article></main></body></html>`;

async function select(page: Page, css: string, text?: string): Promise<void> {
  await page.evaluate(
    ([c, t]) => {
      const el = document.querySelector(c as string)!;
      const range = document.createRange();
      if (t) {
        const node = el.firstChild as Text;
        const at = node.data.indexOf(t);
        range.setStart(node, at);
        range.setEnd(node, at + t.length);
      } else range.selectNodeContents(el);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    [css, text ?? ''],
  );
}

describe('look up a selected term (Chromium)', () => {
  const env = chromiumSuite({ seed: true });
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    page = await env.browser.context.newPage();
    const url = env.server.route('/lookup-story.html', STORY);
    await page.goto(url);
    panel = await env.browser.openPanel(page, '', { narrow: true });
  });

  const lookUpSelection = async () => {
    await panel.getByRole('button', { name: 'Look up the page’s selection' }).click();
    await panel.locator('#search-heading').waitFor();
  };

  it('registers the keyboard shortcuts', async () => {
    const commands = await env.browser.worker.evaluate(() =>
      (self as unknown as { chrome: { commands: { getAll(): Promise<Array<{ name: string; shortcut: string }>> } } }).chrome.commands.getAll(),
    );
    const byName = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
    expect(byName).toMatchObject({ 'lookup-selection': 'Alt+Shift+L', 'save-selection': 'Alt+Shift+S', 'focus-marks': 'Alt+Shift+M' });
  });

  it('looks up a misspelled selection on the page and reaches the entity', async () => {
    await select(page, '#misspelled', 'Dier ez Zor');
    await lookUpSelection();
    expect(await panel.locator('#search-heading').textContent()).toBe('Results for “Dier ez Zor”');
    const first = panel.locator('.entity-list .entity-name').first();
    expect(await first.textContent()).toBe('Deir ez-Zor');
    // Passages from several articles, each with a real spelling of the place highlighted.
    const marked = await panel.locator('.passages mark.hl').allTextContents();
    expect(new Set(marked)).toEqual(new Set(['Deir Ezzor', 'Deir ez-Zoor', 'Deir al-Zour', 'Deir Al-Zour']));
    await screenshot(panel, 'lookup-misspelled');
    await first.click();
    await expect.poll(() => panel.locator('#entity-name').textContent()).toBe('Deir ez-Zor');
  });

  it('reaches entities from other spellings and scripts, and says when a name is not in the corpus', async () => {
    const cases: Array<[string, string]> = [
      ['Bagdadi', 'Abu Bakr al-Baghdadi'],
      ['Raka', 'Raqqa'],
      ['الرقة', 'Raqqa'],
      ['Hizbollah', 'Hezbollah'],
      ['Islamischer Staat', 'Islamic State'],
    ];
    for (const [query, name] of cases) {
      await panel.getByLabel('Look up a name or term').fill(query);
      await panel.keyboard.press('Enter');
      await expect.poll(() => panel.locator('.entity-list .entity-name').first().textContent(), { message: query }).toBe(name);
    }
    await select(page, 'article p:last-child', 'Erdogan');
    await lookUpSelection();
    expect(await panel.locator('#search-heading').textContent()).toBe('“Erdogan” is not in the corpus');
    expect(await panel.locator('.entity-list li').count()).toBeGreaterThan(0);
    await screenshot(panel, 'lookup-not-in-corpus');
  });

  it('answers an empty, a punctuation-only and a whole-page selection without an error', async () => {
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await lookUpSelection();
    expect(await panel.locator('.status').textContent()).toMatch(/select|empty|type/i);
    await select(page, '#punct');
    await lookUpSelection();
    expect(await panel.locator('.status').textContent()).toMatch(/letters|words|name/i);
    await page.evaluate(() => getSelection()!.selectAllChildren(document.body));
    await lookUpSelection();
    expect(await panel.locator('#search-heading').textContent()).toMatch(/^Results for “Readers write in about/);
    const names = await panel.locator('.entity-list .entity-name').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Syrian Democratic Forces', 'Raqqa', 'Islamic State', 'Hezbollah', 'Abu Kamal']));
    expect(await panel.getByRole('alert').count()).toBe(0);
  });
});

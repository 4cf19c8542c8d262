import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newsText } from '../../scripts/bench/matcher';
import { screenshot } from './harness/artifacts';
import { waitForReport } from './harness/chromium';
import { highlightedTexts, messagesFrom } from './harness/page-probes';
import { chromiumSuite } from './harness/suite';

const esc = (s: string) => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, body: string, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>${body}<script>${script}</script></body></html>`;
const paragraphs = (text: string) => text.split(/\n+/).filter((p) => p.trim()).map((p) => `<p>${esc(p)}</p>`).join('\n');

const ARTICLE = 'The Syrian Democratic Forces took Raqqa from the Islamic State. Bashar al-Assad said Damascus would retake Deir ez-Zor, and Hezbollah fighters moved towards Abu Kamal.';

/** The page answers a script call: its main thread is not stuck. */
async function responsive(p: Page): Promise<boolean> {
  return (await p.evaluate(() => 1 + 1, undefined)) === 2;
}

describe('hard pages: no crash, no frozen tab, marks capped with a note (Chromium)', () => {
  const env = chromiumSuite({ seed: true, countMessages: true });

  it('a 10 MB page: read, thousands of matches capped at 1,000 plain marks, the cap said in the report and the panel', async () => {
    const url = env.server.route('/hard/ten-megabytes.html', page('Ten megabytes about Syria', `<main><article><h1>Ten megabytes about Syria</h1>${paragraphs(newsText(10 * 1024 * 1024))}</article></main>`));
    const p = await env.browser.context.newPage();
    // Each visible change repaints the whole of this page (a 50–130 ms task here): our host element must
    // arrive in the same task as the marks (the observer runs before that task ends), not in one of its own.
    await p.addInitScript(() => {
      const w = window as unknown as { highlightsWhenHostCame?: number };
      const seen = new MutationObserver(() => {
        if (!document.querySelector('crossframe-ui')) return;
        w.highlightsWhenHostCame = CSS.highlights.size;
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    await p.goto(url, { waitUntil: 'domcontentloaded' });
    expect(await responsive(p)).toBe(true);
    const { report, tabId } = await waitForReport(env.browser.worker, url, 120_000);
    expect(report).toMatchObject({ relevant: true, capped: true, marks: 1000 });
    expect(await p.evaluate(() => (window as unknown as { highlightsWhenHostCame?: number }).highlightsWhenHostCame)).toBeGreaterThan(0);
    expect((report as { note?: string }).note).toMatch(/Too many names to mark: the first 1000 are marked/);
    // Tints without underlines here: an underlined highlight makes Chromium repaint all 10 MB of text.
    const names = await p.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()]);
    expect(names).toContain('crossframe-place-plain');
    expect(names.filter((n) => !n.endsWith('-plain'))).toEqual([]);
    await screenshot(p, 'ten-megabytes-plain-marks');
    expect(await responsive(p)).toBe(true);
    const panel = await env.browser.context.newPage();
    await panel.goto(`chrome-extension://${env.browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await expect.poll(() => panel.locator('.note').textContent()).toMatch(/first 1000 are marked/);
    await screenshot(panel, 'panel-capped-note');
    await panel.close();
    await p.close();
  });

  it('a 1 MB page: 3,000 marks, underlined, and the cap said in the report', async () => {
    const url = env.server.route('/hard/one-megabyte.html', page('One megabyte about Syria', `<main><article><h1>One megabyte about Syria</h1>${paragraphs(newsText(1024 * 1024))}</article></main>`));
    const p = await env.browser.context.newPage();
    await p.goto(url, { waitUntil: 'domcontentloaded' });
    const { report } = await waitForReport(env.browser.worker, url, 60_000);
    expect(report).toMatchObject({ relevant: true, capped: true, marks: 3000 });
    expect((report as { note?: string }).note).toMatch(/Too many names to mark: the first 3000 are marked/);
    const sizes = await p.evaluate(() => Object.fromEntries([...(CSS as unknown as { highlights: Map<string, { size: number }> }).highlights].map(([k, h]) => [k, h.size])));
    expect(Object.keys(sizes)).toContain('crossframe-place');
    expect(Object.keys(sizes).filter((n) => n.endsWith('-plain'))).toEqual([]);
    expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBe(3000);
    await p.close();
  });

  it('text added later that overflows the cap: marks stop at 3,000 and the report says so at once', async () => {
    const body = `<main><article><h1>ISIS in Raqqa</h1>${Array(1490).fill('<p>ISIS fighters left Raqqa.</p>').join('')}</article></main>`;
    const url = env.server.route('/hard/near-the-cap.html', page('ISIS in Raqqa', body));
    const p = await env.browser.context.newPage();
    await p.goto(url);
    const first = (await waitForReport(env.browser.worker, url, 60_000)).report!;
    expect(first).toMatchObject({ relevant: true, capped: false });
    expect(first.marks).toBeLessThan(3000);
    // One paragraph with more names than there is room for.
    const extra = 3000 - first.marks + 5;
    await p.evaluate((n) => {
      const para = document.createElement('p');
      para.textContent = Array(n).fill('Raqqa').join(', ') + '.';
      document.querySelector('article')!.append(para);
    }, extra);
    await expect
      .poll(async () => (await waitForReport(env.browser.worker, url)).report?.marks, { timeout: 20_000 })
      .toBe(3000);
    const after = (await waitForReport(env.browser.worker, url)).report!;
    expect(after.capped).toBe(true);
    expect((after as { note?: string }).note).toMatch(/first 3000 are marked/);
    await p.close();
  });

  // Chromium's own renderer crashes from about 3,000 nested elements, with or without any extension (measured);
  // 2,500 is as deep as a page can get here.
  it('a DOM 2,500 elements deep: the deepest text is marked', async () => {
    const build = `let el = document.querySelector('main'); for (let i = 0; i < 2500; i++) { const d = document.createElement('div'); el.appendChild(d); el = d; } const p = document.createElement('p'); p.id = 'deepest'; p.textContent = ${JSON.stringify(ARTICLE)}; el.appendChild(p);`;
    const url = env.server.route('/hard/deep.html', page('Deep page about Raqqa and ISIS', `<main><h1>Raqqa and the Islamic State</h1><p>${ARTICLE}</p></main>`, build));
    const p = await env.browser.context.newPage();
    await p.goto(url);
    const { report } = await waitForReport(env.browser.worker, url, 60_000);
    expect(report?.relevant).toBe(true);
    const deepest = await p.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights;
      return [...reg.values()].flatMap((h) => [...h]).filter((r) => r.startContainer.parentElement?.id === 'deepest').length;
    });
    expect(deepest).toBeGreaterThanOrEqual(5);
    expect(await responsive(p)).toBe(true);
    await p.close();
  });

  it('150 iframes and 300 shadow roots: the page is marked, the frames and shadow trees are left alone', async () => {
    const frames = Array.from({ length: 150 }, (_, i) => `<iframe title="frame ${i}" width="80" height="30" srcdoc="<p>Frame ${i}: ISIS in Raqqa</p>"></iframe>`).join('');
    const shadows = `for (let i = 0; i < 300; i++) { const h = document.createElement('div'); document.body.appendChild(h); h.attachShadow({ mode: i % 2 ? 'open' : 'closed' }).innerHTML = '<p>Shadow ' + i + ': Raqqa and Damascus</p>'; }`;
    const url = env.server.route('/hard/frames.html', page('Frames and widgets about Syria', `<main><article><h1>Raqqa</h1><p>${ARTICLE}</p></article>${frames}</main>`, shadows));
    const p = await env.browser.context.newPage();
    await p.goto(url);
    const { report } = await waitForReport(env.browser.worker, url, 60_000);
    expect(report?.relevant).toBe(true);
    const inFrames = await p.evaluate(() =>
      Array.from(document.querySelectorAll('iframe')).reduce((n, f) => n + ((f.contentWindow as unknown as { CSS: { highlights: { size: number } } }).CSS.highlights.size ?? 0), 0),
    );
    expect(inFrames).toBe(0);
    const painted = Object.values(await highlightedTexts(p)).flat();
    expect(painted).toEqual(expect.arrayContaining(['Raqqa', 'Syrian Democratic Forces']));
    expect(await responsive(p)).toBe(true);
    await p.close();
  });

  it('a right-to-left Arabic article: Arabic names are marked and the card opens', async () => {
    const ar = `<article><h1>قوات سوريا الديمقراطية تسيطر على الرقة</h1>
      <p>أعلنت قوات سوريا الديمقراطية سيطرتها الكاملة على مدينة الرقة بعد معارك طويلة مع تنظيم داعش.</p>
      <p>وقال بشار الأسد في دمشق إن الجيش السوري سيستعيد دير الزور والبوكمال، فيما تقدم حزب الله على الحدود مع العراق.</p></article>`;
    const url = env.server.route('/hard/arabic.html', page('الرقة: قوات سوريا الديمقراطية وداعش', ar).replace('<html lang="en">', '<html lang="ar" dir="rtl">'));
    const p = await env.browser.context.newPage();
    await p.goto(url);
    const { report } = await waitForReport(env.browser.worker, url, 60_000);
    expect(report?.relevant).toBe(true);
    expect(report!.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['raqqa', 'syrian-democratic-forces', 'isis', 'bashar-al-assad', 'damascus', 'deir-ez-zor', 'hezbollah']));
    const painted = Object.values(await highlightedTexts(p)).flat();
    // Whole Arabic words are marked, with a joined conjunction where the text has one (والبوكمال).
    for (const name of ['الرقة', 'داعش', 'دمشق', 'حزب الله', 'البوكمال']) expect(painted.some((t) => t.includes(name)), name).toBe(true);
    // Hit-testing works in right-to-left text: hovering دمشق opens the card on Damascus.
    const at = await p.evaluate(() => {
      const node = [...document.querySelectorAll('article p')].map((e) => e.firstChild as Text).find((t) => t.data.includes('دمشق'))!;
      const i = node.data.indexOf('دمشق');
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 4);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await p.mouse.move(at.x, at.y);
    const card = p.locator('crossframe-ui .card');
    await card.waitFor({ state: 'visible' });
    expect(await card.locator('.name').textContent()).toBe('Damascus');
    await screenshot(p, 'marked-arabic-rtl');
    await p.close();
  });

  it('a page that rewrites itself every few milliseconds: no crash, few messages, marks kept right', async () => {
    const ticker = `const t = document.getElementById('ticker'); let n = 0; setInterval(() => { t.textContent = 'Tick ' + (n++) + ' ' + Date.now(); const s = document.createElement('span'); s.textContent = ' update ' + n; document.getElementById('log').appendChild(s); if (n % 50 === 0) document.getElementById('log').replaceChildren(); }, 3);`;
    const url = env.server.route('/hard/rewriting.html', page('Live ticker: Raqqa and ISIS', `<main><article><h1>Raqqa live</h1><p>${ARTICLE}</p><p id="ticker">Tick</p><p id="log"></p></article></main>`, ticker));
    const p = await env.browser.context.newPage();
    await p.goto(url);
    const first = (await waitForReport(env.browser.worker, url, 60_000)).report!;
    expect(first.relevant).toBe(true);
    await p.waitForTimeout(5000);
    // Debounced batches: at most one report per batch window, not one per change (the page made >1,000 changes).
    expect(await messagesFrom(env.browser.worker, url)).toBeLessThan(20);
    const painted = Object.values(await highlightedTexts(p)).flat();
    expect(painted.filter((t) => t === 'Raqqa')).toHaveLength(2);
    expect(await responsive(p)).toBe(true);
    await p.close();
  });
});

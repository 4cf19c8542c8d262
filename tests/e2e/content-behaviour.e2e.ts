import { describe, expect, it } from 'vitest';
import type { Settings } from '../../lib/settings';
import { screenshot } from './harness/artifacts';
import { storeSettings, waitForReport, waitForSidePanelOn, type ExtensionBrowser } from './harness/chromium';
import { footprint, highlightedTexts, messagesFrom } from './harness/page-probes';
import { chromiumSuite } from './harness/suite';

const reportCount = async (b: ExtensionBrowser, url: string) => (await waitForReport(b.worker, url)).report!;
const setSettings = (b: ExtensionBrowser, s: Settings) => storeSettings(b.worker, s);

describe('content script behaviour on pages written for the tests (Chromium)', () => {
  const env = chromiumSuite({ instrumentPages: true, countMessages: true });

  it('leaves an unrelated page exactly as it was', async () => {
    const page = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/unrelated-news.html`;
    await page.goto(url);
    expect(await reportCount(env.browser, url)).toMatchObject({ relevant: false, marks: 0 });
    expect(await footprint(page)).toEqual({ highlights: {}, adoptedSheets: 0, ownNodes: [], htmlUnchangedSinceDcl: true });
    expect(await messagesFrom(env.browser.worker, url)).toBe(1);
    await page.close();
  });

  it('loads the full script only on pages that pass the gate, at a URL no page can probe, whatever the page’s CSP', async () => {
    /** The extension's scripts parsed in a page's frame (content scripts and modules they import), by file. */
    const ourScripts = async (url: string) => {
      const page = await env.browser.context.newPage();
      const cdp = await env.browser.context.newCDPSession(page);
      const parsed: string[] = [];
      cdp.on('Debugger.scriptParsed', (e) => parsed.push(e.url));
      await cdp.send('Debugger.enable');
      await page.goto(url);
      const report = await reportCount(env.browser, url);
      const probe = await page.evaluate(async (id) => {
        try {
          await fetch(`chrome-extension://${id}/content-full.js`);
          return 'fetched';
        } catch {
          return 'refused';
        }
      }, env.browser.extensionId);
      const marks = Object.values(await highlightedTexts(page)).flat();
      await page.close();
      const files = parsed.filter((u) => u.startsWith('chrome-extension://')).map((u) => u.slice(u.indexOf('/', 'chrome-extension://'.length)));
      return { files, report, probe, marks };
    };
    const unrelated = await ourScripts(`${env.server.origin}/fixtures/unrelated-news.html?scripts`);
    expect(unrelated.report.relevant).toBe(false);
    expect(unrelated.files).toEqual(['/content-scripts/early-settings.js', '/content-scripts/content.js']);
    // A page whose CSP allows no script at all still gets its marks: the page's policy does not govern ours.
    const strict = env.server.route(
      '/strict-csp.html',
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>Raqqa after ISIS</title></head>
      <body><article><p>The Syrian Democratic Forces took Raqqa from ISIS in 2017. Deir ez-Zor and Aleppo followed.</p></article></body></html>`,
    );
    const relevant = await ourScripts(strict);
    expect(relevant.report.relevant).toBe(true);
    expect(relevant.marks).toEqual(expect.arrayContaining(['Raqqa', 'ISIS', 'Deir ez-Zor', 'Aleppo']));
    expect(relevant.files).toEqual(['/content-scripts/early-settings.js', '/content-scripts/content.js', '/content-full.js']);
    // The full script is web-accessible only at this session's own URL: at the extension's fixed address, a page
    // that knows Crossframe's id cannot fetch it to learn that it is installed.
    expect(relevant.probe).toBe('refused');
    expect(unrelated.probe).toBe('refused');
  });

  it('does not damage forms, editors, iframes, shadow roots or the page’s own scripts', async () => {
    const page = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/widgets-page.html`;
    await page.goto(url);
    const report = await reportCount(env.browser, url);
    expect(report.relevant).toBe(true);
    const painted = Object.values(await highlightedTexts(page)).flat();
    expect(painted).toContain('Raqqa');
    // Marks only where a reader reads: nothing inside fields, the editor, hidden or aria-hidden text, the frame.
    const inside = await page.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights;
      const where: string[] = [];
      for (const h of reg.values())
        for (const r of h) {
          const el = r.startContainer.parentElement!;
          where.push(el.closest('#ask, #editor, #hidden-aria, #hidden-attr, #hidden-style, #shadow-host, iframe')?.id ?? 'article');
        }
      return where;
    });
    expect(new Set(inside)).toEqual(new Set(['article']));
    const state = await page.evaluate(() => ({
      question: (document.getElementById('question') as HTMLInputElement).value,
      details: (document.getElementById('details') as HTMLTextAreaElement).value,
      editor: document.getElementById('editor')!.innerHTML,
      shadow: document.getElementById('shadow-host')!.shadowRoot!.innerHTML,
      frame: (document.getElementById('frame') as HTMLIFrameElement).contentDocument?.body.innerHTML,
      frameHighlights: ((document.getElementById('frame') as HTMLIFrameElement).contentWindow as unknown as { CSS: { highlights: { size: number } } }).CSS.highlights.size,
    }));
    expect(state).toEqual({
      question: 'Is Raqqa safe? What about ISIS in Deir ez-Zor?',
      details: 'The SDF and Raqqa, again: ISIS sleeper cells.',
      editor: '<p>Draft: ISIS fighters left Raqqa for Deir ez-Zor.</p>',
      shadow: '<p id="in-shadow">A widget in a shadow root names Raqqa and ISIS.</p>',
      frame: '<p id="inner">Inside the frame: Raqqa and ISIS.</p>',
      frameHighlights: 0,
    });
    // The page's own handlers and inputs still work.
    await page.click('#counter');
    await page.click('#counter');
    expect(await page.textContent('#count')).toBe('2');
    await page.fill('#question', 'New question');
    expect(await page.inputValue('#question')).toBe('New question');
    await page.click('#editor');
    await page.keyboard.type(' More.');
    expect(await page.textContent('#editor')).toContain('More.');
    // Our only element is the isolated host; the page's own observer saw nothing else of ours.
    const f = await footprint(page);
    expect(f.ownNodes).toEqual(['crossframe-ui[data-crossframe]']);
    const layout = await page.evaluate(() => {
      const host = document.querySelector('crossframe-ui') as HTMLElement;
      const r = host.getBoundingClientRect();
      return { w: r.width, h: r.height, position: getComputedStyle(host).position };
    });
    expect(layout).toEqual({ w: 0, h: 0, position: 'fixed' });
    // The host sits in the top layer, and the page's own rule for backdrops does not tint the page through it.
    const topLayer = () =>
      page.evaluate(() => {
        const host = document.querySelector('crossframe-ui') as HTMLElement;
        return { ours: host.matches(':popover-open'), backdrop: getComputedStyle(host, '::backdrop').display, menu: document.getElementById('menu')!.matches(':popover-open') };
      });
    expect(await topLayer()).toEqual({ ours: true, backdrop: 'none', menu: false });
    await screenshot(page, 'widgets-page-marked');
    // The page's own popover opens and closes as before, and ours stays.
    await page.click('#menu-button');
    expect(await topLayer()).toEqual({ ours: true, backdrop: 'none', menu: true });
    await page.keyboard.press('Escape');
    expect(await topLayer()).toEqual({ ours: true, backdrop: 'none', menu: false });
    await page.close();
  });

  it('shows a hover card with the entity and its framing, and a click opens the real side panel on it', async () => {
    const page = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/sample-news.html`;
    await page.goto(url);
    await reportCount(env.browser, url);
    const at = await page.evaluate(() => {
      const t = document.querySelectorAll('article p')[1]!.firstChild as Text;
      const i = t.data.indexOf('Raqqa');
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 5);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.mouse.move(at.x, at.y);
    const card = page.locator('crossframe-ui .card');
    await card.waitFor({ state: 'visible' });
    await expect.poll(() => card.textContent()).toMatch(/Raqqa.*Place.*Named in \d of 5 corpus articles/);
    await screenshot(page, 'hover-card');
    await page.mouse.click(at.x, at.y);
    await waitForSidePanelOn(env.browser.worker, 'raqqa');
    await page.close();
  });

  it('lets the keyboard step through the marks from one tab stop', async () => {
    const page = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/sample-news.html`;
    await page.goto(url);
    const report = await reportCount(env.browser, url);
    // Tab from the last link of the page reaches our one stop.
    await page.focus('footer a');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.tagName.toLowerCase());
    expect(focused).toBe('crossframe-ui');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const label = await page.locator('crossframe-ui .nav').textContent();
    // Focus shows the first mark; two steps right reach the third.
    expect(label).toMatch(new RegExp(`, 3 of ${report.marks}\\.`));
    const focus = await highlightedTexts(page);
    expect(focus['crossframe-focus']).toHaveLength(1);
    expect(await page.locator('crossframe-ui .card').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect((await highlightedTexts(page))['crossframe-focus']).toBeUndefined();
    await page.close();
  });

  it('follows a live page: marks added text, rescans once after a flood, starts afresh after SPA navigation', async () => {
    const page = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/dynamic-page.html`;
    await page.goto(url);
    const first = await reportCount(env.browser, url);
    expect(first.relevant).toBe(true);
    const marksBefore = first.marks;
    await page.evaluate(() => (window as unknown as { addUpdate(t: string): void }).addUpdate('12:40 Hezbollah units reached Abu Kamal, officials in Damascus said.'));
    await expect.poll(async () => (await waitForReport(env.browser.worker, url)).report!.marks, { timeout: 10_000 }).toBe(marksBefore + 3);
    const painted = Object.values(await highlightedTexts(page)).flat();
    expect(painted).toEqual(expect.arrayContaining(['Hezbollah', 'Abu Kamal', 'Damascus']));
    // A flood of 5,000 small changes: the page keeps working and the marks stay right.
    const before = await messagesFrom(env.browser.worker, url);
    await page.evaluate(() => (window as unknown as { flood(n: number): void }).flood(5000));
    await page.waitForTimeout(2500);
    const after = await messagesFrom(env.browser.worker, url);
    expect(after - before).toBeLessThanOrEqual(3);
    expect(Object.values(await highlightedTexts(page)).flat()).toEqual(expect.arrayContaining(['Hezbollah', 'Abu Kamal']));
    // Navigating like a single-page app to an unrelated story clears everything.
    await page.evaluate(() => (window as unknown as { spaNavigate(): void }).spaNavigate());
    const spaUrl = `${env.server.origin}/spa/cycle-lanes`;
    await expect.poll(async () => (await reportCount(env.browser, spaUrl)).relevant, { timeout: 10_000 }).toBe(false);
    expect(await reportCount(env.browser, spaUrl)).toMatchObject({ relevant: false, marks: 0 });
    expect((await footprint(page)).highlights).toEqual({});
    // ...and on to another story about Syria.
    await page.evaluate(() => (window as unknown as { spaNavigateToSyria(): void }).spaNavigateToSyria());
    const syriaUrl = `${env.server.origin}/spa/idlib`;
    await expect.poll(async () => (await reportCount(env.browser, syriaUrl)).relevant, { timeout: 10_000 }).toBe(true);
    const syria = await reportCount(env.browser, syriaUrl);
    expect(syria.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['bashar-al-assad', 'hezbollah', 'raqqa']));
    // Each name counted once, each painted once.
    expect(syria.entities.find((e) => e.id === 'raqqa')?.count).toBe(1);
    expect(Object.values(await highlightedTexts(page)).flat().filter((t) => t === 'Raqqa')).toHaveLength(1);
    await page.close();
  });

  it('reads an unrelated page again only when new text names what could make it relevant', async () => {
    const page = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/unrelated-news.html?grows`;
    await page.goto(url);
    expect(await reportCount(env.browser, url)).toMatchObject({ relevant: false, marks: 0 });
    const add = (text: string) =>
      page.evaluate((t) => {
        const p = document.createElement('p');
        p.textContent = t;
        document.querySelector('article')!.append(p);
      }, text);
    // Names the corpus knows that decide nothing (Iran, Russia, Turkey are not Syria/ISIS-specific), and "crisis":
    // the gate keeps the page ruled out, no new scan, no message.
    await add('Ministers from Iran, Russia and Turkey met the United Nations envoy in Geneva about the crisis.');
    await page.waitForTimeout(1500);
    expect(await messagesFrom(env.browser.worker, url)).toBe(1);
    // A live blog turns to Syria: the page is read again, found relevant and marked.
    await add('Islamic State fighters withdrew from Raqqa as the Syrian Democratic Forces advanced. In Raqqa, the SDF said ISIS had lost the city; Deir ez-Zor and Damascus were next.');
    await expect.poll(async () => (await reportCount(env.browser, url)).relevant, { timeout: 10_000 }).toBe(true);
    expect(Object.values(await highlightedTexts(page)).flat()).toEqual(expect.arrayContaining(['Raqqa', 'Deir ez-Zor']));
    await page.close();
  });

  it('reads a page that names Syria in passing again when added names of the region make it relevant', async () => {
    const page = await env.browser.context.newPage();
    const url = env.server.route(
      '/passing-mention.html',
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ministers meet</title></head><body><main><article><h1>Ministers meet</h1><p>Foreign ministers met on Monday. The talks touched on Syria.</p></article></main></body></html>',
    );
    await page.goto(url);
    // It passes the gate (Syria decides) but says too little to be relevant.
    expect(await reportCount(env.browser, url)).toMatchObject({ relevant: false, marks: 0 });
    // None of these names decides alone; together with Syria they make the page relevant.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Envoys from Iran, Iraq, Turkey, Lebanon, Israel and Jordan spoke of Hezbollah, of Baghdad, Beirut and Tehran.';
      document.querySelector('article')!.append(p);
    });
    await expect.poll(async () => (await reportCount(env.browser, url)).relevant, { timeout: 10_000 }).toBe(true);
    expect(Object.values(await highlightedTexts(page)).flat()).toEqual(expect.arrayContaining(['Syria', 'Hezbollah']));
    await page.close();
  });

  it('switches marks off for a site and globally, and back on, without reloading', async () => {
    const page = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/sample-news.html`;
    await page.goto(url);
    const report = await reportCount(env.browser, url);
    const count = async () => Object.entries((await footprint(page)).highlights).reduce((n, [, v]) => n + v, 0);
    expect(await count()).toBe(report.marks);
    await setSettings(env.browser, { enabled: true, disabledSites: ['127.0.0.1'] });
    await expect.poll(count).toBe(0);
    expect(await page.$('crossframe-ui')).toBeNull();
    expect((await footprint(page)).adoptedSheets).toBe(0);
    await setSettings(env.browser, { enabled: true, disabledSites: [] });
    await expect.poll(count).toBe(report.marks);
    await setSettings(env.browser, { enabled: false, disabledSites: [] });
    await expect.poll(count).toBe(0);
    await setSettings(env.browser, { enabled: true, disabledSites: [] });
    await expect.poll(count).toBe(report.marks);
    await page.close();
  });

  it('tells the page nothing of its presence, and a page cannot stop it', async () => {
    const page = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/sample-news.html?page-listens`;
    // What WXT's content script context announces, named after the extension: the page learns it and can
    // send it back to end our work.
    const started = (script: string) => `${env.browser.extensionId}:${script}:wxt:content-script-started`;
    await page.addInitScript((names: string[]) => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      window.addEventListener('message', (e) => heard.push(`message ${JSON.stringify(e.data)}`), true);
      for (const name of names) document.addEventListener(name, () => heard.push(`event ${name}`), true);
    }, [started('content')]);
    try {
      await page.goto(url);
      const report = await reportCount(env.browser, url);
      expect(report.marks).toBeGreaterThan(3);
      expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
      // Nor does the performance timeline the page reads carry marks of ours.
      expect(await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name))).toEqual([]);
      // A page that knows the extension's id sends the announcement of a newer copy of each script...
      await page.evaluate((names: string[]) => {
        for (const name of names) document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: name.split(':')[1], messageId: 'forged' } }));
      }, [started('content')]);
      // ...and its marks stay, and text it adds later is still read.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Later, convoys left Aleppo for Mosul.';
        document.querySelector('article')!.append(p);
      });
      await expect.poll(async () => Object.values(await highlightedTexts(page)).flat()).toContain('Aleppo');
      expect(Object.values((await footprint(page)).highlights).reduce((n, v) => n + v, 0)).toBeGreaterThan(report.marks);
    } finally {
      await page.close();
    }
  });

  it('never marks a site switched off before the page loads, and marks it once switched back on', async () => {
    // The settings are read as the gate hands the page over, while the full script loads; marks wait for them.
    await setSettings(env.browser, { enabled: true, disabledSites: ['127.0.0.1'] });
    const page = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/sample-news.html?switched-off-before-load`;
    const ui = async () => (await page.$('crossframe-ui')) !== null;
    try {
      await page.goto(url);
      const report = await reportCount(env.browser, url);
      // Read and reported (the panel still lists the page's entities), but not marked.
      expect(report.relevant).toBe(true);
      expect(report.entities.length).toBeGreaterThan(3);
      expect(report.marks).toBe(0);
      expect(Object.keys((await footprint(page)).highlights)).toEqual([]);
      expect(await ui()).toBe(false);
      // That copy follows changes made while the page is open.
      await setSettings(env.browser, { enabled: true, disabledSites: [] });
      await expect.poll(ui).toBe(true);
      await expect.poll(async () => Object.values((await footprint(page)).highlights).reduce((n, v) => n + v, 0)).toBeGreaterThan(3);
    } finally {
      await setSettings(env.browser, { enabled: true, disabledSites: [] });
      await page.close();
    }
  });
});

import { newsText } from '../bench/matcher';

/**
 * The hard pages of issue 9, built the same way for the end-to-end tests (tests/e2e/hard-pages.e2e.ts: no
 * crash, marks capped, frames and shadow trees left alone) and for the bench (`npm run bench -- page`: the
 * longest main-thread task on each).
 */

const esc = (s: string) => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page with a title, a body and an inline script (run as the page loads). */
export const hardPage = (title: string, body: string, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>${body}<script>${script}</script></body></html>`;

const paragraphs = (text: string) => text.split(/\n+/).filter((p) => p.trim()).map((p) => `<p>${esc(p)}</p>`).join('\n');

/** A short news paragraph naming seven corpus entities. */
export const ARTICLE =
  'The Syrian Democratic Forces took Raqqa from the Islamic State. Bashar al-Assad said Damascus would retake Deir ez-Zor, and Hezbollah fighters moved towards Abu Kamal.';

/** `bytes` of news text (the corpus and the real pages' texts, repeated) in paragraphs of one article. */
export function megabytesPage(title: string, bytes: number): string {
  return hardPage(title, `<main><article><h1>${esc(title)}</h1>${paragraphs(newsText(bytes))}</article></main>`);
}

/** A short article among 150 iframes (each naming entities) and 300 shadow roots, half of them closed. */
export function framesAndShadowsPage(): string {
  const frames = Array.from({ length: 150 }, (_, i) => `<iframe title="frame ${i}" width="80" height="30" srcdoc="<p>Frame ${i}: ISIS in Raqqa</p>"></iframe>`).join('');
  const shadows = `for (let i = 0; i < 300; i++) { const h = document.createElement('div'); document.body.appendChild(h); h.attachShadow({ mode: i % 2 ? 'open' : 'closed' }).innerHTML = '<p>Shadow ' + i + ': Raqqa and Damascus</p>'; }`;
  return hardPage('Frames and widgets about Syria', `<main><article><h1>Raqqa</h1><p>${ARTICLE}</p></article>${frames}</main>`, shadows);
}

/** A right-to-left Arabic article naming Raqqa, the SDF, ISIS, Assad, Damascus, Deir ez-Zor, Abu Kamal and Hezbollah. */
export function arabicPage(): string {
  const ar = `<article><h1>قوات سوريا الديمقراطية تسيطر على الرقة</h1>
      <p>أعلنت قوات سوريا الديمقراطية سيطرتها الكاملة على مدينة الرقة بعد معارك طويلة مع تنظيم داعش.</p>
      <p>وقال بشار الأسد في دمشق إن الجيش السوري سيستعيد دير الزور والبوكمال، فيما تقدم حزب الله على الحدود مع العراق.</p></article>`;
  return hardPage('الرقة: قوات سوريا الديمقراطية وداعش', ar).replace('<html lang="en">', '<html lang="ar" dir="rtl">');
}

/** An article whose ticker rewrites itself every 3 ms, appending a span each time and clearing them every 50. */
export function rewritingPage(): string {
  const ticker = `const t = document.getElementById('ticker'); let n = 0; setInterval(() => { t.textContent = 'Tick ' + (n++) + ' ' + Date.now(); const s = document.createElement('span'); s.textContent = ' update ' + n; document.getElementById('log').appendChild(s); if (n % 50 === 0) document.getElementById('log').replaceChildren(); }, 3);`;
  return hardPage('Live ticker: Raqqa and ISIS', `<main><article><h1>Raqqa live</h1><p>${ARTICLE}</p><p id="ticker">Tick</p><p id="log"></p></article></main>`, ticker);
}

/** Chromium's renderer crashes from about 3,000 nested elements, with or without any extension (measured). */
export const DEEP_LEVELS = 2500;

/** A short article, then the same paragraph (id "deepest") under `DEEP_LEVELS` nested divs, built by script. */
export function deepPage(): string {
  const build = `let el = document.querySelector('main'); for (let i = 0; i < ${DEEP_LEVELS}; i++) { const d = document.createElement('div'); el.appendChild(d); el = d; } const p = document.createElement('p'); p.id = 'deepest'; p.textContent = ${JSON.stringify(ARTICLE)}; el.appendChild(p);`;
  return hardPage('Deep page about Raqqa and ISIS', `<main><h1>Raqqa and the Islamic State</h1><p>${ARTICLE}</p></main>`, build);
}

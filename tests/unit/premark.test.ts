/**
 * The marks the gate script draws while the full script loads (lib/page/premark.ts), and the full script's
 * session taking them over (PageSession.start): drawn only when marking is allowed and the full script would
 * draw the same ones, removed when not taken over, never drawn twice.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import type { Matcher } from '../../lib/entities/matcher';
import type { PageReport } from '../../lib/messages';
import { collectText } from '../../lib/page/collect';
import type { GateReading } from '../../lib/page/gate-session';
import type { HighlightEnv } from '../../lib/page/highlight';
import { MARKS_PER_SLICE } from '../../lib/page/mark-specs';
import { PageSession } from '../../lib/page/page-session';
import { Premark } from '../../lib/page/premark';
import { shippedMatcher } from './helpers/corpus';

const shipped = shippedMatcher();

/** Relevant on its text alone, whatever its main region. */
const STRONG =
  '<article><p>The Syrian Democratic Forces took Raqqa from ISIS in 2017. Bashar al-Assad’s army, backed by Russia and Iran, retook Aleppo and Palmyra.</p>' +
  '<p>The US-led coalition bombed Deir ez-Zor; Hezbollah fought in Qusayr; Turkey attacked Afrin and the YPG. The Islamic State held Mosul and Raqqa for three years.</p></article>';
/** Names one decisive entity in passing: the gate passes it, the analysis does not find it relevant. */
const PASSING = '<article><p>Prices rose again in March. A spokesman mentioned Raqqa once, then spoke of interest rates for an hour.</p></article>';
const UNRELATED = '<article><p>Rain on Saturday, sun on Sunday, and a crisis at the airport.</p></article>';

/** The browser's highlight registry, counted: every range made and every registration. */
function countingEnv(win: Window & typeof globalThis) {
  const counts = { ranges: 0, registrations: 0 };
  /** A Map whose registrations are counted. */
  class Registry extends Map<string, unknown> {
    override set(name: string, h: unknown): this {
      counts.registrations++;
      return super.set(name, h);
    }
  }
  const env: HighlightEnv & { registry: Map<string, unknown> } = {
    registry: new Registry(),
    createHighlight: (ranges) => ({ ranges: [...ranges] }),
    createRange: (init) => (counts.ranges++, new win.StaticRange(init)),
  };
  return { env, counts };
}

/** The shipped matcher, with its calls to `find` counted. */
function countingMatcher() {
  const calls = { find: 0 };
  const matcher = new Proxy(shipped, {
    get(target, key) {
      if (key !== 'find') return Reflect.get(target, key);
      return (...args: Parameters<Matcher['find']>) => (calls.find++, target.find(...args));
    },
  });
  return { matcher, calls };
}

const NodeAbortController = globalThis.AbortController;
afterEach(() => {
  globalThis.AbortController = NodeAbortController;
});

function setUp(body: string, opts: { title?: string; allowed?: boolean | Promise<boolean>; sessionAllows?: boolean } = {}) {
  const dom = new JSDOM(`<!doctype html><html><head><title>${opts.title ?? 'Raqqa after ISIS'}</title></head><body>${body}</body></html>`, { url: 'https://news.example/a' });
  const win = dom.window as unknown as Window & typeof globalThis;
  // The session's listeners go on the page's elements, which take only their own window's signals.
  globalThis.AbortController = win.AbortController;
  const doc = win.document;
  const { env, counts } = countingEnv(win);
  const { matcher, calls } = countingMatcher();
  const stats = { slices: 0, busyMs: 0, longestSliceMs: 0 };
  const premark = (text = collectText(doc.body)) =>
    new Premark(text, {
      doc,
      matcher: () => matcher,
      isVisible: () => true,
      highlightEnv: () => env,
      markingAllowed: async () => opts.allowed ?? true,
      stats,
    });
  const reports: PageReport[] = [];
  const session = new PageSession({
    doc,
    matcher: () => matcher,
    highlightEnv: () => env,
    isVisible: () => true,
    report: (r) => void reports.push(r),
    summaries: async () => [],
    openEntity: () => undefined,
    saveSnippet: async () => ({ ok: false, message: 'not in this test' }),
    markingAllowed: () => opts.sessionAllows ?? true,
  });
  const reading = (p: Premark): GateReading => ({ url: 'https://news.example/a', gate: { pass: true, text: null }, stats, premark: p });
  const navigate = (to: string, html: string) => {
    dom.window.history.pushState({}, '', to);
    doc.title = 'Weather';
    doc.body.replaceChildren(doc.importNode(JSDOM.fragment(html), true));
  };
  return { doc, env, counts, calls, premark, session, reports, reading, navigate };
}

const registered = (env: { registry: Map<string, unknown> }) => [...env.registry.keys()].filter((k) => k.startsWith('crossframe-')).sort();

describe('Premark (the gate script’s marks while the full script loads)', () => {
  it('draws the marks of a relevant page once the settings allow it, and hands them over', async () => {
    let allow: (v: boolean) => void = () => undefined;
    const { env, premark } = setUp(STRONG, { allowed: new Promise<boolean>((r) => (allow = r)) });
    const p = premark();
    await new Promise((r) => setTimeout(r, 20));
    // The hits are found, the settings not read yet: nothing drawn.
    expect(registered(env)).toEqual([]);
    allow(true);
    const done = await p.take();
    expect(done?.highlighter?.marks().length).toBe(done?.analysis.hits.length);
    expect(done!.analysis.hits.length).toBeGreaterThan(10);
    expect(registered(env)).toEqual(expect.arrayContaining(['crossframe-group', 'crossframe-place', 'crossframe-person']));
    // Taken over: discarding no longer removes them (they are the taker's).
    p.discard();
    expect(registered(env).length).toBeGreaterThan(0);
  });

  it('draws nothing where marking is off, or on a page the main region may still rule out', async () => {
    for (const [body, allowed] of [[STRONG, false], [PASSING, true]] as const) {
      const { env, premark } = setUp(body, { allowed, title: 'Interest rates' });
      const done = await premark().take();
      expect(done?.highlighter).toBeNull();
      expect(done?.analysis.text.text).toContain('Raqqa');
      expect(registered(env)).toEqual([]);
    }
  });

  it('leaves a page with more marks than one task draws to the full script', async () => {
    const many = `<article>${'<p>ISIS fighters left Raqqa for Deir ez-Zor.</p>'.repeat(Math.ceil(MARKS_PER_SLICE / 3) + 10)}</article>`;
    const { env, premark } = setUp(many);
    const done = await premark().take();
    expect(done!.analysis.hits.length).toBeGreaterThan(MARKS_PER_SLICE);
    expect(done?.highlighter).toBeNull();
    expect(registered(env)).toEqual([]);
  });

  it('removes its marks when discarded before they are taken over', async () => {
    const { env, premark } = setUp(STRONG);
    const p = premark();
    await p.result;
    expect(registered(env).length).toBeGreaterThan(0);
    p.discard();
    expect(registered(env)).toEqual([]);
    expect(await p.take()).toBeNull();
  });
});

describe('PageSession taking the gate script’s marks over', () => {
  it('keeps the marks and hits as they are: the text is matched once and no mark is drawn twice', async () => {
    const { env, counts, calls, premark, session, reports, reading } = setUp(STRONG);
    const p = premark();
    await p.result;
    const drawn = { ...counts };
    const highlights = new Map(env.registry);
    const finds = calls.find;
    await session.start(reading(p));
    expect(session.state).toBe('marked');
    expect(counts).toEqual(drawn);
    expect(calls.find).toBe(finds);
    for (const [name, h] of highlights) expect(env.registry.get(name)).toBe(h);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ relevant: true });
    session.destroy();
    expect(registered(env)).toEqual([]);
  });

  it('removes the marks when the reader switched marking off before the full script started', async () => {
    const { env, premark, session, reading } = setUp(STRONG, { sessionAllows: false });
    const p = premark();
    await p.result;
    expect(registered(env).length).toBeGreaterThan(0);
    await session.start(reading(p));
    expect(session.state).toBe('disabled');
    expect(registered(env)).toEqual([]);
  });

  it('removes the marks of a page that navigated before the hand-over, and reads the new page', async () => {
    const { env, premark, session, reports, reading, navigate } = setUp(STRONG);
    const p = premark();
    await p.result;
    expect(registered(env).length).toBeGreaterThan(0);
    navigate('/b', UNRELATED);
    await session.start(reading(p));
    expect(registered(env)).toEqual([]);
    expect(reports[0]).toMatchObject({ url: 'https://news.example/b', relevant: false });
  });

  it('removes the marks of a page that navigated while they were being drawn', async () => {
    const { env, premark, session, reports, reading, navigate } = setUp(STRONG);
    const p = premark();
    const started = session.start(reading(p));
    navigate('/b', UNRELATED);
    // The history navigation's (empty) batch, as the content script passes it on.
    await session.onBatch({ added: [], changedText: new Set(), removed: false, records: 0, flood: false });
    await started;
    await expect.poll(() => reports.at(-1)?.url).toBe('https://news.example/b');
    expect(reports.at(-1)).toMatchObject({ relevant: false });
    expect(registered(env)).toEqual([]);
    session.destroy();
  });
});

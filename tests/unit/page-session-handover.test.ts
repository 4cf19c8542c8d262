/**
 * The full script's session taking a page over from the gate script (PageSession.adopt / start(initial)):
 * the gate's reading is used only for the page it was taken of, and changes the gate had not looked at yet
 * are handled after the first scan.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { compileGateSource } from '../../lib/entities/gate-pattern';
import type { PageReport } from '../../lib/messages';
import { collectText, type PageText } from '../../lib/page/collect';
import { PageGate, type GateResult } from '../../lib/page/gate';
import { PageSession } from '../../lib/page/page-session';
import { shippedMatcher } from './helpers/corpus';

const matcher = shippedMatcher();
const gate = new PageGate(compileGateSource(matcher.gazetteer));
const RELEVANT = '<article><p>The Syrian Democratic Forces took Raqqa from ISIS in 2017, then fought on to Deir ez-Zor with the US-led coalition.</p></article>';
/** Relevant on its text alone, whatever the title. */
const STRONG =
  '<article><p>The Syrian Democratic Forces took Raqqa from ISIS in 2017. Bashar al-Assad’s army, backed by Russia and Iran, retook Aleppo and Palmyra.</p>' +
  '<p>The US-led coalition bombed Deir ez-Zor; Hezbollah fought in Qusayr; Turkey attacked Afrin and the YPG. The Islamic State held Mosul and Raqqa for three years.</p></article>';
const UNRELATED = '<article><p>Rain on Saturday, sun on Sunday, and a crisis at the airport.</p></article>';

function run<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function setUp(body: string, title: string) {
  const dom = new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, { url: 'https://news.example/a' });
  const doc = dom.window.document;
  const reports: PageReport[] = [];
  /** What each report was sent with as the background's reply already known (the gate script's). */
  const answered: unknown[] = [];
  const session = new PageSession({
    doc,
    gate,
    matcher: () => matcher,
    highlightEnv: () => null,
    isVisible: () => true,
    report: (r, _fresh, known) => {
      reports.push(r);
      answered.push(known);
    },
    summaries: async () => [],
    openEntity: () => undefined,
    saveSnippet: async () => ({ ok: false, message: 'not in this test' }),
    markingAllowed: () => true,
  });
  /** A single-page-app navigation: a new address and new content. */
  const navigate = (to: string, html: string, newTitle: string) => {
    dom.window.history.pushState({}, '', to);
    doc.title = newTitle;
    doc.body.replaceChildren(parsed(doc, html));
  };
  return { dom, doc, session, reports, answered, navigate };
}

/** Markup written for the test, parsed apart and brought into `doc`. */
const parsed = (doc: Document, html: string) => doc.importNode(JSDOM.fragment(html), true);

const stats = () => ({ slices: 0, busyMs: 0, longestSliceMs: 0 });

describe('PageSession taking over from the gate script', () => {
  it('goes on from the gate’s reading of the page', async () => {
    const { doc, session, reports } = setUp(UNRELATED, 'Weather');
    const reading: GateResult = run(gate.pageSteps(doc, Number.POSITIVE_INFINITY));
    expect(reading.pass).toBe(false);
    // Text added after the reading is not in it: the session must not read the page again.
    doc.body.append(parsed(doc, RELEVANT));
    await session.start({ url: 'https://news.example/a', gate: reading, stats: stats() });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ url: 'https://news.example/a', relevant: false });
  });

  it('does not report again a page the gate script reported, when it goes on from that reading', async () => {
    const { doc, session, reports, answered } = setUp(UNRELATED, 'Weather');
    const reading: GateResult = run(gate.pageSteps(doc, Number.POSITIVE_INFINITY));
    await session.start({ url: 'https://news.example/a', gate: reading, stats: stats(), reply: { saved: 1 } });
    expect(reports).toHaveLength(1);
    expect(answered).toEqual([{ saved: 1 }]);
  });

  it('reports a page read again after a navigation, whatever the gate script was told', async () => {
    const { doc, session, answered, navigate } = setUp(UNRELATED, 'Weather');
    const reading = run(gate.pageSteps(doc, Number.POSITIVE_INFINITY));
    navigate('/b', UNRELATED, 'Weather');
    await session.start({ url: 'https://news.example/a', gate: reading, stats: stats(), reply: { saved: 1 } });
    expect(answered).toEqual([undefined]);
  });

  it('reads the page again when it navigated before the hand-over', async () => {
    const { doc, session, reports, navigate } = setUp(UNRELATED, 'Weather');
    const reading = run(gate.pageSteps(doc, Number.POSITIVE_INFINITY));
    navigate('/b', RELEVANT, 'Raqqa after ISIS');
    await session.start({ url: 'https://news.example/a', gate: reading, stats: stats() });
    expect(reports[0]).toMatchObject({ url: 'https://news.example/b', relevant: true });
  });

  it('reads the page again when it navigated while the gate script was still reading it', async () => {
    const { doc, session, reports, navigate } = setUp(STRONG, 'Raqqa after ISIS');
    let finish: (t: PageText) => void = () => undefined;
    const text = new Promise<PageText>((resolve) => (finish = resolve));
    const started = session.start({ url: 'https://news.example/a', gate: { pass: true, text: null }, stats: stats(), text });
    const oldText = collectText(doc.body);
    navigate('/b', UNRELATED, 'Weather');
    // The reading of the old page arrives after the navigation: it names Raqqa and ISIS, the new page does not.
    finish(oldText);
    await started;
    // The new page names nothing: a score above zero would come from the old page's text.
    expect(reports[0]).toMatchObject({ url: 'https://news.example/b', relevant: false, score: 0 });
  });

  it('stops the gate script’s reading once it no longer needs it', async () => {
    const { session, reports, navigate } = setUp(STRONG, 'Raqqa after ISIS');
    /** A reading as the gate script hands it over: stopping it resolves its text to null. */
    const reading = (url: string) => {
      let stop: () => void = () => undefined;
      const text = new Promise<PageText | null>((resolve) => (stop = () => resolve(null)));
      const counted = { stops: 0 };
      return { counted, initial: { url, gate: { pass: true, text: null }, stats: stats(), text, stopReading: () => (counted.stops++, stop()) } };
    };
    // Navigated before the hand-over: the reading is of another page.
    const early = reading('https://news.example/a');
    navigate('/b', STRONG, 'Raqqa after ISIS');
    const first = session.start(early.initial);
    expect(early.counted.stops).toBe(1);
    await first;
    // Navigated while the session waits for the reading: the history navigation's (empty) batch stops it,
    // and the new page is read and reported.
    const later = reading('https://news.example/b');
    const second = session.start(later.initial);
    navigate('/c', UNRELATED, 'Weather');
    await session.onBatch({ added: [], changedText: new Set(), removed: false, records: 0, flood: false });
    expect(later.counted.stops).toBe(1);
    await second;
    expect(reports.at(-1)).toMatchObject({ url: 'https://news.example/c', relevant: false });
    session.destroy();
  });

  it('handles the changes the gate had not looked at once its first scan is done', async () => {
    const { doc, session, reports } = setUp(UNRELATED, 'Weather');
    const reading = run(gate.pageSteps(doc, Number.POSITIVE_INFINITY));
    doc.body.append(parsed(doc, RELEVANT));
    const added = [doc.body.lastElementChild!];
    session.adopt({ added, changedText: new Set(), removed: false, records: 1, flood: false }, false);
    await session.start({ url: 'https://news.example/a', gate: reading, stats: stats() });
    // First the page as the gate read it (no name at all), then a new scan that counts the added article's names.
    await expect.poll(() => reports.length).toBe(2);
    expect(reports[0]).toMatchObject({ relevant: false, score: 0 });
    expect(reports[1]!.score).toBeGreaterThan(0);
    session.destroy();
  });
});

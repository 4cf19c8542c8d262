/**
 * The gate script's session (lib/page/gate-session.ts): what every page runs before the full content script
 * is loaded. A page that names no decisive entity gets one report and no hand-over; any sign that it may be
 * relevant hands it over, with the gate's reading when that is still the page as it is.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { compileGateSource } from '../../lib/entities/gate-pattern';
import type { PageReport } from '../../lib/messages';
import { PageGate } from '../../lib/page/gate';
import { GateSession, type HandOver } from '../../lib/page/gate-session';
import { shippedMatcher } from './helpers/corpus';

const gate = new PageGate(compileGateSource(shippedMatcher().gazetteer));

function setUp(body: string, opts: { title?: string; reply?: unknown; onReport?: (doc: Document) => void } = {}) {
  const dom = new JSDOM(`<!doctype html><html><head><title>${opts.title ?? 'Weather this weekend'}</title></head><body>${body}</body></html>`, {
    url: 'https://news.example/weather',
  });
  const doc = dom.window.document;
  const reports: PageReport[] = [];
  const handOvers: HandOver[] = [];
  const session = new GateSession({
    doc,
    gate,
    report: async (r) => {
      reports.push(r);
      opts.onReport?.(doc);
      return opts.reply ?? null;
    },
    handOver: (h) => handOvers.push(h),
    watchOptions: { debounceMs: 5, maxWaitMs: 20 },
  });
  return { dom, doc, session, reports, handOvers };
}

const UNRELATED = '<article><h1>Rain on Saturday</h1><p>Showers spread from the west; the crisis at the airport eased.</p></article>';
const settle = () => new Promise((r) => setTimeout(r, 60));

describe('GateSession', () => {
  it('reports a page that names no decisive entity once, and changes nothing', async () => {
    const { doc, session, reports, handOvers } = setUp(UNRELATED);
    const before = doc.documentElement.outerHTML;
    await session.start();
    expect(session.state).toBe('irrelevant');
    expect(handOvers).toEqual([]);
    expect(reports).toEqual([{ url: 'https://news.example/weather', title: 'Weather this weekend', relevant: false, score: 0, entities: [], marks: 0, capped: false }]);
    expect(doc.documentElement.outerHTML).toBe(before);
    session.stop();
  });

  it('hands a page that names one over with its reading, and sends no report of its own', async () => {
    const { session, reports, handOvers } = setUp('<p>Fighters left Raqqa in October.</p>');
    await session.start();
    expect(reports).toEqual([]);
    expect(handOvers).toHaveLength(1);
    const initial = handOvers[0]!.initial!;
    expect(initial.gate.pass).toBe(true);
    expect(initial.gate.text?.text).toContain('Fighters left Raqqa');
    // Taken of this address: after a single-page-app navigation the full script reads the page again.
    expect(initial.url).toBe('https://news.example/weather');
    expect(handOvers[0]!.watched).toBe(false);
    expect(session.state).toBe('handed-over');
  });

  it('decides on the title at once, then reads the page while the full script loads', async () => {
    const { session, handOvers } = setUp(UNRELATED, { title: 'Inside the fall of the Islamic State' });
    void session.start();
    // Handed over in the same task, before any of the page's text is read.
    expect(handOvers).toHaveLength(1);
    const initial = handOvers[0]!.initial!;
    expect(initial.gate).toEqual({ pass: true, text: null });
    expect((await initial.text)?.text).toContain('Showers spread from the west');
    expect(initial.stats.slices).toBeGreaterThan(0);
  });

  it('stops that reading when the full script no longer needs it', async () => {
    const { session, handOvers } = setUp(UNRELATED, { title: 'Inside the fall of the Islamic State' });
    void session.start();
    handOvers[0]!.initial!.stopReading!();
    expect(await handOvers[0]!.initial!.text).toBeNull();
    expect(session.state).toBe('handed-over');
  });

  it('stops that reading when the extension goes away', async () => {
    const { session, handOvers } = setUp(UNRELATED, { title: 'Inside the fall of the Islamic State' });
    void session.start();
    session.stop();
    expect(await handOvers[0]!.initial!.text).toBeNull();
  });

  it('hands over a ruled-out page on which the reader saved snippets, as it was read', async () => {
    const { session, reports, handOvers } = setUp(UNRELATED, { reply: { saved: 2 } });
    await session.start();
    expect(reports).toHaveLength(1);
    expect(handOvers).toHaveLength(1);
    expect(handOvers[0]!.initial?.gate.pass).toBe(false);
    expect(handOvers[0]!.initial?.gate.text?.text).toContain('Rain on Saturday');
    // The background's reply goes with the reading: the full script does not report the page a second time.
    expect(handOvers[0]!.initial?.reply).toEqual({ saved: 2 });
  });

  it('hands over when added text names a decisive entity, and only then', async () => {
    const { doc, session, reports, handOvers } = setUp(UNRELATED);
    await session.start();
    const p = doc.createElement('p');
    p.textContent = 'More rain is due on Sunday.';
    doc.body.append(p);
    await settle();
    expect(handOvers).toEqual([]);
    const q = doc.createElement('p');
    q.textContent = 'Aid convoys reached Deir Ezzor.';
    doc.body.append(q);
    await settle();
    // The page changed since the gate read it: the full script reads it again, and follows its changes at once.
    expect(handOvers).toEqual([{ initial: null, watched: true, pending: null }]);
    expect(reports).toHaveLength(1);
  });

  it('looks again after a single-page-app navigation, and after a flood of changes', async () => {
    const { dom, session, reports, handOvers } = setUp(UNRELATED);
    await session.start();
    dom.window.history.pushState({}, '', '/sport');
    session.onBatch({ added: [], changedText: new Set(), removed: false, records: 1, flood: false });
    await settle();
    expect(reports.map((r) => r.url)).toEqual(['https://news.example/weather', 'https://news.example/sport']);
    session.onBatch({ added: [], changedText: new Set(), removed: false, records: 5000, flood: true });
    await settle();
    expect(reports).toHaveLength(3);
    expect(handOvers).toEqual([]);
    session.stop();
  });

  it('keeps changes made while it reads the page for when it is done', async () => {
    let p: HTMLElement | null = null;
    // The paragraph enters the page after the gate read it (while the report is on its way).
    const { doc, session, reports, handOvers } = setUp(UNRELATED, { onReport: (d) => d.body.append(p!) });
    p = doc.createElement('p');
    p.textContent = 'Aid convoys reached Raqqa.';
    const started = session.start();
    expect(session.state).toBe('scanning');
    session.onBatch({ added: [p], changedText: new Set(), removed: false, records: 1, flood: false });
    await started;
    expect(reports).toHaveLength(1);
    expect(handOvers).toHaveLength(1);
    expect(handOvers[0]!.initial).toBeNull();
    expect(handOvers[0]!.watched).toBe(true);
  });

  it('does not take an error reply for saved snippets', async () => {
    const { session, handOvers } = setUp(UNRELATED, { reply: { error: 'The database is closed' } });
    await session.start();
    expect(handOvers).toEqual([]);
    session.stop();
  });

  it('hands over the changes it has not looked at yet with the page', async () => {
    const { doc, session, handOvers } = setUp(UNRELATED);
    await session.start();
    const p = doc.createElement('p');
    p.textContent = 'A late paragraph about the weather.';
    doc.body.append(p);
    // Before the watcher's quiet time is over, the reader saves a selection.
    await Promise.resolve();
    session.handOverForSave();
    expect(handOvers).toHaveLength(1);
    expect(handOvers[0]!.watched).toBe(true);
    expect(handOvers[0]!.pending?.added).toEqual([p]);
  });

  it('hands the page over for a save, with its last reading and the reply to its report', async () => {
    const { session, handOvers } = setUp(UNRELATED, { reply: { saved: 0 } });
    await session.start();
    session.handOverForSave();
    session.handOverForSave();
    expect(handOvers).toHaveLength(1);
    expect(handOvers[0]!.initial?.gate.pass).toBe(false);
    expect(handOvers[0]!.initial?.reply).toEqual({ saved: 0 });
  });

  it('keeps no error reply: the full script reports the page again', async () => {
    const { session, handOvers } = setUp(UNRELATED, { reply: { error: 'The database is closed' } });
    await session.start();
    session.handOverForSave();
    expect(handOvers[0]!.initial?.gate.pass).toBe(false);
    expect(handOvers[0]!.initial).not.toHaveProperty('reply');
  });

  it('hands a page over for a save before the reply to its report came, without a reply', async () => {
    let answer: (r: unknown) => void = () => undefined;
    const { doc } = setUp(UNRELATED);
    const handOvers: HandOver[] = [];
    const session = new GateSession({ doc, gate, report: () => new Promise((r) => (answer = r)), handOver: (h) => handOvers.push(h) });
    const started = session.start();
    await vi.waitFor(() => expect(session.state).toBe('irrelevant'));
    session.handOverForSave();
    answer({ saved: 1 });
    await started;
    expect(handOvers).toHaveLength(1);
    expect(handOvers[0]!.initial?.gate.pass).toBe(false);
    expect(handOvers[0]!.initial).not.toHaveProperty('reply');
  });

  it('does nothing more once stopped', async () => {
    const { doc, session, reports, handOvers } = setUp(UNRELATED);
    await session.start();
    session.stop();
    const q = doc.createElement('p');
    q.textContent = 'Aid convoys reached Deir Ezzor.';
    doc.body.append(q);
    await settle();
    session.handOverForSave();
    expect(handOvers).toEqual([]);
    expect(reports).toHaveLength(1);
    expect(vi.isFakeTimers()).toBe(false);
  });
});

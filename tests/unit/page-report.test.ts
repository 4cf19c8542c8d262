import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../lib/page/analyze';
import { HitSummary } from '../../lib/page/report';
import { shippedMatcher } from './helpers/corpus';

const matcher = shippedMatcher();
const html = `<html><head><title>Raqqa</title></head><body><article>
  <p>Raqqa fell. The SDF entered Raqqa, then al-Raqqa's old town; Syrian families and Kurdish families watched.</p>
  <p>Rakka, Raqqah, Ar-Raqqa: the Syrian Democratic Forces held it.</p></article></body></html>`;

describe('the page report (HitSummary)', () => {
  const { hits } = analyzePage(new JSDOM(html).window.document, matcher);
  const byId = (s: HitSummary) => Object.fromEntries(s.entities().map((e) => [e.id, e]));

  it('counts names and adjectives apart, with the surfaces seen, most named first', () => {
    const summary = new HitSummary(matcher.gazetteer);
    summary.add(hits);
    const entities = summary.entities();
    const raqqa = byId(summary).raqqa!;
    expect(raqqa.count).toBe(hits.filter((h) => matcher.gazetteer.entities[h.entity]!.id === 'raqqa' && !h.demonym).length);
    expect(raqqa.count).toBeGreaterThanOrEqual(5);
    expect(raqqa.surfaces).toEqual(expect.arrayContaining(['Raqqa', 'Rakka', 'Raqqah']));
    expect(byId(summary).syria).toMatchObject({ count: 0, demonyms: 1 });
    expect(byId(summary).kurds).toMatchObject({ count: 0, demonyms: 1 });
    expect(entities[0]!.id).toBe('raqqa');
    const counts = entities.map((e) => e.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('adds text the page adds later as if it had been there from the start', () => {
    const whole = new HitSummary(matcher.gazetteer);
    whole.add(hits);
    const split = new HitSummary(matcher.gazetteer);
    split.add(hits.slice(0, 3));
    split.add(hits.slice(3));
    expect(split.entities()).toEqual(whole.entities());
  });

  it('keeps at most 20 surfaces per entity however many a page has', () => {
    const many = Array.from({ length: 12_000 }, (_, i) => ({ ...hits[0]!, surface: `Raqqa${i % 50}` }));
    const summary = new HitSummary(matcher.gazetteer);
    const steps = summary.addSteps(many);
    let slices = 1;
    while (!steps.next().done) slices++;
    expect(slices).toBeGreaterThan(1);
    const first = summary.entities()[0]!;
    expect(first.count).toBe(12_000);
    expect(first.surfaces).toHaveLength(20);
  });
});

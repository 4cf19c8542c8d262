import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../lib/corpus/pipeline';
import type { DescriptorUse, FramingRecord } from '../../lib/corpus/types';
import { shippedBuild, shippedInput } from './helpers/corpus';

// What the five articles plainly say, read off the bodies (quoted in the comments).
const WHITNEY = 'whitney-isis-last-stand';
const MERCOURIS = 'mercouris-isis-final-days';
const CARTALUCCI = 'cartalucci-liquidating-assets';
const UNSIGNED = 'unsigned-devils-bargain-iran';
const MAGNIER = 'magnier-isis-dropping';

function framing(entity: string, article: string): FramingRecord {
  const f = shippedBuild().framings.find((x) => x.entity === entity && x.article === article);
  if (!f) throw new Error(`no framing for ${entity} in ${article}`);
  return f;
}
const descriptor = (f: FramingRecord, kind: DescriptorUse['kind'], text: string) => f.descriptors.find((d) => d.kind === kind && d.text === text);
const terms = (f: FramingRecord) => f.contested.map((t) => t.term);
const term = (f: FramingRecord, t: string) => f.contested.find((x) => x.term === t);

describe('the Syrian government: "regime" or "government"', () => {
  it('003 calls it a regime and never a government', () => {
    // "...and a salient was lost from the regime’s frontlines" (after "the Syrian (Assad) regime" in a quotation).
    const f = framing('syrian-government', UNSIGNED);
    // Its only name mention is inside an American spokesman's words; "the regime’s frontlines" is the author's.
    expect(f.descriptors[0]).toMatchObject({ kind: 'label', text: 'regime', count: 2, quoted: 1 });
    expect(terms(f)).toContain('regime');
    expect(terms(f)).not.toContain('government');
    // "an apparent resurgence of Bashar Assad’s regime": "Y's X" labels Assad too.
    expect(descriptor(framing('bashar-al-assad', UNSIGNED), 'label', 'regime')).toBeDefined();
  });

  it('000 (Whitney) calls it "the sovereign government"; "regime" only inside Rogin\'s quotations', () => {
    const f = framing('syrian-government', WHITNEY);
    expect(descriptor(f, 'premodifier', 'sovereign')).toMatchObject({ count: 1 });
    expect(term(f, 'sovereign')).toMatchObject({ group: 'sovereign / sovereignty', count: 1 });
    const government = descriptor(f, 'label', 'government')!;
    expect(government.count - (government.quoted ?? 0)).toBeGreaterThanOrEqual(2);
    // "...the Assad regime and Iran are preparing..." and "...total victory by the Assad regime in Syria" (Rogin).
    const regime = descriptor(f, 'label', 'regime')!;
    expect(regime.quoted).toBe(regime.count);
    expect(term(f, 'regime')?.quoted).toBe(term(f, 'regime')?.count);
    expect(f.descriptors[0]?.text).toBe('government');
  });

  it('001 (Mercouris) says "Syrian government" throughout; its "regime change" is not "regime"', () => {
    const f = framing('syrian-government', MERCOURIS);
    expect(f.descriptors[0]).toMatchObject({ kind: 'label', text: 'government', count: 8 });
    expect(term(f, 'government')?.count).toBe(8);
    expect(terms(f)).not.toContain('regime');
    expect(terms(f)).toContain('regime change');
  });
});

describe('the SDF: front group, proxies, allies', () => {
  it('003: "the US-supported “Syrian Democratic Forces”, the front group for the Kurdish PKK"', () => {
    const f = framing('syrian-democratic-forces', UNSIGNED);
    expect(f.descriptors[0]).toMatchObject({ kind: 'label', text: 'front group' });
    expect(descriptor(f, 'premodifier', 'US-supported')).toBeDefined();
    expect(descriptor(f, 'apposition', 'the front group for the Kurdish PKK')).toBeDefined();
    expect(term(f, 'front group')?.group).toBe('proxies / allies / backed');
    expect(f.summary).toBe('calls it "front group"; tone 0.00; 1 mention');
  });

  it('000: "US proxies in the mostly-Kurdish SDF", and the Kurds are "their Kurdish proxies"', () => {
    const f = framing('syrian-democratic-forces', WHITNEY);
    expect(f.descriptors[0]).toMatchObject({ kind: 'label', text: 'US proxies' });
    expect(descriptor(f, 'premodifier', 'mostly-Kurdish')).toBeDefined();
    expect(terms(f)).toContain('proxies');
    expect(descriptor(framing('kurds', WHITNEY), 'label', 'proxies')).toBeDefined();
  });

  it('001: "the Kurdish led and US backed “Syrian Democratic Forces”"', () => {
    const f = framing('syrian-democratic-forces', MERCOURIS);
    expect(f.descriptors.filter((d) => d.kind === 'premodifier').map((d) => d.text)).toEqual(['Kurdish-led', 'US-backed']);
    expect(terms(f)).not.toContain('proxies');
  });

  it('004 (Magnier): "its allies in the “Syrian Democratic Forces” (SDF – Kurds)"', () => {
    const f = framing('syrian-democratic-forces', MAGNIER);
    expect(descriptor(f, 'label', 'allies')).toBeDefined();
    expect(descriptor(f, 'apposition', 'SDF – Kurds')).toBeDefined();
    expect(terms(f)).toEqual(['allies']);
  });
});

describe('ISIS, the PMF and the Syrian army', () => {
  it('002 (Cartalucci): "terrorists including ISIS as proxy ground forces", "the self-proclaimed Islamic State"', () => {
    const f = framing('isis', CARTALUCCI);
    expect(f.descriptors[0]).toMatchObject({ kind: 'label', text: 'terrorists' });
    expect(descriptor(f, 'label', 'proxy')).toBeDefined();
    expect(descriptor(f, 'premodifier', 'self-proclaimed')).toBeDefined();
    expect(term(f, 'proxy')?.group).toBe('proxies / allies / backed');
    expect(terms(f)).not.toContain('rebels');
    // "the US is merely liquidating assets it had harbored": the sentence names the US, not ISIS.
    expect(terms(framing('united-states', CARTALUCCI))).toContain('assets');
    expect(terms(f)).not.toContain('assets');
  });

  it('002: "Iranian-backed Popular Mobilization Forces (PMF)"', () => {
    const f = framing('popular-mobilization-units', CARTALUCCI);
    expect(f.descriptors[0]).toMatchObject({ kind: 'premodifier', text: 'Iranian-backed' });
    // "(PMF)" repeats the entity's own name: not an apposition.
    expect(f.descriptors.some((d) => d.kind === 'apposition')).toBe(false);
  });

  it('004 names "the Syrian Arab Army", 001 only "the Syrian army"; neither labels it', () => {
    const magnier = framing('syrian-arab-army', MAGNIER);
    expect(descriptor(magnier, 'name', 'Syrian Arab Army')).toMatchObject({ count: 1 });
    expect(magnier.descriptors.every((d) => d.kind === 'name')).toBe(true);
    const mercouris = framing('syrian-arab-army', MERCOURIS);
    expect(descriptor(mercouris, 'name', 'Syrian Arab Army')).toBeUndefined();
    expect(descriptor(mercouris, 'name', 'Syrian army')).toMatchObject({ count: 12 });
  });

  it('001 refers to ISIS as "the organisation" and 004 as "the terrorist organisation"', () => {
    expect(framing('isis', MERCOURIS).descriptors[0]).toMatchObject({ kind: 'label', text: 'organisation' });
    expect(descriptor(framing('isis', MAGNIER), 'label', 'terrorist organisation')).toBeDefined();
    expect(descriptor(framing('isis', MAGNIER), 'premodifier', 'so-called')).toBeDefined();
  });
});

describe('people', () => {
  it('a title before the name is read as an apposition: "Russian President Vladimir Putin", "Iraq Prime Minister Haider al-Abadi"', () => {
    expect(framing('vladimir-putin', WHITNEY).descriptors[0]).toMatchObject({ kind: 'apposition', text: 'Russian President', count: 1 });
    expect(framing('haider-al-abadi', MAGNIER).descriptors[0]).toMatchObject({ kind: 'apposition', text: 'Iraq Prime Minister' });
  });
});

describe('silence and partial mentions', () => {
  it('an article that never names an entity: count 0 and exactly "does not mention it"', () => {
    const f = framing('syrian-democratic-forces', CARTALUCCI);
    expect(f).toMatchObject({ count: 0, demonymCount: 0, nestedCount: 0, tone: null, descriptors: [], contested: [], passages: [] });
    expect(f.summary).toBe('does not mention it');
  });

  it('demonym-only use is not a name mention: 003 writes "the Kurdish PKK" but never "Kurds"', () => {
    const f = framing('kurds', UNSIGNED);
    expect(f).toMatchObject({ count: 0, demonymCount: 1 });
    expect(f.summary).toBe('does not name it (1 adjective use: "Kurdish")');
  });

  it('a name only inside a longer name: Ghouta in "chemical attack on the Damascus suburb of Ghouta"', () => {
    const f = framing('ghouta', MERCOURIS);
    expect(f).toMatchObject({ count: 0, nestedCount: 1 });
    expect(f.summary).toBe('does not name it (1 use inside "chemical attack on the Damascus suburb of Ghouta")');
  });

  it('passages are the ordinals of the sentences holding a mention, in order', () => {
    const b = shippedBuild();
    const f = framing('syrian-government', MERCOURIS);
    const expected = [...new Set(b.mentions.filter((m) => m.entity === f.entity && m.article === f.article).map((m) => m.passage))].sort((x, y) => x - y);
    expect(f.passages).toEqual(expected);
    for (const ordinal of f.passages) {
      const p = b.passages.find((x) => x.article === MERCOURIS && x.ordinal === ordinal)!;
      expect(p.text).toMatch(/Syrian government/);
    }
  });
});

describe('determinism', () => {
  it('two builds give deep-equal framings', () => {
    const a = buildCorpus(shippedInput()).framings;
    const b = buildCorpus(shippedInput()).framings;
    expect(b).toEqual(a);
    expect(a).toHaveLength(125 * 5);
  });
});

import { describe, expect, it } from 'vitest';
import { createLookup, type LookupResult, type PassageHit } from '../../lib/search';
import { normalize } from '../../lib/text';
import { shippedBuild } from './helpers/corpus';

const build = shippedBuild();
const { lookup } = createLookup(build, { passageLimit: 1000 });

function passagesOf(r: LookupResult): PassageHit[] {
  if (r.status !== 'found') throw new Error(`expected found, got ${r.status}`);
  return r.passages;
}

const slices = (p: PassageHit) => p.ranges.map((r) => p.text.slice(r.start, r.end));
const folded = (aliases: string[]) => new Set(aliases.map(normalize));
const entity = (id: string) => build.entities.find((e) => e.id === id)!;
const spellingsOf = (id: string) => folded([entity(id).name, ...entity(id).aliases, ...entity(id).demonyms]);

function expectWellFormed(p: PassageHit): void {
  const source = build.passages.find((x) => x.article === p.article && x.ordinal === p.ordinal)!;
  expect(p.text).toBe(source.text);
  expect(p.ranges.length).toBeGreaterThan(0);
  let end = -1;
  for (const r of p.ranges) {
    expect(r.start).toBeGreaterThan(end);
    expect(r.end).toBeGreaterThan(r.start);
    expect(r.end).toBeLessThanOrEqual(p.text.length);
    end = r.end;
  }
}

describe('passages for a looked-up term', () => {
  it('"Dier ez Zor" reaches passages of at least 3 articles, highlighting real spellings of the place', () => {
    const passages = passagesOf(lookup('Dier ez Zor'));
    expect(new Set(passages.map((p) => p.article)).size).toBeGreaterThanOrEqual(3);
    const place = spellingsOf('deir-ez-zor');
    const seen = new Set<string>();
    for (const p of passages) {
      expectWellFormed(p);
      expect(p.entities).toContain('deir-ez-zor');
      for (const s of slices(p)) {
        expect(place.has(normalize(s)), s).toBe(true);
        seen.add(s);
      }
    }
    // The corpus writes it several ways; every one comes back as written.
    expect([...seen]).toEqual(expect.arrayContaining(['Deir Ezzor', 'Deir ez-Zoor', 'Deir al-Zour']));
  });

  it('lists every passage that mentions the entity, by any alias', () => {
    const mentions = build.mentions.filter((m) => m.entity === 'abu-bakr-al-baghdadi');
    const expected = new Set(mentions.map((m) => `${m.article}#${m.passage}`));
    const got = passagesOf(lookup('Bagdadi')).map((p) => `${p.article}#${p.ordinal}`);
    expect(new Set(got)).toEqual(expected);
    expect(expected.size).toBeGreaterThan(3);
  });

  it('gives the original offsets of the selected words inside a passage', () => {
    const sources = build.passages.filter((p) => /\bpretext\b/i.test(p.text));
    const hits = passagesOf(lookup('PRETEXT'));
    expect(hits.map((p) => `${p.article}#${p.ordinal}`)).toEqual(sources.map((p) => `${p.article}#${p.ordinal}`));
    for (const [i, p] of hits.entries()) {
      const at = sources[i]!.text.toLowerCase().indexOf('pretext');
      expect(p.kind).toBe('text');
      expect(p.ranges).toEqual([{ start: at, end: at + 'pretext'.length }]);
    }
  });

  it('keeps the selected words inside the highlight when an entity mention overlaps them', () => {
    const source = build.passages.find((p) => p.text.includes('chemical attack'))!;
    const at = source.text.indexOf('chemical attack');
    const hit = passagesOf(lookup('Chemical  Attack')).find((p) => p.article === source.article && p.ordinal === source.ordinal)!;
    expect(hit.kind).toBe('text');
    expect(hit.ranges.some((r) => r.start <= at && r.end >= at + 'chemical attack'.length)).toBe(true);
  });

  it('maps folded matches back to the words as written (apostrophes, hyphens, case, doubled letters)', () => {
    for (const query of ["hashd al sha'abi", 'HASHD AL-SHAABI', 'deir ezzor', 'RAQQAH', 'al-tanaf']) {
      const passages = passagesOf(lookup(query));
      expect(passages.length, query).toBeGreaterThan(0);
      for (const p of passages) {
        expectWellFormed(p);
        // Ranges are merged for highlighting: the words may sit inside a longer mention ("Al-Tanaf crossing").
        if (p.kind === 'text') expect(slices(p).some((s) => ` ${normalize(s)} `.includes(` ${normalize(query)} `)), `${query}: ${slices(p)}`).toBe(true);
      }
    }
  });

  it('finds a close spelling of words that are not a name, and highlights the real words', () => {
    const passages = passagesOf(lookup('chemcial attack'));
    expect(passages.length).toBeGreaterThan(0);
    const p = passages.find((x) => x.kind === 'fuzzy')!;
    expect(slices(p)).toContain('chemical attack');
    expect(p.score).toBeGreaterThan(0);
  });

  it('does not turn a function word into passages: "IS" gives the group’s mentions, not every "is"', () => {
    const passages = passagesOf(lookup('IS'));
    const isis = new Set(build.mentions.filter((m) => m.entity === 'isis').map((m) => `${m.article}#${m.passage}`));
    for (const p of passages) {
      expect(isis.has(`${p.article}#${p.ordinal}`)).toBe(true);
      expect(p.kind).toBe('entity');
      for (const s of slices(p)) {
        expect(spellingsOf('isis').has(normalize(s)), s).toBe(true);
        expect(s).not.toBe('is');
      }
    }
  });

  it('ranks passages that name the entity before those with only a demonym', () => {
    const passages = passagesOf(lookup('Syria'));
    const scores = passages.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const demonymOnly = passages.filter((p) => slices(p).every((s) => /^Syrians?$/.test(s)));
    expect(demonymOnly.length).toBeGreaterThan(0);
    const lastNamed = Math.max(...passages.map((p, i) => (slices(p).some((s) => s === 'Syria') ? i : -1)));
    expect(passages.indexOf(demonymOnly[0]!)).toBeGreaterThan(lastNamed);
  });

  it('honours passageLimit and reports the total', () => {
    const limited = createLookup(build, { passageLimit: 5 }).lookup('Syria');
    if (limited.status !== 'found') throw new Error(limited.status);
    expect(limited.passages).toHaveLength(5);
    expect(limited.totalPassages).toBeGreaterThan(100);
  });

  it('returns passages for a term with no entity when the corpus has the words', () => {
    const r = lookup('pretext');
    if (r.status !== 'found') throw new Error(r.status);
    expect(r.entities).toEqual([]);
    for (const p of r.passages) expect(slices(p).map((s) => s.toLowerCase())).toContain('pretext');
  });
});

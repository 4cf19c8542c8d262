import { describe, expect, it } from 'vitest';
import { aliasDistance, CLOSE_SPELLING, PART_OF_ALIAS_PENALTY, spellingDistance } from '../../lib/search/distance';
import { mergeRanges } from '../../lib/search/lookup';
import { shapeQuery } from '../../lib/search/query';
import { isStopword } from '../../lib/search/stopwords';
import { normalize } from '../../lib/text';
import { shippedInput } from './helpers/corpus';

describe('spelling distance', () => {
  it('charges half for the slips of transliteration and 1 for others', () => {
    expect(spellingDistance('mosul', 'mosol')).toBe(0.5); // vowel for vowel
    expect(spellingDistance('bagdadi', 'baghdadi')).toBe(0.5); // silent h
    expect(spellingDistance('qaryatain', 'karyatain')).toBe(0.5); // q/k
    expect(spellingDistance('gerasimow', 'gerasimov')).toBe(0.5); // w/v
    expect(spellingDistance('dier', 'deir')).toBe(1); // a swap
    expect(spellingDistance('hamas', 'damas')).toBe(1); // a different consonant
    expect(spellingDistance('raqa', 'raqa')).toBe(0);
    expect(spellingDistance('', 'bcd')).toBe(3);
    expect(spellingDistance('', 'abc')).toBe(2.5); // a vowel is cheap to insert
  });

  it('is symmetric and stops early past its limit', () => {
    for (const [a, b] of [['erdogan', 'jordan'], ['syrain', 'syria'], ['رقه', 'رقة']] as const) {
      expect(spellingDistance(a, b)).toBe(spellingDistance(b, a));
    }
    expect(spellingDistance('erdogan', 'netanyahu', 1)).toBe(Infinity);
  });

  it('scores a run of an alias’s words with a penalty, and people only by the surname', () => {
    expect(aliasDistance('deir zor', 'deir zor governorate')).toBeCloseTo(PART_OF_ALIAS_PENALTY, 9);
    expect(aliasDistance('bagdadi', 'abu bakr baghdadi', Infinity, true)).toBeCloseTo(0.5 / 8 + PART_OF_ALIAS_PENALTY, 9);
    expect(aliasDistance('hafez asad', 'bashar hafez asad', Infinity, true)).toBeGreaterThan(CLOSE_SPELLING);
    expect(aliasDistance('hafez asad', 'bashar hafez asad')).toBeCloseTo(PART_OF_ALIAS_PENALTY, 9);
  });
});

describe('query shape', () => {
  it('sorts selections into empty, no letters, term, long text and huge', () => {
    expect(shapeQuery(' \u200b ').kind).toBe('empty');
    expect(shapeQuery('— 2017 …').kind).toBe('no-letters');
    expect(shapeQuery('Raqqa').kind).toBe('term');
    expect(shapeQuery('word '.repeat(13)).kind).toBe('long');
    expect(shapeQuery('x'.repeat(201)).kind).toBe('long');
    expect(shapeQuery('x'.repeat(1_000_001)).kind).toBe('huge');
  });

  it('drops leading and trailing function words from the core, not inner ones', () => {
    const s = shapeQuery('the Islamic State of Iraq and the Levant and');
    expect(s.kind === 'term' && s.core).toBe(normalize('Islamic State of Iraq and the Levant'));
    const g = shapeQuery('Geneva II');
    expect(g.kind === 'term' && g.core).toBe(normalize('Geneva II'));
  });
});

describe('function words', () => {
  it('covers exactly the gazetteer aliases that need their capitals', () => {
    // Each alias folding to a function word must be flagged caseSensitive in corpus/entities.json, and the look-up
    // then asks for the capitals too; if this fails, an alias that reads as a common word slipped in unflagged.
    for (const e of shippedInput().entities.entities) {
      for (const alias of [...e.aliases, ...(e.demonyms ?? [])]) {
        if (isStopword(normalize(alias))) expect(e.caseSensitive ?? [], `${e.id}: ${alias}`).toContain(alias);
      }
    }
  });
});

describe('highlight ranges', () => {
  it('are sorted and merged when they overlap or touch', () => {
    expect(mergeRanges([{ start: 10, end: 20 }, { start: 0, end: 5 }, { start: 15, end: 30 }, { start: 30, end: 31 }])).toEqual([
      { start: 0, end: 5 },
      { start: 10, end: 31 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { createLookup, ENTITY_MAX_SCORE, type LookupResult } from '../../lib/search';
import { shippedBuild, shippedMatcher } from './helpers/corpus';

// The shipped gazetteer and corpus, as the side panel reads them from IndexedDB.
const build = shippedBuild();
const { lookup } = createLookup(build);

function found(r: LookupResult) {
  if (r.status !== 'found') throw new Error(`expected found, got ${r.status}: ${'message' in r ? r.message : ''}`);
  return r;
}

const top = (query: string) => found(lookup(query)).entities[0]!;

// [selection, entity expected at rank 1, how it is reached]
const TABLE: Array<[string, string, 'exact' | 'fuzzy' | 'named']> = [
  // The examples
  ['Dier ez Zor', 'deir-ez-zor', 'fuzzy'],
  ['Bagdadi', 'abu-bakr-al-baghdadi', 'exact'],
  ['Hizbollah', 'hezbollah', 'exact'],
  ['Raka', 'raqqa', 'exact'],
  ['Daash', 'isis', 'fuzzy'],
  ['al Bukamal', 'abu-kamal', 'exact'],
  ['Hashd al-Shaabi', 'popular-mobilization-units', 'exact'],
  ['الرقة', 'raqqa', 'exact'],
  ['دير الزور', 'deir-ez-zor', 'exact'],
  ['حزب الله', 'hezbollah', 'exact'],
  ['بشار الأسد', 'bashar-al-assad', 'exact'],
  ['Rakka', 'raqqa', 'exact'],
  ['Damaskus', 'damascus', 'exact'],
  ['Islamischer Staat', 'isis', 'exact'],
  ['Hisbollah', 'hezbollah', 'exact'],
  ['Deir Ezzor', 'deir-ez-zor', 'exact'],
  ['Dayr az-Zawr', 'deir-ez-zor', 'exact'],
  ['Abu Kamal', 'abu-kamal', 'exact'],
  ['Mayadeen', 'mayadin', 'exact'],
  ['Tanf', 'al-tanf', 'exact'],
  ['Gerasimov', 'valery-gerasimov', 'exact'],
  ['Mattis', 'james-mattis', 'exact'],
  ['Putin', 'vladimir-putin', 'exact'],
  ['SDF', 'syrian-democratic-forces', 'exact'],
  ['Assad', 'bashar-al-assad', 'exact'],
  ['the Assad regime', 'syrian-government', 'exact'],
  ['Syrian Democratic Forces', 'syrian-democratic-forces', 'exact'],
  ['isis', 'isis', 'exact'],
  ['Isis', 'isis', 'exact'],
  ['Hezbolah', 'hezbollah', 'exact'],
  ['Qaryatain', 'al-qaryatayn', 'exact'],
  ['Palmira', 'palmyra', 'exact'],
  ['Mosul', 'mosul', 'exact'],
  ['Aleppo', 'aleppo', 'exact'],
  ['Alep', 'aleppo', 'exact'],
  ['Halab', 'aleppo', 'exact'],
  ['Deir ez-Zor', 'deir-ez-zor', 'exact'],
  ['Daesh', 'isis', 'exact'],
  ['PMU', 'popular-mobilization-units', 'exact'],
  // Capitals decide for aliases that fold to a function word
  ['IS', 'isis', 'exact'],
  ['US', 'united-states', 'exact'],
  ['U.S.', 'united-states', 'exact'],
  // Other scripts, possessives, demonyms
  ['Путин', 'vladimir-putin', 'exact'],
  ['Москва', 'moscow', 'exact'],
  ["Syria's", 'syria', 'exact'],
  ['Kurdish', 'kurds', 'exact'],
  ['Vladimir Poutine', 'vladimir-putin', 'exact'],
  ['Bashar al Asaad', 'bashar-al-assad', 'exact'],
  ['Wrath of Euphrates', 'battle-of-raqqa-2017', 'exact'],
  ['Geneva II', 'geneva-peace-talks-on-syria', 'exact'],
  // Misspellings the corpus does not list
  ['Damascas', 'damascus', 'fuzzy'],
  ['Gerasimow', 'valery-gerasimov', 'fuzzy'],
  ['Mosol', 'mosul', 'fuzzy'],
  ['Syrain', 'syria', 'fuzzy'],
  ['Islamic Stat', 'isis', 'fuzzy'],
  ['Hezbulah', 'hezbollah', 'fuzzy'],
  ['Kamal', 'abu-kamal', 'fuzzy'],
  // Names inside a longer selection
  ['Russian jets bombed Raqqa', 'russian-aerospace-forces', 'named'],
  ['IS fighters', 'isis', 'named'],
  ['<img src=x onerror=alert(1)>Raqqa', 'raqqa', 'named'],
];

describe('look-up on the shipped gazetteer: selection → entity at rank 1', () => {
  it.each(TABLE)('%s → %s (%s)', (query, id, kind) => {
    const hit = top(query);
    expect(hit.id).toBe(id);
    expect(hit.kind).toBe(kind);
    if (kind === 'exact') expect(hit.score).toBe(0);
    else expect(hit.score).toBeGreaterThan(0);
    expect(hit.score).toBeLessThanOrEqual(kind === 'named' ? 0.3 : ENTITY_MAX_SCORE + 1e-9);
  });

  it('reports the alias that matched, as the gazetteer writes it', () => {
    expect(top('Raka')).toMatchObject({ id: 'raqqa', alias: 'Rakka', kind: 'exact' });
    expect(top('Hashd al-Shaabi')).toMatchObject({ alias: 'Hashd al-Shaabi' });
    expect(top('Kurdish')).toMatchObject({ alias: 'Kurdish', demonym: true });
    expect(top('Dier ez Zor')).toMatchObject({ alias: 'Deir ez-Zor', kind: 'fuzzy' });
  });

  it('lists each entity once, best alias first, and ranks exact hits before related names', () => {
    const r = found(lookup('Deir ez-Zor'));
    const ids = r.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('deir-ez-zor');
    expect(ids).toEqual(expect.arrayContaining(['deir-ez-zor-governorate', 'siege-of-deir-ez-zor']));
    expect(r.entities.filter((e) => e.score === 0).map((e) => e.id)).toEqual(['deir-ez-zor']);
    for (let i = 1; i < r.entities.length; i++) expect(r.entities[i]!.score).toBeGreaterThanOrEqual(r.entities[i - 1]!.score);
  });
});

describe('look-up of names that are not in the corpus', () => {
  it.each(['Erdogan', 'Erdoğan', 'Macron', 'Merkel', 'Netanyahu', 'Hamas', 'Kobane', 'Idlib', 'Homs', 'YPG', 'Iram'])(
    '%s → not-in-corpus with nearest names',
    (query) => {
      const r = lookup(query);
      expect(r.status).toBe('not-in-corpus');
      if (r.status !== 'not-in-corpus') return;
      expect(r.message).toContain(query);
      for (const n of r.nearest) expect(build.entities.some((e) => e.id === n.id && e.name === n.name)).toBe(true);
      // Nearest names are offered, none of them close enough to be a hit.
      for (const n of r.nearest) expect(n.score).toBeGreaterThan(ENTITY_MAX_SCORE);
    },
  );

  it('offers 3–5 nearest names, closest first, for a name that looks like corpus names', () => {
    for (const query of ['Erdogan', 'Macron', 'Hamas', 'Maher al-Assad']) {
      const r = lookup(query);
      if (r.status !== 'not-in-corpus') throw new Error(`${query}: ${r.status}`);
      expect(r.nearest.length).toBeGreaterThanOrEqual(3);
      expect(r.nearest.length).toBeLessThanOrEqual(5);
      expect(r.nearest.map((n) => n.score)).toEqual([...r.nearest.map((n) => n.score)].sort((a, b) => a - b));
      expect(r.message).toContain(r.nearest[0]!.name);
    }
    const hamas = lookup('Hamas');
    expect(hamas.status === 'not-in-corpus' && hamas.nearest[0]!.id).toBe('damascus');
  });

  it('gives nonsense no confident entity', () => {
    const r = lookup('xqzv');
    expect(r.status).toBe('not-in-corpus');
  });

  it('treats function words alone as common words, never as an entity', () => {
    for (const query of ['the', 'and', 'of', 'The', 'is', 'us', 'Is', 'un', 'me', 'I', 'de la', 'der', 'x']) {
      const r = lookup(query);
      expect(r.status, query).toBe('not-in-corpus');
      if (r.status === 'not-in-corpus') expect(r.nearest).toEqual([]);
    }
  });

  it('does not take a relative for the corpus person who shares the surname', () => {
    for (const query of ['Hafez al-Assad', 'Maher al-Assad']) {
      const r = lookup(query);
      expect(r.status, query).toBe('not-in-corpus');
      if (r.status === 'not-in-corpus') expect(r.nearest[0]!.id).toBe('bashar-al-assad');
    }
    // The Matcher's context rule agrees when the side panel passes it in.
    expect(createLookup(build, { matcher: shippedMatcher() }).lookup('Hafez al-Assad').status).toBe('not-in-corpus');
  });
});

describe('look-up of selections that are not terms', () => {
  it.each([
    ['', 'empty'],
    ['   \n\t ', 'empty'],
    ['\u200b\u200d', 'empty'],
    ['...', 'no-letters'],
    ['—', 'no-letters'],
    ['!!!', 'no-letters'],
    ['2017', 'no-letters'],
    ['١٢٣ 45,6 %', 'no-letters'],
    ['ʿ', 'no-letters'],
  ] as const)('%j → %s, with a message', (query, status) => {
    const r = lookup(query);
    expect(r.status).toBe(status);
    expect('message' in r && r.message.length).toBeGreaterThan(10);
  });

  it('treats markup in a selection as plain text', () => {
    for (const query of ['<img src=x onerror=alert(1)>Raqqa', '<script>alert("x")</script> Raqqa', 'Raqqa"><svg/onload=alert(1)>', '{{constructor.constructor("x")()}} Raqqa']) {
      const r = found(lookup(query));
      expect(r.entities[0]!.id, query).toBe('raqqa');
    }
    expect(() => lookup('<b>\u0000\uffff\ud800</b>')).not.toThrow();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher, type Match } from '../../lib/entities/matcher';
import { compileGazetteer } from '../../lib/entities/compile';
import { EntitiesFileSchema } from '../../lib/entities/schema';
import { skeletonKey } from '../../lib/text';
import { miniGazetteer } from './helpers/corpus';

const g = miniGazetteer();
const matcher = new Matcher(g);
const id = (m: Match) => g.entities[m.entity]!.id;
const found = (text: string) => matcher.find(text).map((m) => [id(m), m.surface, m.demonym] as const);
const ids = (text: string) => matcher.find(text).map(id);

describe('matcher on a gazetteer written for the tests', () => {
  it('finds every transliteration of one place, with exact surfaces and offsets', () => {
    const text = 'From Deir ez-Zor to Deir Ezzor, Dayr az-Zawr, DEIR AL-ZOUR and دير الزور.';
    const matches = matcher.find(text);
    expect(matches.map(id)).toEqual(Array(5).fill('deir-ez-zor'));
    expect(matches.map((m) => m.surface)).toEqual(['Deir ez-Zor', 'Deir Ezzor', 'Dayr az-Zawr', 'DEIR AL-ZOUR', 'دير الزور']);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('matches through diacritics, case, doubled letters and Arabic joined particles', () => {
    expect(ids('raqqa, RAQQAH, Rakka, والرقة, للرقة, وبالرقة, فالرقة')).toEqual(Array(7).fill('raqqa'));
    // A name without the article takes the particles directly, and never gains an article.
    expect(ids('سوريا، وسوريا، بسوريا، لسوريا')).toEqual(Array(4).fill('syria'));
    expect(ids('ورقة، رقة، بالسوريا')).toEqual([]);
    expect(ids('Déir éz-Zör')).toEqual(['deir-ez-zor']);
  });

  it('takes the leftmost-longest match', () => {
    expect(found('the siege of Deir ez-Zor ended')).toEqual([['siege-of-deir-ez-zor', 'siege of Deir ez-Zor', false]]);
    expect(found('the Syrian Arab Army advanced')).toEqual([['syrian-arab-army', 'Syrian Arab Army', false]]);
    expect(found('Syrian army units')).toEqual([['syrian-arab-army', 'Syrian army', false]]);
  });

  it('reports nested names of other entities with findAll', () => {
    const all = matcher.findAll('the siege of Deir ez-Zor ended');
    expect(all.map((m) => [id(m), m.surface, m.nested ?? false])).toEqual([
      ['siege-of-deir-ez-zor', 'siege of Deir ez-Zor', false],
      ['deir-ez-zor', 'Deir ez-Zor', true],
    ]);
  });

  it('respects word boundaries', () => {
    expect(ids('Raqqawi traders, ISISx, Syriana, unRaqqa')).toEqual([]);
    expect(ids('(Raqqa). "Raqqa"! Raqqa—Syria')).toEqual(['raqqa', 'raqqa', 'raqqa', 'syria']);
  });

  it('never matches across a line break', () => {
    expect(ids('they reached Deir\nez-Zor')).toEqual([]);
    expect(ids('siege of\nDeir ez-Zor')).toEqual(['deir-ez-zor']);
  });

  it('leaves a possessive out of the surface', () => {
    expect(found("Assad's army and Raqqa’s streets")).toEqual([
      ['bashar-al-assad', 'Assad', false],
      ['raqqa', 'Raqqa', false],
    ]);
  });

  it('keeps demonyms apart from names', () => {
    expect(found('the Kurdish-led SDF and the Kurds; Syrian refugees in Syria')).toEqual([
      ['kurds', 'Kurdish', true],
      ['kurds', 'Kurds', false],
      ['syria', 'Syrian', true],
      ['syria', 'Syria', false],
    ]);
  });

  it('reads "IS" as the group only when it is one', () => {
    expect(ids('IS fighters took the town')).toEqual(['isis']);
    expect(ids('The Islamic State (IS) said')).toEqual(['isis', 'isis']);
    expect(ids('Is this the end? It is.')).toEqual([]);
    expect(ids('WHAT IS THIS')).toEqual([]);
    expect(ids('but it IS true, and there IS a way')).toEqual([]);
    expect(ids('ISIS IS BEATEN')).toEqual(['isis']);
  });

  it('reads a lower-case "Isis" as the group only where the text speaks of the group', () => {
    // British usage writes the group "Isis"; so do stories about the goddess and the Thames at Oxford.
    expect(ids('Isis fighters withdrew from the town.')).toEqual(['isis']);
    expect(ids('The last Isis stronghold fell. Witnesses said the town was quiet.')).toEqual(['isis']);
    expect(ids('ISIS said nothing.')).toEqual(['isis']);
    expect(ids('The goddess Isis, wife of Osiris, was worshipped along the Nile.')).toEqual([]);
    expect(ids('Oriel held the Headship on the Isis, and the crews warned of floods.')).toEqual([]);
    expect(ids('THE TEMPLE OF ISIS AT PHILAE')).toEqual([]);
    // A word that only begins like one of the group's words is not one ("warned" is no "war").
    expect(ids('The river Isis rose; the club warned rowers.')).toEqual([]);
    expect(ids('The river Isis rose during the war.')).toEqual(['isis']);
    // A possessive is its word ("the war's end" speaks of a war).
    expect(ids("The river Isis rose at the war's end.")).toEqual(['isis']);
  });

  it('looks for the group\'s words within 60 words either side of each lower-case "Isis", however many there are', () => {
    const filler = (n: number) => Array(n).fill('river').join(' ');
    expect(ids(`Isis ${filler(59)} war.`)).toEqual(['isis']);
    expect(ids(`Isis ${filler(60)} war.`)).toEqual([]);
    expect(ids(`war ${filler(59)} Isis.`)).toEqual(['isis']);
    expect(ids(`war ${filler(60)} Isis.`)).toEqual([]);
    // Random runs of words: each "Isis" is the group exactly when a "war" stands within 60 words of it.
    const vocabulary = ['river', 'boat', 'crew', 'rowed'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 199 }), { maxLength: 500 }), (draws) => {
        // Mostly filler, some "Isis" and rare "war", so that windows overlap, touch and stand apart.
        const words = draws.map((d) => (d < 12 ? 'Isis' : d === 12 ? 'war' : vocabulary[d % 4]!));
        const expected = words.flatMap((w, k) =>
          w === 'Isis' && words.slice(Math.max(0, k - 60), k + 61).includes('war') ? ['isis'] : [],
        );
        expect(ids(words.join(' ') + '.')).toEqual(expected);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it('reads "US" as the country, never the pronoun', () => {
    expect(ids('US forces and U.S. officials')).toEqual(['united-states', 'united-states']);
    expect(ids('let us go; give us time')).toEqual([]);
    expect(ids('LET US GO NOW')).toEqual([]);
  });

  it('reads a bare "Assad" as Bashar unless another Assad is meant', () => {
    expect(ids('Assad met envoys in Damascus.')).toEqual(['bashar-al-assad']);
    expect(ids('Hafez al-Assad ruled from 1971.')).toEqual([]);
    expect(ids('His father Assad ruled for decades.')).toEqual([]);
    expect(ids('Maher al-Assad commands the Fourth Division.')).toEqual([]);
    expect(ids('In 1982 Hafez crushed the uprising in Hama. Assad then consolidated power.')).toEqual([]);
    expect(ids('Bashar al-Assad succeeded Hafez in 2000. Assad later said so.')).toEqual(['bashar-al-assad', 'bashar-al-assad']);
  });

  it('covers German, French and Arabic names', () => {
    expect(ids('Der Islamische Staat? Nein: der Islamischen Staat in Syrien. L’État islamique. داعش')).toEqual(['isis', 'syria', 'isis', 'isis']);
  });

  it('returns nothing for empty, punctuation-only or alias-free text', () => {
    expect(matcher.find('')).toEqual([]);
    expect(matcher.find('.,;!? — … ***')).toEqual([]);
    expect(matcher.find('The council approved the cycle lanes.')).toEqual([]);
  });
});

describe('surfaces of dotted abbreviations', () => {
  it('keep their final period', () => {
    expect(found('U.S. troops and the U.S.')).toEqual([
      ['united-states', 'U.S.', false],
      ['united-states', 'U.S.', false],
    ]);
  });
});

describe('words ruled out by their skeleton key', () => {
  // "bin" and "ben", "sahil" and "sahel" share a skeleton key (e and i are one letter to it) but fold apart.
  const file = EntitiesFileSchema.parse({
    version: 'test-keys',
    entities: [
      { id: 'bin-laden', type: 'person', name: 'Osama bin Laden', description: 'Test.', relevance: 'core', aliases: ['bin Laden'] },
      { id: 'ben-ali', type: 'person', name: 'Zine El Abidine Ben Ali', description: 'Test.', relevance: 'general', aliases: ['Ben Ali'] },
      { id: 'sahil', type: 'place', name: 'Sahil', description: 'Test.', relevance: 'regional', aliases: ['Sahil'] },
    ],
  });
  const keyed = new Matcher(compileGazetteer(file).gazetteer);
  const names = (text: string) => keyed.find(text).map((m) => m.surface);

  it('the test is about a real collision: the keys are equal, the folded words differ', () => {
    expect(skeletonKey('bin')).toBe(skeletonKey('ben'));
    expect(skeletonKey('sahil')).toBe(skeletonKey('sahel'));
  });

  it('a word whose key matches a first word but whose folded form differs matches nothing', () => {
    expect(names('the Sahel and Ben Laden, bin Ali')).toEqual([]);
    expect(names('Sahil, bin Laden and Ben Ali; Binn Laden, SAHIL')).toEqual(['Sahil', 'bin Laden', 'Ben Ali', 'Binn Laden', 'SAHIL']);
  });
});

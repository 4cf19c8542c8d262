import { describe, expect, it } from 'vitest';
import { findWord, FirstWordKeys, firstWordIsLowered, firstWordOf, SHARED_KEY } from '../../lib/entities/first-words';
import { skeletonKey } from '../../lib/text';
import { miniGazetteer, shippedMatcher } from './helpers/corpus';

const isAscii = (w: string) => /^[a-z0-9]+$/.test(w);

describe('first-word index (compiled with the gazetteer, so that no page builds it)', () => {
  for (const [label, g] of [['mini gazetteer', miniGazetteer()], ['shipped gazetteer', shippedMatcher().gazetteer]] as const) {
    const { offsets, keys, keyWords } = g.firstWords;
    const words = offsets.slice(0, -1).map((a) => firstWordOf(g.aliases[a]![0]));

    it(`${label}: groups every alias under its first word, the words in code-unit order and each once`, () => {
      expect(offsets[0]).toBe(0);
      expect(offsets.at(-1)).toBe(g.aliases.length);
      words.forEach((word, w) => {
        for (let a = offsets[w]!; a < offsets[w + 1]!; a++) expect(firstWordOf(g.aliases[a]![0])).toBe(word);
        if (w > 0) expect(words[w - 1]! < word, `${words[w - 1]} before ${word}`).toBe(true);
      });
    });

    it(`${label}: finds every first word by string and by key, and nothing else`, () => {
      const byKey = new FirstWordKeys(g.firstWords);
      expect(keys.length).toBe(keyWords.length);
      expect(keyWords.length).toBe(words.filter(isAscii).length);
      words.forEach((word, w) => {
        expect(findWord(g.aliases, g.firstWords, word)).toBe(w);
        if (!isAscii(word)) return;
        const sharing = words.filter((o) => isAscii(o) && skeletonKey(o) === skeletonKey(word));
        expect(byKey.find(skeletonKey(word))).toBe(sharing.length > 1 ? SHARED_KEY : w);
      });
      for (const missing of ['zzzznotaword', '', words[0]!.slice(0, -1), `${words.at(-1)}z`]) {
        if (words.includes(missing)) continue;
        expect(findWord(g.aliases, g.firstWords, missing), missing).toBe(-1);
      }
      // Keys not in the table, many of them landing on used slots (it is a quarter full): none is found.
      const known = new Set(keys);
      for (let k = -5000; k < 5000; k++) if (!known.has(k * 104_729)) expect(byKey.find(k * 104_729)).toBe(-1);
      expect(byKey.find(skeletonKey('zzzznotaword'))).toBe(-1);
    });
  }
});

describe('firstWordIsLowered (an alias\'s first word against a plain ASCII word of the text, in place)', () => {
  const text = 'In Syria, SYRIAN jets; Raqa 2019.';
  const word = (w: string) => [text.indexOf(w), text.indexOf(w) + w.length] as const;
  it('compares the lower-cased word with the whole first word, and only the first word', () => {
    expect(firstWordIsLowered('syria', text, ...word('Syria'))).toBe(true);
    expect(firstWordIsLowered('syria democratic forces', text, ...word('Syria'))).toBe(true);
    expect(firstWordIsLowered('syrian', text, ...word('SYRIAN'))).toBe(true);
    expect(firstWordIsLowered('syrian', text, ...word('Syria'))).toBe(false);
    expect(firstWordIsLowered('syria', text, ...word('SYRIAN'))).toBe(false);
    expect(firstWordIsLowered('syriac church', text, ...word('Syria'))).toBe(false);
    expect(firstWordIsLowered('raqa', text, ...word('Raqa'))).toBe(true);
    expect(firstWordIsLowered('2019', text, ...word('2019'))).toBe(true);
    expect(firstWordIsLowered('2018', text, ...word('2019'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { findKey, findWord, firstWordOf, SHARED_KEY } from '../../lib/entities/first-words';
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
      const sortedKeys = Int32Array.from(keys);
      expect(keyWords.length).toBe(words.filter(isAscii).length);
      words.forEach((word, w) => {
        expect(findWord(g.aliases, g.firstWords, word)).toBe(w);
        if (!isAscii(word)) return;
        const sharing = words.filter((o) => isAscii(o) && skeletonKey(o) === skeletonKey(word));
        expect(findKey(sortedKeys, keyWords, skeletonKey(word))).toBe(sharing.length > 1 ? SHARED_KEY : w);
      });
      for (const missing of ['zzzznotaword', '', words[0]!.slice(0, -1), `${words.at(-1)}z`]) {
        if (words.includes(missing)) continue;
        expect(findWord(g.aliases, g.firstWords, missing), missing).toBe(-1);
      }
      expect(findKey(sortedKeys, keyWords, skeletonKey('zzzznotaword'))).toBe(-1);
    });
  }
});

/**
 * The skeleton key of an ASCII word: what folding (lib/text/fold.ts foldLatin) leaves unchanged, hashed. The
 * tokenizer computes it inline, character by character; this is the same for a string.
 */

export const KEY_SEED = 0x811c9dc5 | 0;
export const KEY_PRIME = 0x01000193;
export const LOWER_A = 0x61;
export const LOWER_E = 0x65;
export const LOWER_H = 0x68;
export const LOWER_I = 0x69;

/**
 * For each ASCII code, the character a key takes for it: a letter lower-cased, with e as i; a digit itself;
 * 0 for anything else. One table look-up per character in the tokenizer's inner loop.
 */
export const KEY_CHAR = new Uint8Array(128);
for (let c = 0x30; c <= 0x39; c++) KEY_CHAR[c] = c;
for (let c = LOWER_A; c <= 0x7a; c++) KEY_CHAR[c] = KEY_CHAR[c - 0x20] = c === LOWER_E ? LOWER_I : c;

const KEYED_WORD = /^[a-z0-9]+$/;

/** Whether a folded word is lower-case ASCII letters and digits: the words the tokenizer keys, and only those. */
export function isKeyedWord(folded: string): boolean {
  return KEYED_WORD.test(folded);
}

/**
 * A hash of what the folding of a lower-case ASCII word leaves unchanged: e and i as one letter (Mayadeen,
 * Mayadin), runs of one letter as one (Raqqa, Raqa), no final h after a (Raqqah). Two ASCII words that fold
 * alike have the same key, so a word whose key no name starts with is skipped without folding it.
 * The tokenizer computes the same key inline, character by character.
 */
export function skeletonKey(lower: string): number {
  let key = KEY_SEED;
  let beforeLast = KEY_SEED;
  let last = -1;
  let secondLast = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i) === LOWER_E ? LOWER_I : lower.charCodeAt(i);
    if (c === last) continue;
    beforeLast = key;
    key = Math.imul(key ^ c, KEY_PRIME);
    secondLast = last;
    last = c;
  }
  return last === LOWER_H && secondLast === LOWER_A ? beforeLast : key;
}


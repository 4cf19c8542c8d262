import { ASCII_CLASS, CharClass, classify, isWordAt } from './chars';
import { foldToken } from './fold';
import { isDroppedArticle } from './particles';
import { KEY_CHAR, KEY_PRIME, KEY_SEED, LOWER_A, LOWER_H } from './skeleton';

/**
 * Words of a text with their offsets in the original (struct of arrays: cheap on megabyte pages). The folded
 * form of a plain ASCII word may be left to build on demand (`wordNorm`): on a page, most words are only
 * ruled out as the start of a name, which their skeleton key does without building a string.
 */
export interface Words {
  length: number;
  /** Folded form of each word; empty when tokenized lazily (ask `wordNorm`). */
  norms: Array<string | undefined>;
  /** Start offset of each word's span in the original text (a dropped "al-" before it included). */
  starts: Int32Array;
  /** End offset (exclusive) of each word in the original text. */
  ends: Int32Array;
  /** Start of the word itself, after any dropped article particle. */
  wordStarts: Int32Array;
  /** `WordKind` of each word. */
  kinds: Uint8Array;
  /** `skeletonKey` of the folded word, for words of kind Plain or Ascii. */
  keys: Int32Array;
}

/** Folded words with every folded form built. */
export interface Tokens extends Words {
  norms: string[];
}

export const enum WordKind {
  /** Not pure ASCII letters and digits: folded while tokenizing, no key. */
  Folded = 0,
  /** ASCII letters and digits, no doubled letter, no final "ah" (in any case): the folded form is the word lower-cased. */
  Plain = 1,
  /** Other ASCII letters and digits: folded by `foldToken`. */
  Ascii = 2,
}

/**
 * Splits a text into words and folds each one. Apostrophes inside a word are kept with it (Sha'abi),
 * a possessive 's is left out of the word (Assad's → Assad), a French elided article stands apart
 * (l’État → l, État), and an Arabic article transliterated as a
 * separate particle ("al-", "ash-", "Hashd al Shaabi") is dropped.
 */
export function tokenize(text: string): Tokens {
  return scanWords(text, false) as Tokens;
}

/**
 * `tokenize`, leaving the folded form of ASCII words to `wordNorm`. `reuse`: the words of an earlier text
 * that the caller is done with; their arrays are filled again when big enough (a page is matched in many
 * chunks, and fresh typed arrays for each one kept the garbage collector busy on huge pages).
 */
export function tokenizeLazily(text: string, reuse?: Words): Words {
  return scanWords(text, true, reuse);
}

/** The folded form of word `i` (built on each call when tokenized lazily: a slice, or a cached fold). */
export function wordNorm(words: Words, text: string, i: number): string {
  const norm = words.norms[i];
  if (norm !== undefined) return norm;
  const raw = text.slice(words.wordStarts[i], words.ends[i]);
  return words.kinds[i] === WordKind.Plain ? raw.toLowerCase() : foldToken(raw);
}

function scanWords(text: string, lazy: boolean, reuse?: Words): Words {
  const norms: Array<string | undefined> = [];
  // News text has a word every six characters or so: room for one every five rarely needs growing (copying).
  const capacity = Math.max(16, Math.ceil(text.length / 5));
  const fits = reuse !== undefined && reuse.starts.length >= capacity;
  let starts = fits ? reuse.starts : new Int32Array(capacity);
  let ends = fits ? reuse.ends : new Int32Array(starts.length);
  let wordStarts = fits ? reuse.wordStarts : new Int32Array(starts.length);
  let kinds = fits ? reuse.kinds : new Uint8Array(starts.length);
  let keys = fits ? reuse.keys : new Int32Array(starts.length);
  let n = 0;
  /** Start of a dropped article particle: the next word's span begins there ("al-Qaeda" is marked whole). */
  let articleStart = -1;
  const len = text.length;
  let i = 0;
  while (i < len) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i) ?? cp;
    let cls = cp < 128 ? (ASCII_CLASS[cp] as CharClass) : classify(cp);
    // A word may open with an ayn/hamza mark (ʿAli), never with a plain quote.
    if (cls !== CharClass.Word && !(cls === CharClass.Joiner && (cp === 0x2bf || cp === 0x2be) && isWordAt(text, i + 1))) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    // Most words are plain ASCII without doubled letters: their folded form is the word lower-cased.
    let plain = true;
    // ASCII letters and digits only, keyed as `skeletonKey` does.
    let ascii = true;
    let key = KEY_SEED;
    let beforeLast = KEY_SEED;
    let last = -1;
    let secondLast = -1;
    let prev = -1;
    /** An ASCII word's possessive ("Assad's"): the word ends at the apostrophe, keyed as written up to it. */
    let possessive = false;
    while (i < len) {
      cp = text.charCodeAt(i);
      const c = cp < 128 ? (KEY_CHAR[cp] as number) : 0;
      if (c !== 0) {
        // Most characters: an ASCII letter or digit, keyed as `skeletonKey` does; bit 0x20 lower-cases it.
        if (plain && (cp | 0x20) === prev) plain = false;
        prev = cp | 0x20;
        if (c !== last) {
          beforeLast = key;
          key = Math.imul(key ^ c, KEY_PRIME);
          secondLast = last;
          last = c;
        }
        i++;
        continue;
      }
      if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i) ?? cp;
      cls = cp < 128 ? (ASCII_CLASS[cp] as CharClass) : classify(cp);
      const width = cp > 0xffff ? 2 : 1;
      if (cls === CharClass.Word) {
        plain = false;
        ascii = false;
        prev = cp;
        i += width;
      } else if (cls === CharClass.Joiner && isWordAt(text, i + width)) {
        // French elision (l’État, d’Alep, qu’Assad): the article is a word of its own.
        if (isElidedArticle(text, start, i)) break;
        if (ascii && i > start && (text.charCodeAt(i + width) | 0x20) === 0x73 && !continuesWord(text, i + width + 1)) {
          possessive = true;
          break;
        }
        plain = false;
        ascii = false;
        i += width;
      } else break;
    }
    // A joiner is only stepped over when a word character follows it, so the word ends where the loop stopped.
    let wordEnd = i;
    // Possessive: "Assad's" / "Assad’s" is the word Assad. Most are found above; this catches the others (Shaʿbi’s).
    if (possessive) i += 2;
    else if (i - start > 2 && (text.charCodeAt(i - 1) | 0x20) === 0x73 && classify(text.charCodeAt(i - 2)) === CharClass.Joiner) wordEnd -= 2;
    const end = i;
    if (plain && wordEnd - start >= 4 && (text.charCodeAt(wordEnd - 2) | 0x20) === LOWER_A && (text.charCodeAt(wordEnd - 1) | 0x20) === LOWER_H) plain = false;
    const kind = ascii ? (plain ? WordKind.Plain : WordKind.Ascii) : WordKind.Folded;
    let norm: string | undefined;
    if (kind === WordKind.Folded) {
      // Folded now to know whether the word is one; kept only when tokenizing eagerly (the fold is cached).
      norm = foldToken(text.slice(start, wordEnd));
      if (norm.length === 0) {
        // A word that folds to nothing ends any pending article particle: it must not reach a later word.
        articleStart = -1;
        continue;
      }
    }
    // Article particles have at most three letters: a word with more is no particle. Other words are gated on
    // their folded form, which has lost any accents written as combining marks (any number of them).
    if ((kind === WordKind.Folded ? (norm as string).length <= 3 : wordEnd - start <= 3) && isDroppedArticle(text, start, wordEnd, end, kind !== WordKind.Folded)) {
      if (articleStart < 0) articleStart = start;
      continue;
    }
    if (norm === undefined && !lazy) {
      const raw = text.slice(start, wordEnd);
      norm = kind === WordKind.Plain ? raw.toLowerCase() : foldToken(raw);
    }
    if (n === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
      wordStarts = grow(wordStarts);
      keys = grow(keys);
      const k = new Uint8Array(kinds.length * 2);
      k.set(kinds);
      kinds = k;
    }
    if (!lazy) norms.push(norm);
    starts[n] = articleStart >= 0 ? articleStart : start;
    articleStart = -1;
    ends[n] = wordEnd;
    wordStarts[n] = start;
    kinds[n] = kind;
    keys[n] = last === LOWER_H && secondLast === LOWER_A ? beforeLast : key;
    n++;
  }
  return { length: n, norms, starts, ends, wordStarts, kinds, keys };
}

const ELIDED = /^(?:[cdjlmnst]|qu)$/i;

function isElidedArticle(text: string, start: number, at: number): boolean {
  return at - start <= 2 && ELIDED.test(text.slice(start, at));
}

/** The loop above would go on with the word at `i`: a word character, or a joiner before one. */
function continuesWord(text: string, i: number): boolean {
  if (i >= text.length) return false;
  return isWordAt(text, i) || (classify(text.charCodeAt(i)) === CharClass.Joiner && isWordAt(text, i + 1));
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

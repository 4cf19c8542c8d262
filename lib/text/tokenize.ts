import { ASCII_CLASS, CharClass, classify } from './chars';
import { ARTICLES_BEFORE_HYPHEN, ARTICLES_BEFORE_SPACE, foldToken } from './fold';

/** Folded words of a text with their offsets in the original (struct of arrays: cheap on megabyte pages). */
export interface Tokens {
  length: number;
  /** Folded form of each word. */
  norms: string[];
  /** Start offset of each word in the original text. */
  starts: Int32Array;
  /** End offset (exclusive) of each word in the original text. */
  ends: Int32Array;
}

/**
 * Splits a text into words and folds each one. Apostrophes inside a word are kept with it (Sha'abi),
 * a possessive 's is left out of the word (Assad's → Assad), a French elided article stands apart
 * (l’État → l, État), and an Arabic article transliterated as a
 * separate particle ("al-", "ash-", "Hashd al Shaabi") is dropped.
 */
export function tokenize(text: string): Tokens {
  const norms: string[] = [];
  let starts = new Int32Array(Math.max(16, text.length >> 3));
  let ends = new Int32Array(starts.length);
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
    let end = i;
    // Most words are plain lower-case ASCII without doubled letters: their folded form is the word itself.
    let plain = true;
    let prev = -1;
    while (i < len) {
      cp = text.charCodeAt(i);
      if (cp < 128) {
        cls = ASCII_CLASS[cp] as CharClass;
      } else {
        if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i) ?? cp;
        cls = classify(cp);
      }
      const width = cp > 0xffff ? 2 : 1;
      if (cls === CharClass.Word) {
        if (plain && (cp > 0x7a || (cp < 0x61 && cp > 0x39) || cp === prev)) plain = false;
        prev = cp;
        i += width;
        end = i;
      } else if (cls === CharClass.Joiner && isWordAt(text, i + width)) {
        // French elision (l’État, d’Alep, qu’Assad): the article is a word of its own.
        if (isElidedArticle(text, start, i)) break;
        plain = false;
        i += width;
      } else break;
    }
    // Possessive: "Assad's" / "Assad’s" is the word Assad.
    let wordEnd = end;
    if (wordEnd - start > 2 && (text[wordEnd - 1] === 's' || text[wordEnd - 1] === 'S') && classify(text.charCodeAt(wordEnd - 2)) === CharClass.Joiner) {
      wordEnd -= 2;
    }
    const raw = text.slice(start, wordEnd);
    const norm = plain && !(raw.length >= 4 && raw.endsWith('ah')) ? raw : foldToken(raw);
    if (norm.length === 0) {
      // A word that folds to nothing ends any pending article particle: it must not reach a later word.
      articleStart = -1;
      continue;
    }
    // Article particles have at most three letters; accents written as combining marks may add to the length.
    if (raw.length <= 8 && isDroppedArticle(raw, text, end)) {
      if (articleStart < 0) articleStart = start;
      continue;
    }
    if (n === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
    }
    norms.push(norm);
    starts[n] = articleStart >= 0 ? articleStart : start;
    articleStart = -1;
    ends[n] = wordEnd;
    n++;
  }
  return { length: n, norms, starts, ends };
}

const ELIDED = /^(?:[cdjlmnst]|qu)$/i;

function isElidedArticle(text: string, start: number, at: number): boolean {
  return at - start <= 2 && ELIDED.test(text.slice(start, at));
}

function isWordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  return classify(text.codePointAt(i) ?? 0) === CharClass.Word;
}

/**
 * An Arabic article particle written as a word of its own: "al-" before a hyphen, or "al"/"el"/"ash"... before
 * spaces (not a line break). Judged on the word as written, not folded: "all" folds to "al" but is no article.
 */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

const MAX_ARTICLE_LENGTH = Math.max(...[...ARTICLES_BEFORE_HYPHEN].map((a) => a.length));
/** ASCII first letters of the particles (| 0x20 lower-cases an ASCII letter); other initials (éz) take the long way. */
const ARTICLE_INITIALS = new Set([...ARTICLES_BEFORE_HYPHEN].map((a) => a.charCodeAt(0)));

function isDroppedArticle(raw: string, text: string, end: number): boolean {
  // Case and diacritics aside (éz-Zör), but letters not collapsed: "all" must not become "al". Most short
  // words are plain ASCII: only the others pay for Unicode decomposition.
  // Particles are short and open with one of a few letters: most words are ruled out before any string is built.
  const initial = raw.charCodeAt(0);
  if (initial < 0x80 && !ARTICLE_INITIALS.has(initial | 0x20)) return false;
  const ascii = isAscii(raw);
  if (ascii && raw.length > MAX_ARTICLE_LENGTH) return false;
  const lower = raw.toLowerCase();
  const word = ascii ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
  if (!ARTICLES_BEFORE_HYPHEN.has(word) || end >= text.length) return false;
  if (classify(text.charCodeAt(end)) === CharClass.Hyphen) return opensWord(text, end + 1);
  if (!ARTICLES_BEFORE_SPACE.has(word)) return false;
  let i = end;
  while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0 || text.charCodeAt(i) === 0x09)) i++;
  return i > end && opensWord(text, i);
}

/** A word starts here, possibly with an ayn or hamza mark (al-ʿAdnani). */
function opensWord(text: string, i: number): boolean {
  const cp = text.charCodeAt(i);
  return isWordAt(text, i) || ((cp === 0x2bf || cp === 0x2be) && isWordAt(text, i + 1));
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Arabic article particles written as words of their own ("al-", "ash-", "Hashd al Shaabi"): the tokenizer drops them. */
import { CharClass, classify, isAscii, opensWord } from './chars';
import { ARTICLES_BEFORE_HYPHEN, ARTICLES_BEFORE_SPACE, stripMarks } from './fold';

/** Lower-cased ASCII letters packed into one number ("al" → 0x616c): particles are compared without a string. */
function packLower(text: string, start: number, end: number): number {
  let code = 0;
  for (let i = start; i < end; i++) code = (code << 8) | (text.charCodeAt(i) | 0x20);
  return code;
}

const packWord = (w: string) => packLower(w, 0, w.length);
const PARTICLES_BEFORE_HYPHEN = new Set([...ARTICLES_BEFORE_HYPHEN].map(packWord));
const PARTICLES_BEFORE_SPACE = new Set([...ARTICLES_BEFORE_SPACE].map(packWord));
const PARTICLE_LENGTHS = [...ARTICLES_BEFORE_HYPHEN].map((a) => a.length);
const MIN_PARTICLE = Math.min(...PARTICLE_LENGTHS);
const MAX_PARTICLE = Math.max(...PARTICLE_LENGTHS);

/**
 * An Arabic article particle written as a word of its own: "al-" before a hyphen, or "al"/"el"/"ash"... before
 * spaces (not a line break). Judged on the word as written, not folded: "all" folds to "al" but is no article.
 * `ascii`: the word is ASCII letters and digits only, compared as packed numbers; others (éz-Zör) are
 * compared as strings, case and diacritics aside.
 */
export function isDroppedArticle(text: string, start: number, wordEnd: number, end: number, ascii: boolean): boolean {
  let beforeSpace: boolean;
  if (ascii) {
    const length = wordEnd - start;
    if (length < MIN_PARTICLE || length > MAX_PARTICLE) return false;
    const code = packLower(text, start, wordEnd);
    if (!PARTICLES_BEFORE_HYPHEN.has(code)) return false;
    beforeSpace = PARTICLES_BEFORE_SPACE.has(code);
  } else {
    const raw = text.slice(start, wordEnd);
    const lower = raw.toLowerCase();
    const word = isAscii(raw) ? lower : stripMarks(lower.normalize('NFD'));
    if (!ARTICLES_BEFORE_HYPHEN.has(word)) return false;
    beforeSpace = ARTICLES_BEFORE_SPACE.has(word);
  }
  if (end >= text.length) return false;
  if (classify(text.charCodeAt(end)) === CharClass.Hyphen) return opensWord(text, end + 1);
  if (!beforeSpace) return false;
  let i = end;
  while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0 || text.charCodeAt(i) === 0x09)) i++;
  return i > end && opensWord(text, i);
}

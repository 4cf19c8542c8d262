import { tokenize } from '../text';
import { isStopword } from './stopwords';

/**
 * Where a selection stops being a term. A name in the gazetteer has at most 8 words and about 60 characters;
 * past 12 words or 200 characters the selection is a sentence or a page, and fuzzy-matching it as one
 * string would only find noise. Such a selection is read for the corpus entities it names instead.
 */
export const TERM_MAX_WORDS = 12;
export const TERM_MAX_CHARS = 200;
/** Past this, not even the scan for names is run (a whole web page is rarely over 300 KB of text). */
export const SELECTION_MAX_CHARS = 1_000_000;

const LETTER = /\p{L}/u;
/** Whitespace and invisible format characters (zero-width space, joiners, direction marks). */
const BLANK = /^[\s\p{Cf}]*$/u;

export type QueryShape =
  | { kind: 'empty' }
  | { kind: 'no-letters' }
  | { kind: 'huge'; chars: number }
  | { kind: 'long'; text: string; words: number }
  | { kind: 'term'; text: string; folded: string; words: string[]; core: string; onlyStopwords: boolean };

/**
 * Sorts a raw selection into what the look-up does with it. `core` is the folded term without leading or
 * trailing function words ("the Assad regime" → "asad regime"), for matching names; `onlyStopwords` says
 * nothing is left but function words and single letters ("the", "of", "I").
 */
export function shapeQuery(raw: string): QueryShape {
  if (BLANK.test(raw)) return { kind: 'empty' };
  if (raw.length > SELECTION_MAX_CHARS) return { kind: 'huge', chars: raw.length };
  if (!LETTER.test(raw)) return { kind: 'no-letters' };
  const text = raw.trim();
  const words = tokenize(text).norms;
  // Letters that fold away entirely (a lone ayn mark ʿ, an Arabic tatweel) leave nothing to look up.
  if (words.length === 0) return { kind: 'no-letters' };
  if (text.length > TERM_MAX_CHARS || words.length > TERM_MAX_WORDS) return { kind: 'long', text, words: words.length };
  let first = 0;
  let last = words.length;
  while (first < last && isStopword(words[first] as string)) first++;
  while (last > first && isStopword(words[last - 1] as string)) last--;
  return {
    kind: 'term',
    text,
    folded: words.join(' '),
    words,
    core: words.slice(first, last).join(' '),
    onlyStopwords: words.every((w) => isStopword(w) || w.length < 2),
  };
}

import { normalize, tokenize, toOriginalRange, type NormalizedText } from '../text';
import type { Candidate } from './score';

const SPACE = 0x20;
const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;

/**
 * Occurrences of the quote in the page once both are folded by the one normalization (case, diacritics,
 * apostrophes and quotes, white space, transliteration variants), mapped back to offsets in the page text.
 * Matches are whole words only: the map back is word-granular, so a match inside a word would widen to it.
 * The punctuation the quote had around its first and last words (“…”, a comma, a possessive) is taken back
 * from the page when it is there, so "“Raqqa fell,”" anchors with its quote marks.
 * `map` folds `text` itself or a part of it that starts at `offset`.
 */
export function findNormalized(text: string, exact: string, map: NormalizedText, offset = 0): Candidate[] {
  const needle = normalize(exact);
  if (needle.length === 0) return [];
  const hay = map.text;
  const words = tokenize(exact);
  const lead = words.length > 0 ? (words.starts[0] as number) : 0;
  const trail = words.length > 0 ? exact.length - (words.ends[words.length - 1] as number) : 0;
  const found: Candidate[] = [];
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    const j = i + needle.length;
    if ((i > 0 && hay.charCodeAt(i - 1) !== SPACE) || (j < hay.length && hay.charCodeAt(j) !== SPACE)) continue;
    const range = toOriginalRange(map, i, j);
    let start = range.start + offset;
    let end = range.end + offset;
    for (let k = 0; k < lead && start > 0 && !isSpace(text.charCodeAt(start - 1)); k++) start--;
    for (let k = 0; k < trail && end < text.length && !isSpace(text.charCodeAt(end)); k++) end++;
    found.push({ start, end, quote: 1 });
  }
  return found;
}

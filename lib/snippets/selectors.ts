import type { SnippetSelectors } from './selector-types';

/** Characters of context kept on each side of the quote: the Hypothesis client's choice, enough to tell repeats apart. */
export const CONTEXT_LENGTH = 32;

/**
 * Longest quote kept. A longer selection (a whole article) is cut to its first 20,000 characters rather than refused:
 * the reader still gets a snippet, and records stay small enough to export, import and re-anchor quickly
 * (the fuzzy search's cost grows with the quote's length). The cut is visible: `end - start` is then this length.
 */
export const MAX_QUOTE_LENGTH = 20_000;

export type SelectionErrorKind = 'empty' | 'out-of-range';

/** Thrown by `describeSelection` for a selection that cannot become a snippet. */
export class SelectionError extends Error {
  override readonly name = 'SelectionError';
  constructor(
    readonly kind: SelectionErrorKind,
    message: string,
  ) {
    super(message);
  }
}

// White space and the invisible characters a selection often drags along (zero-width space/joiners, BOM, soft hyphen).
const BLANK = /^[\s\u200b-\u200d\u2060\ufeff\u00ad]$/;

function isBlank(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0x80) return false;
  return BLANK.test(text[i] as string);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when offset `i` falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, i: number) => i > 0 && i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1));

/**
 * Describes `text.slice(start, end)` as a quote with 32 characters of context on each side plus its position.
 * The range is first widened to whole characters (never half a surrogate pair), then trimmed of white space at both
 * ends, then capped at MAX_QUOTE_LENGTH. Throws SelectionError for a range outside the text or a blank selection.
 */
export function describeSelection(text: string, start: number, end: number): SnippetSelectors {
  if (typeof text !== 'string' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new SelectionError('out-of-range', `The selection ${start}–${end} is not a range of the page text (${typeof text === 'string' ? text.length : 0} characters).`);
  }
  let s = splitsPair(text, start) ? start - 1 : start;
  let e = splitsPair(text, end) ? end + 1 : end;
  while (s < e && isBlank(text, s)) s++;
  while (e > s && isBlank(text, e - 1)) e--;
  if (s === e) throw new SelectionError('empty', 'The selection is empty or holds only white space.');
  if (e - s > MAX_QUOTE_LENGTH) {
    e = s + MAX_QUOTE_LENGTH;
    if (splitsPair(text, e)) e--;
    while (e > s && isBlank(text, e - 1)) e--;
  }
  let prefixStart = Math.max(0, s - CONTEXT_LENGTH);
  if (splitsPair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, e + CONTEXT_LENGTH);
  if (splitsPair(text, suffixEnd)) suffixEnd--;
  return [
    { type: 'TextQuoteSelector', exact: text.slice(s, e), prefix: text.slice(prefixStart, s), suffix: text.slice(e, suffixEnd) },
    { type: 'TextPositionSelector', start: s, end: e },
  ];
}

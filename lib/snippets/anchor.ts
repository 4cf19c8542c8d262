import { normalizeWithMap, type NormalizedText } from '../text';
import { FUZZY_WINDOW, findFuzzy, findFuzzyNear, isStrong } from './fuzzy-match';
import { findNormalized } from './normalized-match';
import { combinedScore, contextScores, rankCandidates, type Candidate, type QuoteContext } from './score';
import type { TextPositionSelector, TextQuoteSelector } from './selector-types';

export type AnchorMethod = 'position' | 'quote' | 'normalized' | 'fuzzy';

export type AnchorResult =
  | {
      status: 'anchored';
      /** Offsets in the text given to `anchor`. */
      start: number;
      end: number;
      method: AnchorMethod;
      /** 0..1: agreement of quote, context and position (1 for an unchanged position). */
      score: number;
    }
  | { status: 'orphan' };

export type AnchorSelectors = readonly [TextQuoteSelector, TextPositionSelector];

const ORPHAN: AnchorResult = { status: 'orphan' };

/** Mean prefix/suffix similarity below which the text at the stored offsets is not trusted on position alone. */
const MIN_POSITION_CONTEXT = 0.5;

/**
 * Finds a saved quote in a freshly collected page text, in the Hypothesis client's order, cheapest first:
 * 1. position: the stored offsets still hold exactly the quote (and its context has not changed beyond recognition);
 * 2. quote: every exact occurrence, the one whose surroundings best match prefix/suffix (then nearest) wins;
 * 3. normalized: the same on the folded text (case, diacritics, typographic quotes, white space), mapped back;
 * 4. fuzzy: approximate search (approx-string-match), scored with context and position.
 * Steps 3 and 4 look near the stored position first (folded, then approximate), and fold or search the whole text
 * only when that fails; an approximate match near the position is taken early only when it is clearly the passage
 * edited in place (fuzzy-match.ts `isStrong`), otherwise an unedited folded copy elsewhere comes first.
 * Returns `orphan` when nothing is acceptable: the caller lists orphans, nothing is dropped silently.
 * To anchor several snippets in one text, use `createAnchorer`: the whole text is then folded at most once.
 */
export function anchor(text: string, selectors: AnchorSelectors): AnchorResult {
  return createAnchorer(text)(selectors);
}

/** An `anchor` bound to one page text, sharing the folded whole text (~130 ms per MB) between snippets. */
export function createAnchorer(text: string): (selectors: AnchorSelectors) => AnchorResult {
  let folded: NormalizedText | undefined;
  const foldAll = () => (folded ??= normalizeWithMap(text));
  return (selectors) => (typeof text === 'string' ? anchorIn(text, selectors, foldAll) : ORPHAN);
}

function anchorIn(text: string, selectors: AnchorSelectors, foldAll: () => NormalizedText): AnchorResult {
  const quote = selectors?.[0];
  const position = selectors?.[1];
  if (!quote || typeof quote.exact !== 'string' || quote.exact.length === 0) return ORPHAN;
  const exact = quote.exact;
  const validPosition = !!position && Number.isSafeInteger(position.start) && Number.isSafeInteger(position.end) && position.start >= 0;
  const hint = validPosition ? Math.min(position.start, text.length) : 0;
  const ctx: QuoteContext = { prefix: typeof quote.prefix === 'string' ? quote.prefix : '', suffix: typeof quote.suffix === 'string' ? quote.suffix : '', hint };

  if (validPosition && position.end - position.start === exact.length && position.end <= text.length && text.startsWith(exact, position.start)) {
    // The quote is where it was. Unless its surroundings changed too (then it may be another copy of a repeated
    // phrase that moved into place, and the quote step weighs every occurrence), that settles it.
    const around = contextScores(text, position.start, position.end, ctx);
    if ((around.prefix + around.suffix) / 2 >= MIN_POSITION_CONTEXT) {
      return { status: 'anchored', start: position.start, end: position.end, method: 'position', score: combinedScore(1, around.prefix, around.suffix, 1) };
    }
  }

  const exactHits: Candidate[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) exactHits.push({ start: i, end: i + exact.length, quote: 1 });
  const byQuote = rankCandidates(text, exactHits, ctx)[0];
  if (byQuote) return anchored(byQuote, 'quote');

  // Near the stored position: folded, then (if clearly the passage edited in place) approximate.
  const near = windowAround(text, hint, exact.length);
  const nearFolded = rankCandidates(text, findNormalized(text, exact, normalizeWithMap(text.slice(near.from, near.to)), near.from), ctx)[0];
  if (nearFolded) return anchored(nearFolded, 'normalized');
  const nearFuzzy = findFuzzyNear(text, exact, ctx);
  if (nearFuzzy.best && isStrong(nearFuzzy.best, ctx)) return anchored(nearFuzzy.best, 'fuzzy');

  // Everywhere: folded, then approximate.
  if (near.from > 0 || near.to < text.length) {
    const byNormalized = rankCandidates(text, findNormalized(text, exact, foldAll()), ctx)[0];
    if (byNormalized) return anchored(byNormalized, 'normalized');
  }
  const byFuzzy = findFuzzy(text, exact, ctx, nearFuzzy);
  if (byFuzzy) return anchored(byFuzzy, 'fuzzy');
  return ORPHAN;
}

/** The part of the text within FUZZY_WINDOW (plus the quote's length) of the stored position, widened to whole words. */
function windowAround(text: string, hint: number, quoteLength: number): { from: number; to: number } {
  const reach = FUZZY_WINDOW + quoteLength;
  let from = Math.max(0, hint - reach);
  let to = Math.min(text.length, hint + quoteLength + reach);
  for (let k = 0; k < 64 && from > 0 && !/\s/.test(text[from - 1] as string); k++) from--;
  for (let k = 0; k < 64 && to < text.length && !/\s/.test(text[to] as string); k++) to++;
  return { from, to };
}

function anchored(c: { start: number; end: number; score: number }, method: AnchorMethod): AnchorResult {
  return { status: 'anchored', start: c.start, end: c.end, method, score: c.score };
}

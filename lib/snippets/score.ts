import approxSearch from 'approx-string-match';

/**
 * Scoring of an anchoring candidate, after the Hypothesis client (match-quote.ts): the quote's similarity weighs
 * most, then the text before and after it against the stored prefix and suffix, and closeness to the stored
 * position only breaks ties (the page may have grown or shrunk before the quote).
 */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Where the quote started when it was saved. */
  hint: number;
}

/** 0..1: how closely `expected` occurs in `actual` (1 − edit distance / length); 0 when either is empty. */
export function similarity(actual: string, expected: string): number {
  if (actual === expected) return 1;
  if (actual.length === 0 || expected.length === 0) return 0;
  const best = approxSearch(actual, expected, expected.length)[0];
  return best ? 1 - best.errors / expected.length : 0;
}

/** Similarity of the text before `start` to the prefix and after `end` to the suffix; a context never stored scores 1. */
export function contextScores(text: string, start: number, end: number, ctx: QuoteContext): { prefix: number; suffix: number } {
  const prefix = ctx.prefix ? similarity(text.slice(Math.max(0, start - ctx.prefix.length), start), ctx.prefix) : 1;
  const suffix = ctx.suffix ? similarity(text.slice(end, end + ctx.suffix.length), ctx.suffix) : 1;
  return { prefix, suffix };
}

export function positionScore(start: number, hint: number, textLength: number): number {
  return 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, textLength));
}

/** The combined 0..1 score reported with an anchor. */
export function combinedScore(quote: number, prefix: number, suffix: number, position: number): number {
  const raw = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position;
  return raw / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
}

/**
 * Cheap context agreement for ranking many occurrences before the full scoring: how many characters right before
 * and right after the occurrence equal the end of the prefix and the start of the suffix.
 */
export function quickContext(text: string, start: number, end: number, ctx: QuoteContext): number {
  let before = 0;
  while (before < ctx.prefix.length && start - before > 0 && text.charCodeAt(start - before - 1) === ctx.prefix.charCodeAt(ctx.prefix.length - before - 1)) before++;
  let after = 0;
  while (after < ctx.suffix.length && end + after < text.length && text.charCodeAt(end + after) === ctx.suffix.charCodeAt(after)) after++;
  return before + after;
}

export interface Candidate {
  start: number;
  end: number;
  /** Similarity of the matched text to the quote, 0..1. */
  quote: number;
}

export interface ScoredCandidate extends Candidate {
  prefix: number;
  suffix: number;
  score: number;
}

/** Above this many candidates, only the best by `quickContext` (then position) get the full, costlier scoring. */
const FULL_SCORING_LIMIT = 200;

/** Scores candidates and returns them best first. */
export function rankCandidates(text: string, candidates: Candidate[], ctx: QuoteContext): ScoredCandidate[] {
  let pool = candidates;
  if (pool.length > FULL_SCORING_LIMIT) {
    pool = pool
      .map((c) => ({ c, quick: quickContext(text, c.start, c.end, ctx), distance: Math.abs(c.start - ctx.hint) }))
      .sort((a, b) => b.quick - a.quick || a.distance - b.distance)
      .slice(0, FULL_SCORING_LIMIT)
      .map((x) => x.c);
  }
  return pool
    .map((c) => {
      const { prefix, suffix } = contextScores(text, c.start, c.end, ctx);
      return { ...c, prefix, suffix, score: combinedScore(c.quote, prefix, suffix, positionScore(c.start, ctx.hint, text.length)) };
    })
    .sort((a, b) => b.score - a.score || Math.abs(a.start - ctx.hint) - Math.abs(b.start - ctx.hint));
}

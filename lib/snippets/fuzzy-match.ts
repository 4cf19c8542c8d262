import approxSearch from 'approx-string-match';
import { rankCandidates, type QuoteContext, type ScoredCandidate } from './score';

/**
 * Least similarity of a fuzzy match to the quote (1 − edits / length). Below it the "match" is usually unrelated
 * text: in a long English page, a 100-character sentence has some substring about 40–50 % edits away.
 */
export const MIN_FUZZY_SIMILARITY = 0.65;

/**
 * Error budget of the search: proportional to the quote, like Hypothesis's min(256, length / 2), but only up to what
 * MIN_FUZZY_SIMILARITY could accept (35 %), since the search cost grows with the budget (O(budget / 32 · text)).
 */
export function fuzzyBudget(quoteLength: number): number {
  return Math.min(256, Math.floor(quoteLength * (1 - MIN_FUZZY_SIMILARITY)));
}

/** Characters searched on each side of the stored position before the whole text is (plus the quote's own length). */
export const FUZZY_WINDOW = 4096;

/**
 * Whether a fuzzy candidate is good enough to anchor to rather than reporting an orphan. A close quote (≥ 80 %) is
 * accepted on its own when it is long; a short one (under 32 characters, where 80 % is a few letters) must also sit in
 * recognisable context. A looser quote (≥ 65 %, a heavily edited sentence) is accepted only where the context agrees well.
 */
export function acceptable(c: ScoredCandidate, quoteLength: number, ctx: QuoteContext): boolean {
  const context = contextAgreement(c, ctx);
  if (c.quote >= 0.8 && (quoteLength >= 32 || context >= 0.5)) return true;
  return c.quote >= MIN_FUZZY_SIMILARITY && context >= 0.8;
}

/** Context agreement of a candidate: the mean of the stored contexts' scores (1 when none was stored). */
function contextAgreement(c: ScoredCandidate, ctx: QuoteContext): number {
  const parts = [ctx.prefix ? c.prefix : -1, ctx.suffix ? c.suffix : -1].filter((x) => x >= 0);
  return parts.length === 0 ? 1 : parts.reduce((a, b) => a + b, 0) / parts.length;
}

/**
 * A match so clearly the saved passage, edited in place (≥ 90 % of the quote, ≥ 80 % of its context), that the
 * anchoring takes it without first folding the whole page to look for an unedited copy elsewhere.
 */
export function isStrong(c: ScoredCandidate, ctx: QuoteContext): boolean {
  return c.quote >= 0.9 && contextAgreement(c, ctx) >= 0.8;
}

const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;

/**
 * Edit distance cannot tell "the page dropped the quote's first word" from "the match takes in the previous block's
 * last letters": both cost the same, and the search reports the longer match. Cut such spill-over at a block break
 * (where the quote has none) and white space at the ends, so the highlight stays on the passage.
 */
function tidy(text: string, start: number, end: number, exact: string, errors: number): { start: number; end: number } {
  const reach = errors + 1;
  const head = text.slice(start, Math.min(end, start + reach)).lastIndexOf('\n');
  if (head >= 0 && !exact.slice(0, reach).includes('\n')) start += head + 1;
  const tailFrom = Math.max(start, end - reach);
  const tail = text.slice(tailFrom, end).indexOf('\n');
  if (tail >= 0 && !exact.slice(-reach).includes('\n')) end = tailFrom + tail;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function search(text: string, from: number, to: number, exact: string, budget: number, ctx: QuoteContext): ScoredCandidate[] {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  const matches = approxSearch(part, exact, budget)
    .map((m) => ({ ...tidy(text, m.start + from, m.end + from, exact, m.errors), quote: 1 - m.errors / exact.length }))
    .filter((m) => m.end > m.start);
  return rankCandidates(text, matches, ctx).filter((c) => acceptable(c, exact.length, ctx));
}

export interface NearMatch {
  best: ScoredCandidate | null;
  /** Whether the window was the whole text (nothing more to search). */
  whole: boolean;
}

/** The best acceptable approximate match within FUZZY_WINDOW of the stored position (a page edited in place). */
export function findFuzzyNear(text: string, exact: string, ctx: QuoteContext): NearMatch {
  const budget = fuzzyBudget(exact.length);
  if (budget < 1 || text.length === 0) return { best: null, whole: true };
  const reach = FUZZY_WINDOW + exact.length;
  const from = Math.max(0, Math.min(ctx.hint, text.length) - reach);
  const to = Math.min(text.length, Math.max(0, ctx.hint) + exact.length + reach);
  return { best: search(text, from, to, exact, budget, ctx)[0] ?? null, whole: from === 0 && to === text.length };
}

/**
 * The best acceptable approximate match anywhere, given what the window held: the whole text is searched only for a
 * strictly better match, with the budget cut to the window's best error count minus one (fast), or with the full
 * budget when the window held nothing acceptable (the costly case: a quote both edited and moved, or gone).
 */
export function findFuzzy(text: string, exact: string, ctx: QuoteContext, near: NearMatch = findFuzzyNear(text, exact, ctx)): ScoredCandidate | null {
  let best = near.best;
  if (near.whole) return best;
  const budget = fuzzyBudget(exact.length);
  const errors = best ? Math.round((1 - best.quote) * exact.length) : budget + 1;
  if (errors - 1 < 1) return best;
  const far = search(text, 0, text.length, exact, errors - 1, ctx)[0];
  if (far && (!best || far.score > best.score)) best = far;
  return best;
}

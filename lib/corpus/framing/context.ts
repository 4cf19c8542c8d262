import type { EntityType } from '../../entities/schema';
import type { MentionRecord, PassageRecord } from '../types';
import { findQuotations, isQuoted, type QuoteSpans } from './quotes';
import { splitWords, wordAt, type Word } from './words';

/** Everything the framing rules read about one article, computed once and shared by all its entities. */
export interface ArticleContext {
  id: string;
  body: string;
  words: Word[];
  /** This article's passages, indexed by ordinal. */
  passages: PassageRecord[];
  /** Paragraph index of each passage ordinal. */
  paragraphOf: number[];
  /** This article's mentions, by start. */
  mentions: MentionRecord[];
  /** For each word, the outermost name mention (not a demonym) that holds the whole word; -1 when none. */
  nameAt: Int32Array;
  /** For each word, the demonym mention that holds the whole word; -1 when none. */
  demonymAt: Int32Array;
  quotes: QuoteSpans;
  typeOf: (entity: string) => EntityType | undefined;
}

export function buildContext(
  article: { id: string; body: string },
  passages: PassageRecord[],
  mentions: MentionRecord[],
  typeOf: (entity: string) => EntityType | undefined,
): ArticleContext {
  const words = splitWords(article.body);
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const nameAt = new Int32Array(words.length).fill(-1);
  const demonymAt = new Int32Array(words.length).fill(-1);
  sorted.forEach((m, k) => {
    const target = m.demonym ? demonymAt : nameAt;
    for (let i = wordAt(words, m.start); i < words.length; i++) {
      const w = words[i] as Word;
      if (w.start >= m.end) break;
      // The whole word must lie inside the mention ("US-backed" is not inside the mention "US").
      if (w.start >= m.start && w.end - (w.possessive ? 2 : 0) <= m.end && target[i] === -1) target[i] = k;
    }
  });
  const byOrdinal = [...passages].sort((a, b) => a.ordinal - b.ordinal);
  return {
    id: article.id,
    body: article.body,
    words,
    passages: byOrdinal,
    paragraphOf: byOrdinal.map((p) => p.paragraph),
    mentions: sorted,
    nameAt,
    demonymAt,
    quotes: findQuotations(article.body),
    typeOf,
  };
}

/** Ordinal of the passage holding body offset `pos`. */
export function passageAt(ctx: ArticleContext, pos: number): number {
  let lo = 0;
  let hi = ctx.passages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((ctx.passages[mid] as PassageRecord).start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Word range [first, end) of the passage with this ordinal. */
export function passageWords(ctx: ArticleContext, ordinal: number): [number, number] {
  const p = ctx.passages[ordinal] as PassageRecord;
  return [wordAt(ctx.words, p.start), wordAt(ctx.words, p.end)];
}

export const quotedAt = (ctx: ArticleContext, pos: number): boolean => isQuoted(ctx.quotes, pos);

/** The text between word i and word j (i < j). */
export function gap(ctx: ArticleContext, i: number, j: number): string {
  return ctx.body.slice((ctx.words[i] as Word).end, (ctx.words[j] as Word).start);
}

export const inName = (ctx: ArticleContext, i: number): boolean => (ctx.nameAt[i] ?? -1) !== -1;
export const inDemonym = (ctx: ArticleContext, i: number): boolean => (ctx.demonymAt[i] ?? -1) !== -1;

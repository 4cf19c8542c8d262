import type { MentionRecord, PassageRecord } from '../corpus/types';
import { normalizeWithMap, toOriginalRange, type NormalizedText } from '../text';
import { CLOSE_SPELLING, spellingDistance } from './distance';
import { isStopword } from './stopwords';
import type { TextRange } from './types';

/** Words shorter than this are matched only exactly: one slip in a 4-letter word is usually another word. */
export const PASSAGE_FUZZY_MIN_LETTERS = 5;
/** At most this many spellings tried per query word, and phrase variants in all. */
const SPELLINGS_PER_WORD = 4;
const MAX_VARIANTS = 24;

export interface PassageSpan extends TextRange {
  /** Index of the passage in the index's `passages`. */
  passage: number;
}

export interface CloseSpan extends PassageSpan {
  /** Mean relative edit distance of the words, 0..1. */
  score: number;
}

export interface MentionSpan extends PassageSpan {
  demonym: boolean;
}

/**
 * The corpus passages folded once. Exact search, not Fuse: a word-bounded indexOf over all folded passages
 * joined by newlines finds every occurrence (Fuse returns the best-scoring records, not occurrences, and its
 * match indices are character runs, not words). Close spellings come from the corpus vocabulary: a query
 * word is compared with the words of about its length (the same transliteration-aware distance as the
 * entity look-up; a few thousand short words take well under a millisecond, less than one Fuse search),
 * and the real spellings found are searched exactly, so a highlight is always whole words. Offsets go back
 * to the passage text through normalizeWithMap / toOriginalRange.
 */
export class PassageIndex {
  private readonly maps: NormalizedText[];
  /** Where each passage's folded text starts in `joined`. */
  private readonly offsets: Int32Array;
  private readonly joined: string;
  /** Distinct folded words of PASSAGE_FUZZY_MIN_LETTERS - 1 letters or more, by length. */
  private readonly vocabulary = new Map<number, string[]>();
  private readonly mentions = new Map<string, MentionSpan[]>();

  constructor(
    readonly passages: readonly PassageRecord[],
    mentions: readonly MentionRecord[],
  ) {
    this.maps = passages.map((p) => normalizeWithMap(p.text));
    this.offsets = new Int32Array(passages.length);
    let at = 0;
    this.maps.forEach((m, i) => {
      this.offsets[i] = at;
      at += m.text.length + 1;
    });
    this.joined = this.maps.map((m) => m.text).join('\n');
    const words = new Set<string>();
    for (const m of this.maps) for (const w of m.text.split(' ')) if (w.length >= PASSAGE_FUZZY_MIN_LETTERS - 1) words.add(w);
    for (const w of words) {
      const list = this.vocabulary.get(w.length);
      if (list) list.push(w);
      else this.vocabulary.set(w.length, [w]);
    }

    const byKey = new Map(passages.map((p, i) => [`${p.article}\u0000${p.ordinal}`, i]));
    for (const m of mentions) {
      const i = byKey.get(`${m.article}\u0000${m.passage}`);
      if (i === undefined) continue;
      const p = passages[i] as PassageRecord;
      // Mentions carry article offsets; the passage's own text starts at p.start.
      const span: MentionSpan = { passage: i, start: m.start - p.start, end: m.end - p.start, demonym: m.demonym };
      if (span.start < 0 || span.end > p.text.length) continue;
      const list = this.mentions.get(m.entity);
      if (list) list.push(span);
      else this.mentions.set(m.entity, [span]);
    }
  }

  /** Where the corpus names an entity (any alias, demonyms and names inside longer names included). */
  mentionsOf(entity: string): readonly MentionSpan[] {
    return this.mentions.get(entity) ?? [];
  }

  /** Every occurrence of a folded phrase on word boundaries, as ranges of the passages' original text. */
  findPhrase(folded: string): PassageSpan[] {
    const out: PassageSpan[] = [];
    if (folded.length === 0) return out;
    const { joined } = this;
    for (let at = joined.indexOf(folded); at >= 0; at = joined.indexOf(folded, at + 1)) {
      const end = at + folded.length;
      if (at > 0 && !isGap(joined.charCodeAt(at - 1))) continue;
      if (end < joined.length && !isGap(joined.charCodeAt(end))) continue;
      const passage = this.passageAt(at);
      const local = at - (this.offsets[passage] as number);
      const range = toOriginalRange(this.maps[passage] as NormalizedText, local, local + folded.length);
      out.push({ passage, ...range });
    }
    return out;
  }

  /**
   * Close spellings of a folded phrase that the corpus really contains ("chemcial weapons" → "chemical
   * weapons"); the exact phrase itself is left to findPhrase. Function words and short words stay as typed.
   */
  findClose(words: readonly string[]): CloseSpan[] {
    const options = words.map((w) => this.spellings(w));
    if (options.every((o) => o.length === 1)) return [];
    const out: CloseSpan[] = [];
    for (const variant of variants(options, MAX_VARIANTS)) {
      if (variant.cost === 0) continue;
      const score = variant.cost / words.reduce((n, w) => n + w.length, 0);
      for (const span of this.findPhrase(variant.words.join(' '))) out.push({ ...span, score });
    }
    return out;
  }

  /** The word itself, then up to SPELLINGS_PER_WORD corpus words that are close spellings of it, closest first. */
  private spellings(word: string): Array<{ word: string; cost: number }> {
    const own = [{ word, cost: 0 }];
    if (word.length < PASSAGE_FUZZY_MIN_LETTERS || isStopword(word)) return own;
    const close: Array<{ word: string; cost: number }> = [];
    // A slip of cost c changes the length by at most 2c letters (cheap insertions cost 0.5).
    const spread = Math.floor(2 * CLOSE_SPELLING * (word.length + 2));
    for (let len = word.length - spread; len <= word.length + spread; len++) {
      const limit = CLOSE_SPELLING * Math.max(word.length, len) + 1e-9;
      for (const other of this.vocabulary.get(len) ?? []) {
        const cost = other === word ? Infinity : spellingDistance(word, other, limit);
        if (cost <= limit) close.push({ word: other, cost });
      }
    }
    close.sort((a, b) => a.cost - b.cost || a.word.localeCompare(b.word));
    return [...own, ...close.slice(0, SPELLINGS_PER_WORD)];
  }

  private passageAt(at: number): number {
    let lo = 0;
    let hi = this.offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.offsets[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** A space or the newline between passages. */
function isGap(code: number): boolean {
  return code === 0x20 || code === 0x0a;
}

/** Combinations of per-word spellings, cheapest first, at most `limit`. */
function variants(options: Array<Array<{ word: string; cost: number }>>, limit: number): Array<{ words: string[]; cost: number }> {
  let acc: Array<{ words: string[]; cost: number }> = [{ words: [], cost: 0 }];
  for (const opts of options) {
    const next: Array<{ words: string[]; cost: number }> = [];
    for (const a of acc) for (const o of opts) next.push({ words: [...a.words, o.word], cost: a.cost + o.cost });
    next.sort((x, y) => x.cost - y.cost);
    acc = next.slice(0, limit);
  }
  return acc;
}

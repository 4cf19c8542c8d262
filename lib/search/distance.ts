/**
 * Whole-word spelling distance, tuned to transliteration. Fuse's bitap score says how well the query fits
 * SOMEWHERE inside a string ("ira" fits "iraqi" perfectly), which is right for finding candidates and wrong
 * for ranking them, so candidates are re-scored here on whole words.
 *
 * Transliterations of one Arabic name differ mostly in vowels (Deir/Dair, Mosul/Mossoul, Kamal/Kemal), in a
 * silent h (Baghdadi/Bagdadi) and in a few consonant pairs (Qaryatain/Karyatain, Gerasimov/Gerassimow,
 * Yarmouk/Jarmuk): those slips cost half. Any other slip costs 1, so "Hamas" stays as far from "Damas" as
 * a different word should.
 */

/** Per ASCII code: 1 = vowel (cheap to swap for another vowel), 2 = cheap to insert or delete (vowels and h). */
const VOWEL = 1;
const CHEAP_INDEL = 2;
const CLASS = new Uint8Array(128);
for (const c of 'aeiouy') CLASS[c.charCodeAt(0)] = VOWEL | CHEAP_INDEL;
CLASS['h'.charCodeAt(0)] = CHEAP_INDEL;
/** Consonant pairs that transliterations swap, as `a << 8 | b` both ways. */
const PAIRS = new Set<number>();
for (const [a, b] of ['qk', 'kc', 'cs', 'sz', 'wv', 'jy']) {
  const x = (a as string).charCodeAt(0);
  const y = (b as string).charCodeAt(0);
  PAIRS.add((x << 8) | y).add((y << 8) | x);
}

function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  if (a < 128 && b < 128 && ((CLASS[a] as number) & (CLASS[b] as number) & VOWEL || PAIRS.has((a << 8) | b))) return 0.5;
  return 1;
}

function indelCost(c: number): number {
  return c < 128 && (CLASS[c] as number) & CHEAP_INDEL ? 0.5 : 1;
}

/** Rows reused between calls: the distance runs thousands of times per look-up. */
let rows = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];

/**
 * Weighted optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps such as
 * Dier/Deir at cost 1). Stops early and returns Infinity once no alignment can stay within `limit`.
 */
export function spellingDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  const n = b.length;
  if (rows[0]!.length <= n) rows = [new Float64Array(n * 2 + 1), new Float64Array(n * 2 + 1), new Float64Array(n * 2 + 1)];
  let [prev2, prev, cur] = rows as [Float64Array, Float64Array, Float64Array];
  prev[0] = 0;
  for (let j = 1; j <= n; j++) prev[j] = (prev[j - 1] as number) + indelCost(b.charCodeAt(j - 1));
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    const caBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    const del = indelCost(ca);
    cur[0] = (prev[0] as number) + del;
    let rowMin = cur[0] as number;
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = (prev[j - 1] as number) + substitutionCost(ca, cb);
      const up = (prev[j] as number) + del;
      if (up < d) d = up;
      const left = (cur[j - 1] as number) + indelCost(cb);
      if (left < d) d = left;
      if (j > 1 && ca !== cb && ca === b.charCodeAt(j - 2) && caBefore === cb) {
        const swap = (prev2[j - 2] as number) + 1;
        if (swap < d) d = swap;
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return Infinity;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] as number;
}

/** Distance as a share of the longer string: 0 identical, about 1 nothing in common; Infinity past `limit`. */
export function relativeDistance(a: string, b: string, limit = Infinity): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 0 : spellingDistance(a, b, limit * longer) / longer;
}

/**
 * The closeness that counts as "a close spelling": one full slip per six letters (two cheap ones), so no
 * slip at all in 3 letters, only a vowel-like slip in 4–5 ("Mosol"), one slip in 6–11 ("Syrain", "Dier ez Zor").
 */
export const CLOSE_SPELLING = 1 / 6;

export function isCloseSpelling(relative: number): boolean {
  return relative <= CLOSE_SPELLING + 1e-9;
}

/** Added when the query fits only some words of an alias ("deir zor" in "deir zor governorate"). */
export const PART_OF_ALIAS_PENALTY = 0.1;

/**
 * How far a folded query is from a folded alias: the whole alias, or the closest run of its words (runs of
 * about as many words as the query) plus PART_OF_ALIAS_PENALTY. "bagdadi" is 0.0625 from "abu bakr
 * baghdadi" through its last word, plus the penalty. With `surnameOnly` (people's names) the only run
 * allowed is a one-word query against the last word: "Hafez al-Assad" is Bashar's father, not a part of
 * "Bashar Hafez al-Assad". Infinity when nothing is within `limit`.
 */
export function aliasDistance(query: string, alias: string, limit = Infinity, surnameOnly = false): number {
  let best = relativeDistance(query, alias, limit);
  if (best === 0) return 0;
  const aw = alias.split(' ');
  if (aw.length === 1) return best;
  const qn = query.split(' ').length;
  const run = (s: number, len: number) => {
    const d = relativeDistance(query, aw.slice(s, s + len).join(' '), Math.min(best, limit) - PART_OF_ALIAS_PENALTY) + PART_OF_ALIAS_PENALTY;
    if (d < best) best = d;
  };
  if (surnameOnly) {
    if (qn === 1) run(aw.length - 1, 1);
    return best;
  }
  for (let len = Math.max(1, qn - 1); len <= Math.min(aw.length - 1, qn + 1); len++) {
    for (let s = 0; s + len <= aw.length; s++) run(s, len);
  }
  return best;
}

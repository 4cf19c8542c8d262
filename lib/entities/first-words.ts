import { isKeyedWord, skeletonKey } from '../text';
import type { CompiledAlias } from './compile';

/**
 * The compiled aliases come sorted by their first word; this index of the groups is computed with them (at
 * build time for the content script) in arrays that need no building on the page, so that a matcher does no
 * per-alias work when it starts. Building hash maps of 2,500 first words took 6–13 ms of every page load.
 */
export interface FirstWordIndex {
  /** First word `w`'s aliases are `aliases[offsets[w]]` up to `aliases[offsets[w + 1]]` (one more offset than words). */
  offsets: number[];
  /** Skeleton keys of the ASCII first words, ascending (equal keys side by side)... */
  keys: number[];
  /** ...and, for each, the index of its first word. */
  keyWords: number[];
}

/** `FirstWordKeys.find`: two first words share the key; look the word up by string. */
export const SHARED_KEY = -2;

/** The folded alias's first word. */
export function firstWordOf(folded: string): string {
  const space = folded.indexOf(' ');
  return space < 0 ? folded : folded.slice(0, space);
}

/** Compares a folded alias's first word with `word` in code-unit order, without building a string. */
export function compareFirstWord(folded: string, word: string): number {
  for (let i = 0; ; i++) {
    const a = i < folded.length ? folded.charCodeAt(i) : 32;
    const b = i < word.length ? word.charCodeAt(i) : 32;
    // A space ends the alias's first word; `word` never holds one.
    if (a === 32 || b === 32) return a === b ? 0 : a === 32 ? -1 : 1;
    if (a !== b) return a - b;
  }
}

/**
 * Whether a folded alias's first word is the text's word from `start` to `end` lower-cased: for a word of
 * ASCII letters and digits whose folded form is just that (`WordKind.Plain`), compared without a string.
 */
export function firstWordIsLowered(folded: string, text: string, start: number, end: number): boolean {
  const n = end - start;
  if (folded.length < n || (folded.length > n && folded.charCodeAt(n) !== 32)) return false;
  for (let i = 0; i < n; i++) if (folded.charCodeAt(i) !== (text.charCodeAt(start + i) | 0x20)) return false;
  return true;
}

/** The aliases in first-word order; a stable sort, so each word keeps its aliases in file order. */
export function sortByFirstWord(aliases: CompiledAlias[]): CompiledAlias[] {
  return [...aliases].sort((x, y) => compareFirstWord(x[0], firstWordOf(y[0])));
}

/** The index of aliases sorted by `sortByFirstWord`. */
export function buildFirstWordIndex(sorted: CompiledAlias[]): FirstWordIndex {
  const offsets: number[] = [];
  const keyed: Array<[number, number]> = [];
  let previous: string | undefined;
  sorted.forEach(([folded], a) => {
    const first = firstWordOf(folded);
    if (first === previous) return;
    previous = first;
    if (isKeyedWord(first)) keyed.push([skeletonKey(first), offsets.length]);
    offsets.push(a);
  });
  offsets.push(sorted.length);
  keyed.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { offsets, keys: keyed.map(([k]) => k), keyWords: keyed.map(([, w]) => w) };
}

/** Index of the first word `word`, or -1 (a binary search over the sorted aliases). */
export function findWord(aliases: CompiledAlias[], index: FirstWordIndex, word: string): number {
  const offsets = index.offsets;
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareFirstWord((aliases[offsets[mid] as number] as CompiledAlias)[0], word);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The ASCII first words by skeleton key, in an open-addressing table at most a quarter full, filled from the
 * compiled index when a matcher is built (a few thousand steps): a word of the text finds its first word, or
 * learns there is none, in one or two probes instead of a binary search.
 */
export class FirstWordKeys {
  private readonly keys: Int32Array;
  /** First word index + 1 at each used slot (0: empty), or SHARED_KEY where two first words share the key. */
  private readonly words: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(index: FirstWordIndex) {
    let bits = 4;
    while (1 << bits < index.keys.length * 4) bits++;
    this.keys = new Int32Array(1 << bits);
    this.words = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    for (let k = 0; k < index.keys.length; k++) {
      const key = index.keys[k] as number;
      let slot = this.slotOf(key);
      while (this.words[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.words[slot] = this.words[slot] === 0 ? (index.keyWords[k] as number) + 1 : SHARED_KEY;
    }
  }

  private slotOf(key: number): number {
    return Math.imul(key ^ (key >>> 16), 0x45d9f3b) >>> this.shift;
  }

  /** The one ASCII first word with this key, -1 if none, or `SHARED_KEY`. */
  find(key: number): number {
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const word = this.words[slot] as number;
      if (word === 0) return -1;
      if (this.keys[slot] === key) return word === SHARED_KEY ? SHARED_KEY : word - 1;
    }
  }
}

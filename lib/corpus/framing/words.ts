/**
 * Words as written, for the framing rules. Unlike lib/text's tokenizer (built for matching), this keeps case,
 * hyphenated compounds ("US-backed", "so-called") and dotted abbreviations ("U.S.-supported") whole, because
 * those are exactly the descriptors the rules look for.
 */
export interface Word {
  text: string;
  lower: string;
  /** `lower` without a possessive 's ("regime's" → "regime"). */
  bare: string;
  /** The word ends in a possessive 's. */
  possessive: boolean;
  start: number;
  end: number;
}

const WORD = /(?:[A-Z]\.){2,}(?:[-‐‑][\p{L}\p{N}]+)*|[\p{L}\p{N}]+(?:[-‐‑'’][\p{L}\p{N}]+)*/gu;
const HYPHENS = /[‐‑]/g;

export function splitWords(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(HYPHENS, '-');
    const lower = raw.toLowerCase().replace(/’/g, "'");
    const possessive = lower.length > 2 && lower.endsWith("'s");
    out.push({ text: raw, lower, bare: possessive ? lower.slice(0, -2) : lower, possessive, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Index of the first word that ends after `pos` (the word holding `pos`, or the next one). */
export function wordAt(words: readonly Word[], pos: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as Word).end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const isCapitalized = (w: Word): boolean => /^\p{Lu}/u.test(w.text);
export const isHyphenated = (w: Word): boolean => w.text.includes('-') && !/^(?:[A-Z]\.){2,}$/.test(w.text);

/** Joins words i..j-1 as written, one space apart. */
export function phrase(words: readonly Word[], i: number, j: number): string {
  return words
    .slice(i, j)
    .map((w) => w.text)
    .join(' ');
}

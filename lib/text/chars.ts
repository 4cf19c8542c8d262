/** Character classes for tokenizing, with an ASCII fast path; other code points are classified once and cached. */

export const enum CharClass {
  Other = 0,
  Word = 1,
  /** Apostrophes and transliteration marks for ayn/hamza: kept only inside a word, then folded away. */
  Joiner = 2,
  Hyphen = 3,
}

const JOINERS = new Set([0x27, 0x60, 0xb4, 0x2018, 0x2019, 0x201b, 0x2032, 0x02bc, 0x02bb, 0x02be, 0x02bf, 0x02b9, 0x02c8]);
const HYPHENS = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0xad]);
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
/** The letters and numbers (ª ² ³ µ ¹ º ¼ ½ ¾) among U+0080–U+00BF; the rest of that block is punctuation and symbols. */
const LATIN1_WORD = new Set([0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe]);

/** Class of each ASCII code unit, for the tokenizer's inner loop. */
export const ASCII_CLASS = new Uint8Array(128);
const ascii = ASCII_CLASS;
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ascii[c] = /[A-Za-z0-9]/.test(ch)
    ? CharClass.Word
    : JOINERS.has(c)
      ? CharClass.Joiner
      : HYPHENS.has(c)
        ? CharClass.Hyphen
        : CharClass.Other;
}

/** Classes of the BMP below U+3000 (Latin, Greek, Cyrillic, Arabic, punctuation), filled on first use; 255 = unknown. */
const TABLE_LIMIT = 0x3000;
const table = new Uint8Array(TABLE_LIMIT).fill(255);
const cache = new Map<number, CharClass>();

export function classify(cp: number): CharClass {
  if (cp < 128) return ascii[cp] as CharClass;
  if (cp < TABLE_LIMIT) {
    const known = table[cp] as number;
    if (known !== 255) return known as CharClass;
    return (table[cp] = compute(cp));
  }
  let cls = cache.get(cp);
  if (cls === undefined) {
    cls = compute(cp);
    cache.set(cp, cls);
  }
  return cls;
}

/** Exported for the test that checks the ranges against the Unicode properties. */
export function compute(cp: number): CharClass {
  if (JOINERS.has(cp)) return CharClass.Joiner;
  if (HYPHENS.has(cp)) return CharClass.Hyphen;
  // The non-ASCII characters of most pages (accented Latin letters, typographic punctuation) are classed by
  // range: the first use of the Unicode-property expression compiles it, a millisecond on every page.
  if (cp < 0xc0) return LATIN1_WORD.has(cp) ? CharClass.Word : CharClass.Other;
  if (cp <= 0x24f) return cp === 0xd7 || cp === 0xf7 ? CharClass.Other : CharClass.Word;
  if (cp >= 0x2000 && cp <= 0x206f) return CharClass.Other;
  return WORD_RE.test(String.fromCodePoint(cp)) ? CharClass.Word : CharClass.Other;
}

/** Arabic script block (letters, marks, digits): such tokens get Arabic folding. */
export function isArabicCodePoint(cp: number): boolean {
  return (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);
}

/** Only ASCII code units: the fast paths that need no Unicode-property expression. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Whether a word character (letter, digit or mark) is at `i`. */
export function isWordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  return classify(text.codePointAt(i) ?? 0) === CharClass.Word;
}

/** A word starts here, possibly with an ayn or hamza mark (al-ʿAdnani). */
export function opensWord(text: string, i: number): boolean {
  const cp = text.charCodeAt(i);
  return isWordAt(text, i) || ((cp === 0x2bf || cp === 0x2be) && isWordAt(text, i + 1));
}

/**
 * Folds one word to the form every spelling of it shares: the single normalization behind the matcher,
 * the look-up and the re-anchoring of snippets.
 */

import { isKeyedWord } from './skeleton';

const MARKS = /\p{M}/gu;
/** Latin combining diacritics, the only marks most pages have. */
const LATIN_MARKS = /[\u0300-\u036f]/g;
const JOINERS = /['`´‘’‛′ʼʻʾʿʹˈ]/g;
const HAS_ARABIC = /[\u0600-\u06ff\u0750-\u077f]/;

const ARABIC_LETTERS: Record<string, string> = {
  'ٱ': 'ا', 'ة': 'ه', 'ى': 'ي', 'ی': 'ي', 'ک': 'ك', 'ـ': '',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
};
const ARABIC_LETTER_RE = /[ٱةىیکـ٠-٩]/g;

/** Latin-script particles that transliterate the Arabic article ("al-", "ad-", "ash-", "ez-", ...). */
export const ARTICLES_BEFORE_HYPHEN = new Set([
  'al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'ath', 'az', 'an', 'ed', 'es', 'et', 'ez', 'en', 'er', 'ul', 'ud', 'ut', 'adh', 'dh',
]);
/** The forms that are not English words, so they are dropped before a space too ("Hashd al Shaabi"). */
export const ARTICLES_BEFORE_SPACE = new Set(['al', 'el', 'ez', 'az', 'ash', 'ul']);

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

export function foldToken(raw: string): string {
  let folded = cache.get(raw);
  if (folded === undefined) {
    folded = foldUncached(raw);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(raw, folded);
  }
  return folded;
}

function foldUncached(raw: string): string {
  // Apostrophes first: NFKC would turn some of them (´) into a space and a combining mark.
  // NFKC can also expand one character into several words (ﷺ): a folded word never contains a space.
  let s = raw.replace(JOINERS, '').normalize('NFKC').toLowerCase().normalize('NFD');
  s = stripMarks(s).replace(JOINERS, '').replace(/\s+/g, '');
  s = s.replace(/ß/g, 'ss').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/đ/g, 'd').replace(/ł/g, 'l');
  // The words the tokenizer keys by their skeleton, which is what foldLatin leaves unchanged.
  if (isKeyedWord(s)) return foldLatin(s);
  if (HAS_ARABIC.test(s)) return foldArabic(s);
  return s;
}

/**
 * Removes combining marks (from an NFD string). Latin diacritics go without the Unicode-property expression,
 * whose first use compiles for about a millisecond on every page; other scripts' marks need it.
 */
export function stripMarks(s: string): string {
  let latin = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x300) continue;
    if (c > 0x36f) return s.replace(MARKS, '');
    latin = true;
  }
  return latin ? s.replace(LATIN_MARKS, '') : s;
}

/** Transliteration variants: "ee" = "i" (Mayadeen, Mayadin), doubled letters single (Raqqa, Raqa), final "ah" = "a" (Raqqah). */
function foldLatin(s: string): string {
  s = s.replace(/ee/g, 'i').replace(/([a-z])\1+/g, '$1');
  if (s.length >= 4 && s.endsWith('ah')) s = s.slice(0, -1);
  return s;
}

/**
 * Arabic letter forms only (alef forms, taa marbuta, alef maqsura, tatweel, digits; harakat are marks). The
 * conjunctions, prepositions and article written joined to a word (والرقة) are not cut here — cutting و from
 * ورقة ("paper") made it Raqqa — but matched as variants of each Arabic name (lib/entities/arabic-variants.ts).
 */
function foldArabic(s: string): string {
  return s.replace(ARABIC_LETTER_RE, (ch) => ARABIC_LETTERS[ch] ?? ch);
}

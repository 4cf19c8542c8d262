/**
 * Folds one word to the form every spelling of it shares: the single normalization behind the matcher,
 * the look-up and the re-anchoring of snippets.
 */

const MARKS = /\p{M}/gu;
const JOINERS = /['`´‘’‛′ʼʻʾʿʹˈ]/g;
const LATIN_WORD = /^[a-z0-9]+$/;
const HAS_ARABIC = /[\u0600-\u06ff\u0750-\u077f]/;

const ARABIC_LETTERS: Record<string, string> = {
  'ٱ': 'ا', 'ة': 'ه', 'ى': 'ي', 'ی': 'ي', 'ک': 'ك', 'ـ': '',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
};
const ARABIC_LETTER_RE = /[ٱةىیکـ٠-٩]/g;
/** Conjunction (و, ف), preposition (ب, ك, ل) and article (ال) written joined to the word; لل is ل + ال. */
const ARABIC_PROCLITIC_ARTICLE = /^[وف]?(?:[بكل]?ال|لل)/;
const ARABIC_PROCLITIC = /^[وف]?[بكل]?/;

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
  let s = raw.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '').replace(JOINERS, '');
  s = s.replace(/ß/g, 'ss').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/đ/g, 'd').replace(/ł/g, 'l');
  if (LATIN_WORD.test(s)) return foldLatin(s);
  if (HAS_ARABIC.test(s)) return foldArabic(s);
  return s;
}

/** Transliteration variants: "ee" = "i" (Mayadeen, Mayadin), doubled letters single (Raqqa, Raqa), final "ah" = "a" (Raqqah). */
function foldLatin(s: string): string {
  s = s.replace(/ee/g, 'i').replace(/([a-z])\1+/g, '$1');
  if (s.length >= 4 && s.endsWith('ah')) s = s.slice(0, -1);
  return s;
}

function foldArabic(s: string): string {
  s = s.replace(ARABIC_LETTER_RE, (ch) => ARABIC_LETTERS[ch] ?? ch);
  const withArticle = ARABIC_PROCLITIC_ARTICLE.exec(s);
  if (withArticle && s.length - withArticle[0].length >= 2) return s.slice(withArticle[0].length);
  const bare = ARABIC_PROCLITIC.exec(s);
  if (bare && bare[0].length > 0 && s.length - bare[0].length >= 3) return s.slice(bare[0].length);
  return s;
}

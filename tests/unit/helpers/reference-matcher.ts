/**
 * A naive reference for lib/entities/matcher.ts, written from its contract rather than from its code: no trie,
 * no laziness, no compiled gazetteer. At each word position every alias of the gazetteer file is tried as a
 * sequence of folded words; the longest accepted alias wins (the first one in file order among equals), and
 * the scan goes on after it. Models the case-sensitive aliases (written case, and not inside shouted text),
 * not the context rules of "IS" and "Assad": the generators never produce those aliases.
 */
import type { EntitiesFile } from '../../../lib/entities/schema';
import { arabicVariants } from '../../../lib/entities/arabic-variants';
import { foldToken, tokenize, type Tokens } from '../../../lib/text';
import { ARTICLES_BEFORE_HYPHEN, ARTICLES_BEFORE_SPACE } from '../../../lib/text/fold';
import { HYPHEN_CHARS, JOINER_CHARS } from './arbitraries';

export interface RefMatch {
  entity: number;
  start: number;
  end: number;
  surface: string;
  demonym: boolean;
  nested?: boolean;
}

interface RefAlias {
  words: string[];
  entity: number;
  demonym: boolean;
  /** The alias as written, when only that case is accepted. */
  caseSensitive: string | null;
}

/**
 * Every alias and demonym of the file in file order, as folded words; then the Arabic joined-particle variants
 * of each (arabicVariants), unless the same words are already some alias: an entity's own alias always wins.
 */
export function referenceAliases(file: EntitiesFile): RefAlias[] {
  const out: RefAlias[] = [];
  file.entities.forEach((e, entity) => {
    const cs = new Set(e.caseSensitive ?? []);
    const forms: Array<[string, boolean]> = [...e.aliases.map((a): [string, boolean] => [a, false]), ...(e.demonyms ?? []).map((a): [string, boolean] => [a, true])];
    for (const [written, demonym] of forms) {
      const words = tokenize(written).norms;
      if (words.length > 0) out.push({ words, entity, demonym, caseSensitive: cs.has(written) ? written : null });
    }
  });
  const taken = new Set(out.map((a) => a.words.join(' ')));
  for (const a of [...out]) {
    for (const variant of arabicVariants(a.words.join(' '))) {
      if (taken.has(variant)) continue;
      taken.add(variant);
      out.push({ words: variant.split(' '), entity: a.entity, demonym: a.demonym, caseSensitive: null });
    }
  }
  return out;
}

const NON_WORD = /[^\p{L}\p{N}]/gu;
const shouted = (w: string | null) => w !== null && w.length >= 2 && /\p{L}/u.test(w) && !/\p{Ll}/u.test(w);

function wordText(text: string, tokens: Tokens, t: number): string | null {
  return t < 0 || t >= tokens.length ? null : text.slice(tokens.starts[t], tokens.ends[t]);
}

/** Where a match of words [first, last) lies in the text: a dotted abbreviation ("U.S.") keeps its final period. */
function span(text: string, tokens: Tokens, first: number, last: number): { start: number; end: number } {
  const start = tokens.starts[first] as number;
  let end = tokens.ends[last - 1] as number;
  if (text[end] === '.' && end - start >= 3 && text[end - 2] === '.') end++;
  return { start, end };
}

function accepted(text: string, tokens: Tokens, first: number, alias: RefAlias): boolean {
  const last = first + alias.words.length;
  if (last > tokens.length) return false;
  for (let k = 0; k < alias.words.length; k++) {
    if (tokens.norms[first + k] !== alias.words[k]) return false;
    // A name never runs across a line break.
    if (k > 0 && text.slice(tokens.ends[first + k - 1], tokens.starts[first + k]).includes('\n')) return false;
  }
  if (alias.caseSensitive !== null) {
    const { start, end } = span(text, tokens, first, last);
    if (text.slice(start, end).replace(NON_WORD, '') !== alias.caseSensitive.replace(NON_WORD, '')) return false;
    if (shouted(wordText(text, tokens, first - 1)) && shouted(wordText(text, tokens, last))) return false;
  }
  return true;
}

function longestAt(text: string, tokens: Tokens, aliases: RefAlias[], first: number, limit: number): { alias: RefAlias; last: number } | null {
  let best: { alias: RefAlias; last: number } | null = null;
  for (const alias of aliases) {
    const last = first + alias.words.length;
    if (last > limit) continue;
    if ((best === null || last > best.last) && accepted(text, tokens, first, alias)) best = { alias, last };
  }
  return best;
}

function toMatch(text: string, tokens: Tokens, first: number, last: number, alias: RefAlias): RefMatch {
  const { start, end } = span(text, tokens, first, last);
  return { entity: alias.entity, start, end, surface: text.slice(start, end), demonym: alias.demonym };
}

function outerMatches(text: string, tokens: Tokens, aliases: RefAlias[]): Array<{ match: RefMatch; first: number; last: number }> {
  const out: Array<{ match: RefMatch; first: number; last: number }> = [];
  for (let i = 0; i < tokens.length; ) {
    const best = longestAt(text, tokens, aliases, i, tokens.length);
    if (best) {
      out.push({ match: toMatch(text, tokens, i, best.last, best.alias), first: i, last: best.last });
      i = best.last;
    } else i++;
  }
  return out;
}

/** Leftmost-longest, non-overlapping matches: what `Matcher.find` must return. */
export function referenceFind(file: EntitiesFile, text: string): RefMatch[] {
  return outerMatches(text, tokenize(text), referenceAliases(file)).map((o) => o.match);
}

/**
 * What `Matcher.findAll` must return: the outer matches, and inside each, scanned the same way, the names of
 * other entities (not demonyms) that do not span the whole outer match; sorted by start, longer first.
 */
export function referenceFindAll(file: EntitiesFile, text: string): RefMatch[] {
  const tokens = tokenize(text);
  const aliases = referenceAliases(file);
  const out: RefMatch[] = [];
  for (const outer of outerMatches(text, tokens, aliases)) {
    out.push(outer.match);
    const others = aliases.filter((a) => a.entity !== outer.match.entity && !a.demonym);
    for (let i = outer.first; i < outer.last; ) {
      const limit = i === outer.first ? outer.last - 1 : outer.last;
      const best = longestAt(text, tokens, others, i, limit);
      if (best) {
        out.push({ ...toMatch(text, tokens, i, best.last, best.alias), nested: true });
        i = best.last;
      } else i++;
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

// ---------------------------------------------------------------------------------------------------------
// Reference reading of one token of lib/text/tokenize.ts

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const char = (cp: number) => String.fromCodePoint(cp);
/** A letter, digit or mark, other than the apostrophe-like modifier letters (ʾ ʿ ʼ) the tokenizer treats as joiners. */
const isWordCodePoint = (cp: number | undefined) => cp !== undefined && WORD_CHAR.test(char(cp)) && !JOINER_CHARS.includes(char(cp));

function codePointBefore(text: string, i: number): number | undefined {
  if (i <= 0) return undefined;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return text.codePointAt(i - 2);
  }
  return c;
}

/** The possessive rule, restated: a final s after an apostrophe-like mark is left out of a word of 3+ characters. */
function withoutPossessive(raw: string): string {
  if (raw.length > 2 && /[sS]$/.test(raw) && JOINER_CHARS.includes(raw[raw.length - 2] as string)) return raw.slice(0, -2);
  return raw;
}

/**
 * The article particle a word spells, if any: judged without case and diacritics but with its letters, so
 * "Al", "éz" are particles and "all" (which folds to "al") is not.
 */
export function particleOf(raw: string): string | null {
  const word = withoutPossessive(raw).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return ARTICLES_BEFORE_HYPHEN.has(word) ? word : null;
}

const SPACES = new Set([' ', '\u00a0', '\t']);
const SEPARATOR = new Set([...SPACES, ...HYPHEN_CHARS]);

/**
 * Explains token `t` from the text alone: its span is optional dropped article particles ("al-", "al ",
 * "ash-"), each followed by a hyphen or by spaces, then the word, whose foldToken is the token's folded form;
 * the span starts and ends at word boundaries, and takes in a dropped particle right before the word. Returns null when that holds, 'leaked-article' for bug B1
 * (a dropped article followed by a word that folds to nothing stretches the next word's span back to the
 * particle: tokenize('al-ـ foo') spans "al-ـ foo"; see property-text.test.ts), or what is wrong.
 */
export function explainToken(text: string, tokens: Tokens, t: number): string | 'leaked-article' | null {
  const s = tokens.starts[t] as number;
  const e = tokens.ends[t] as number;
  const norm = tokens.norms[t] as string;
  const span = text.slice(s, e);
  // A word may follow an elided French article directly when it opens with an ayn/hamza mark (cʾa → c, ʾa).
  const afterElision = JOINER_CHARS.includes(span[0] as string) && t > 0 && tokens.ends[t - 1] === s;
  if (!afterElision && isWordCodePoint(codePointBefore(text, s))) return `token ${t} ${JSON.stringify(span)} starts inside a word`;
  if (isWordCodePoint(text.codePointAt(e))) return `token ${t} ${JSON.stringify(span)} ends inside a word`;
  // The word: the letters, digits, marks and joiners that end the span (less joiners that cannot open a word).
  let w = span.length;
  for (;;) {
    const cp = codePointBefore(span, w);
    if (cp === undefined || !(WORD_CHAR.test(char(cp)) || JOINER_CHARS.includes(char(cp)))) break;
    w -= cp > 0xffff ? 2 : 1;
  }
  while (w < span.length && JOINER_CHARS.includes(span[w] as string) && !('ʿʾ'.includes(span[w] as string) && isWordCodePoint(span.codePointAt(w + 1)))) w++;
  const word = span.slice(w);
  if (foldToken(word) !== norm) return `token ${t}: norm ${JSON.stringify(norm)} but foldToken(${JSON.stringify(word)}) = ${JSON.stringify(foldToken(word))}`;
  // A dropped article particle right before the span belongs to it ("al-Qaeda" is marked whole).
  let j = s;
  if (HYPHEN_CHARS.includes(text[j - 1] as string)) j--;
  else while (j > 0 && SPACES.has(text[j - 1] as string)) j--;
  let k = j;
  for (let cp = codePointBefore(text, k); k < s && cp !== undefined && (WORD_CHAR.test(char(cp)) || JOINER_CHARS.includes(char(cp))); cp = codePointBefore(text, k)) {
    k -= cp > 0xffff ? 2 : 1;
  }
  const before = particleOf(text.slice(k, j));
  if (k < j && (t === 0 || (tokens.ends[t - 1] as number) <= k) && before !== null && (HYPHEN_CHARS.includes(text[j] as string) || ARTICLES_BEFORE_SPACE.has(before))) {
    return `token ${t} ${JSON.stringify(span)}: the dropped particle ${JSON.stringify(text.slice(k, s))} before it is left out of its span`;
  }
  // Before the word: article particles, each followed by one hyphen or by spaces.
  let i = 0;
  while (i < w) {
    let j = i;
    while (j < w && !SEPARATOR.has(span[j] as string)) j++;
    const particle = particleOf(span.slice(i, j));
    let k = j;
    if (HYPHEN_CHARS.includes(span[j] as string)) k = j + 1;
    else while (k < w && SPACES.has(span[k] as string)) k++;
    const ok = k > j && particle !== null && (HYPHEN_CHARS.includes(span[j] as string) || ARTICLES_BEFORE_SPACE.has(particle));
    if (!ok) {
      // B1: after the particles, a word that folds to nothing (then anything up to the real word).
      const leading = /^[\p{L}\p{N}\p{M}]+/u.exec(span.slice(i))?.[0] ?? '';
      if (i > 0 && leading.length > 0 && foldToken(leading) === '') return 'leaked-article';
      return `token ${t} ${JSON.stringify(span)}: ${JSON.stringify(span.slice(i, k))} before the word is not a dropped article particle`;
    }
    i = k;
  }
  return null;
}

/** Whether bug B1 shows in the text: some token's span reaches back over a word that folds to nothing. */
export function hasLeakedArticle(text: string, tokens: Tokens = tokenize(text)): boolean {
  for (let t = 0; t < tokens.length; t++) if (explainToken(text, tokens, t) === 'leaked-article') return true;
  return false;
}

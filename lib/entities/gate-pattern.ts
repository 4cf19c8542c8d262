/**
 * The gate's names, built once from the gazetteer (at build time): a page is relevant only if its text or title
 * names an entity of the decisive level (lib/entities/relevance.ts), so a page that names none of them is not
 * about Syria/ISIS, and the content script stops there without building the matcher.
 *
 * The gate (lib/page/gate.ts) reads the page text as the analysis does, "prefolds" it (every character that
 * folding changes and that could take part in a name becomes its folded form: é → e, أ → ا, a combining mark →
 * nothing, ’ → '), lower-cases it, and looks for:
 * - names of Latin words as plain strings in the text's skeleton (gate-char.ts), at word starts;
 * - the other names (Arabic, mixed) with a small expression of their own;
 * - the case-sensitive names ("IS") in the prefolded text with its case.
 * Wherever the matcher finds a decisive name, the gate finds one (tests/unit/gate.test.ts); it may also pass a
 * page that the matcher then rules out.
 */
import { ARTICLES_BEFORE_HYPHEN } from '../text/fold';
import { isKeyedWord } from '../text/skeleton';
import { AliasFlag, type CompiledGazetteer } from './compile';
import { gateChar, gateSkeleton } from './gate-char';
import { DECISIVE_LEVEL } from './relevance';

/** The decisive names, sorted by how the gate looks for them. */
export interface GateNames {
  /** The names of Latin words, as skeletons (gateSkeleton), without those that contain another. */
  latin: string[];
  /** The other names (Arabic, mixed, or only particles such as "al"), folded (words apart by a space). */
  other: string[];
  /** The case-sensitive names that are one word of ASCII letters and digits, as written ("IS"). */
  cased: string[];
}

/**
 * What the content script ships: the sources of its expressions, built here (building them in the page took
 * 5 ms of its 15 on an unrelated page).
 */
export interface GateSource {
  /** Over the skeleton: the Latin names where they end; the gate checks that a word starts there. */
  latin: string;
  /** Over the prefolded text lower-cased: the other names, found inside a word too (joined Arabic particles). */
  other: string;
  /** Over the prefolded text with its case. */
  cased: string;
  /** The body of a character class (for a 'gu' expression): the characters the prefold rewrites. */
  rewrite: string;
}

/** Between a Latin word's folded letters in the prefolded text: apostrophes (Da'esh). */
const INSIDE = "'";
/** Between two Latin words of a mixed name: anything but letters and digits, and any short word (particles, possessive "s"). */
const BETWEEN = '[^a-z0-9]+(?:[a-z]{1,3}[^a-z0-9]+)*';
/** Between two words when one is not Latin: anything but the Arabic letters (a superset of what separates them). */
const BETWEEN_OTHER = '[^\\u0621-\\u063a\\u0641-\\u064a]+';
const PARTICLES = new Set(ARTICLES_BEFORE_HYPHEN);

export function compileGateSource(gazetteer: CompiledGazetteer): GateSource {
  const names = gateNames(gazetteer);
  // Characters of the non-Latin names: the prefold must fold every character that folds to one of them.
  const otherChars = new Set(names.other.flatMap((name) => name.split(' ').filter((w) => !isKeyedWord(w)).flatMap((w) => [...w])));
  return { ...gateExpressions(names), rewrite: rewriteClass(otherChars) };
}

function gateNames(gazetteer: CompiledGazetteer): GateNames {
  const decisive = gazetteer.aliases.filter(([, entity]) => gazetteer.entities[entity]?.relevance === DECISIVE_LEVEL);
  const cased = decisive.filter(([folded, , flags, written]) => flags & AliasFlag.CaseSensitive && isCasedWord(folded, written));
  const names = decisive.filter((a) => !cased.includes(a)).map(([folded]) => folded.split(' '));
  // A name of Latin words goes to the skeleton, unless it is all particles, which the skeleton may drop.
  const inSkeleton = (words: string[]) => words.every(isKeyedWord) && !words.every((w) => PARTICLES.has(w));
  const latin = names.filter(inSkeleton);
  const other = withoutRedundant(names.filter((words) => !inSkeleton(words)));
  return {
    latin: withoutRedundant(latin.flatMap(withoutParticles).map((words) => words.map(gateSkeleton))).map((words) => words.join(' ')),
    other: other.map((words) => words.join(' ')),
    cased: [...new Set(cased.map(([, , , written]) => written))],
  };
}

/**
 * A name, and the same without each article particle it has as a word: the skeleton drops every particle before
 * a hyphen or a space, also where the tokenizer keeps it.
 */
function withoutParticles(words: string[]): string[][] {
  let variants = [words];
  for (const p of new Set(words.filter((w) => PARTICLES.has(w)))) variants = variants.flatMap((v) => [v, v.filter((w) => w !== p)]);
  return variants.filter((v) => v.length > 0);
}

/** The sources of the gate's expressions. */
function gateExpressions(source: GateNames): Omit<GateSource, 'rewrite'> {
  return {
    // Plain strings in a trie; one lookahead for where a name ends.
    latin: source.latin.length ? `${trieSource(trieOf(source.latin.map((n) => [...n].map(escape))))}(?![a-z0-9])` : '(?!)',
    other: trieSource(trieOf(source.other.map((n) => nameUnits(n.split(' '))))) || '(?!)',
    cased: source.cased.map(casedPattern).join('|') || '(?!)',
  };
}

/** A case-sensitive alias the cased expression can hold: one word of ASCII letters and digits, as written. */
function isCasedWord(folded: string, written: string): boolean {
  return !folded.includes(' ') && /^[A-Za-z0-9]+$/.test(written);
}

/** Names that contain another name's words in a row add nothing: wherever they match, the shorter one does. */
function withoutRedundant(names: string[][]): string[][] {
  const unique = [...new Map(names.map((n) => [n.join(' '), n])).values()].sort((a, b) => a.length - b.length || a.join(' ').length - b.join(' ').length);
  const kept: string[][] = [];
  for (const name of unique) if (!kept.some((k) => containsRun(name, k))) kept.push(name);
  return kept;
}

/** Whether `name` has the words of `run` in a row, as `run`'s pattern finds them (a non-Latin first word by its stem, anywhere in a word). */
function containsRun(name: string[], run: string[]): boolean {
  const first = wordAsFound(run[0] as string, 0);
  for (let i = 0; i + run.length <= name.length; i++) {
    const w = name[i] as string;
    if (!(isKeyedWord(first) ? w === first : w.includes(first))) continue;
    if (run.every((r, k) => k === 0 || name[i + k] === r)) return true;
  }
  return false;
}

/** A name's word as its pattern looks for it: an Arabic first word without its article, which joined particles change (للرقة). */
function wordAsFound(word: string, index: number): string {
  return index === 0 && !isKeyedWord(word) && word.startsWith('ال') && word.length > 2 ? word.slice(2) : word;
}

type Trie = Map<string, Trie>;

/**
 * Names as a trie of pattern units: names that begin alike share their first units, so at each position of the
 * text the engine chooses by the next character instead of trying every name in turn (a flat list of 280
 * alternatives took 1.5 ms per kilobyte of text).
 */
function trieOf(names: string[][]): Trie {
  const trie: Trie = new Map();
  for (const units of names) {
    let at = trie;
    for (const u of [...units, '']) {
      let next = at.get(u);
      if (!next) at.set(u, (next = new Map()));
      at = next;
    }
  }
  return trie;
}

function trieSource(trie: Trie): string {
  const alternatives = [...trie].map(([unit, rest]) => unit + trieSource(rest));
  return alternatives.length <= 1 ? (alternatives[0] ?? '') : `(?:${alternatives.join('|')})`;
}

/** A name that is not all Latin as pattern units: a letter (with what may repeat or stand in it), a gap between words, the end. */
function nameUnits(words: string[]): string[] {
  const units: string[] = [];
  words.forEach((w, k) => {
    const keyed = isKeyedWord(w);
    if (k > 0) units.push(keyed && isKeyedWord(words[k - 1] as string) ? BETWEEN : BETWEEN_OTHER);
    // An Arabic name's first word may have a conjunction, preposition or article joined to it (وال, بال, لل):
    // its stem is looked for anywhere.
    const word = wordAsFound(w, k);
    for (const c of word) units.push(keyed ? letterUnit(c) : escape(c));
    // A final "h" after "a" folds away (Raqqah).
    if (keyed && word.endsWith('a')) units.push(`[h${INSIDE}]*`);
  });
  if (isKeyedWord(words[words.length - 1] as string)) units.push('(?![a-z0-9])');
  return units;
}

/** A folded letter as the text may write it: repeated (Raqqa), "ee" for "i" (Mayadeen), apostrophes between. */
function letterUnit(c: string): string {
  return c === 'i' ? `[ie][ie${INSIDE}]*` : `${c}[${c}${INSIDE}]*`;
}

function casedPattern(written: string): string {
  return `(?<![A-Za-z0-9])${[...written].join(`[${INSIDE}]*`)}(?![A-Za-z0-9])`;
}

function escape(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** The last code point the rewrite class is computed for: beyond it no character folds to Latin or Arabic. */
const LAST_CODE_POINT = 0x1ffff;

/** Every character whose prefold differs from its lower case, with both (computed once: 130,000 folds). */
let changed: Array<[cp: number, prefolded: string, lower: string]> | null = null;

function changedChars(): Array<[number, string, string]> {
  if (changed) return changed;
  changed = [];
  // Of ASCII, the page's own U+0001 and U+0002 (the prefold's placeholders: they become spaces, as the
  // tokenizer reads them) and the backtick (an apostrophe in a word); the rest is left to the lower-casing.
  for (let cp = 0x01; cp <= LAST_CODE_POINT; cp++) {
    if ((cp > 0x02 && cp < 0x60) || (cp > 0x60 && cp < 0x80) || (cp >= 0xd800 && cp <= 0xdfff)) continue;
    const ch = String.fromCodePoint(cp);
    const prefolded = gateChar(ch);
    const lower = ch.toLowerCase();
    if (prefolded !== lower) changed.push([cp, prefolded, lower]);
  }
  return changed;
}

/**
 * The characters whose prefold differs from their lower case where it matters to a name: they become a
 * placeholder, an apostrophe, or Latin letters, digits or a character of a non-Latin name (or lower-case to one
 * of those). (gateChar never returns an empty string: a letter that folds to nothing becomes a placeholder.)
 */
function rewriteClass(otherChars: Set<string>): string {
  // eslint-disable-next-line no-control-regex -- the prefold's placeholders (gate-char.ts)
  const matters = (s: string) => [...s].some((c) => /[a-z0-9'\u0001\u0002]/.test(c) || otherChars.has(c));
  const ranges: Array<[number, number]> = [];
  for (const [cp, prefolded, lower] of changedChars()) {
    if (!(matters(prefolded) || matters(lower))) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
  return ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
}

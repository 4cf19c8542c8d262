import { gap, inDemonym, inName, type ArticleContext } from './context';
import { ADJUNCTS, EVALUATIVE_ADJECTIVES, HEDGES, LABEL_NOUNS, MODIFIER_PREFIXES, PARTICIPLES, STOP_WORDS, type LabelInfo } from './labels';
import { isCapitalized, isHyphenated, type Word } from './words';

export interface Modifier {
  text: string;
  /** Evaluative or allegiance-marking ("US-backed", "terrorist"), as opposed to a plain demonym ("Kurdish PKK"). */
  telling: boolean;
}

export interface LabelPhrase {
  text: string;
  info: LabelInfo;
  /** Word range [from, to) of the label, a patron included ("US proxies"). */
  from: number;
  to: number;
}

const SPACE = /^\s+$/;
const COMMA = /^,\s+$/;

/**
 * A hyphenated word that qualifies what follows: compounds ending in a lowercase part ("US-backed",
 * "al-Qaeda-linked", "star-crossed") and compounds opening with a modifier prefix ("pro-Assad", "mostly-Kurdish").
 * Numbers ("2014-2015") and transliterated names ("ez-Zoor") are not modifiers.
 */
export function isModifierCompound(w: Word): boolean {
  if (!isHyphenated(w) || /\d/.test(w.text)) return false;
  const parts = w.text.split('-');
  return /^\p{Ll}/u.test(parts.at(-1) as string) || MODIFIER_PREFIXES.has((parts[0] as string).toLowerCase());
}

/** The modifier whose last word is word k, not reaching left of `floor`; null when word k is not a modifier. */
export function readModifier(ctx: ArticleContext, k: number, floor: number): { mod: Modifier; from: number } | null {
  const w = ctx.words[k] as Word;
  let mod: Modifier | null = null;
  let from = k;
  const prev = k - 1 >= floor ? (ctx.words[k - 1] as Word) : undefined;
  if (PARTICIPLES.has(w.lower) && prev && isCapitalized(prev) && !STOP_WORDS.has(prev.lower) && SPACE.test(gap(ctx, k - 1, k))) {
    // An open compound: "Kurdish led", "US backed" → "Kurdish-led", "US-backed".
    mod = { text: `${prev.text}-${w.lower}`, telling: true };
    from = k - 1;
  } else if (inName(ctx, k) && !EVALUATIVE_ADJECTIVES.has(w.bare)) {
    return null;
  } else if (isModifierCompound(w)) {
    mod = { text: w.text, telling: true };
  } else if (EVALUATIVE_ADJECTIVES.has(w.bare) && !w.possessive) {
    mod = { text: w.text, telling: true };
  } else if (inDemonym(ctx, k) && !w.possessive) {
    mod = { text: w.text, telling: false };
  }
  if (!mod) return null;
  const hedge = from - 1 >= floor ? (ctx.words[from - 1] as Word) : undefined;
  if (hedge && HEDGES.has(hedge.lower) && SPACE.test(gap(ctx, from - 1, from))) {
    mod = { ...mod, text: `${hedge.text} ${mod.text}` };
    from--;
  }
  return { mod, from };
}

/**
 * Modifiers right before word `end` (exclusive), left to right, joined by spaces, "and"/"or" or commas;
 * adjuncts ("global", "ground") are stepped over without being reported. `first` is the leftmost word read.
 */
export function modifiersBefore(ctx: ArticleContext, end: number, floor: number): { mods: Modifier[]; first: number } {
  const mods: Modifier[] = [];
  let first = end;
  for (;;) {
    let k = first - 1;
    if (k < floor) break;
    let joined = false;
    if (first < end) {
      // Between two modifiers: a space, a comma, or "and"/"or".
      const w = ctx.words[k] as Word;
      const between = gap(ctx, k, first);
      if ((w.lower === 'and' || w.lower === 'or') && SPACE.test(between)) {
        k--;
        if (mods.length === 0 || k < floor || !SPACE.test(gap(ctx, k, k + 1))) break;
        joined = true;
      } else if (COMMA.test(between)) {
        if (mods.length === 0) break;
        joined = true;
      } else if (!SPACE.test(between)) break;
    }
    const read = readModifier(ctx, k, floor);
    if (read) {
      mods.unshift(read.mod);
      first = read.from;
    } else if (!joined && ADJUNCTS.has((ctx.words[k] as Word).lower) && !inName(ctx, k)) {
      first = k;
    } else break;
  }
  return { mods, first };
}

/** The label-lexicon phrase that ends at word `end - 1` (lowercase, outside names), with its patron if relational. */
export function labelEndingAt(ctx: ArticleContext, end: number, floor: number): LabelPhrase | null {
  const at = (i: number) => (i >= floor && i < end ? (ctx.words[i] as Word) : undefined);
  const last = at(end - 1);
  if (!last || !isLabelWord(ctx, end - 1)) return null;
  const before = at(end - 2);
  let from = end - 1;
  let info = LABEL_NOUNS.get(last.bare);
  if (before && isLabelWord(ctx, end - 2) && SPACE.test(gap(ctx, end - 2, end - 1))) {
    const two = LABEL_NOUNS.get(`${before.bare} ${last.bare}`);
    if (two) {
      info = two;
      from = end - 2;
    }
  }
  if (!info) return null;
  let text = ctx.words.slice(from, end).map(plain).join(' ');
  const patron = at(from - 1);
  if (info.relational && patron && (inName(ctx, from - 1) || inDemonym(ctx, from - 1)) && SPACE.test(gap(ctx, from - 1, from))) {
    text = `${patron.text} ${text}`;
    from--;
  }
  return { text, info, from, to: end };
}

/** The label-lexicon phrase that starts at word `start` (case-insensitive, outside names); no patron. */
export function labelStartingAt(ctx: ArticleContext, start: number, ceil: number): LabelPhrase | null {
  const w = start < ceil ? (ctx.words[start] as Word) : undefined;
  if (!w || inName(ctx, start)) return null;
  const next = start + 1 < ceil && !inName(ctx, start + 1) ? (ctx.words[start + 1] as Word) : undefined;
  if (next && SPACE.test(gap(ctx, start, start + 1))) {
    const two = LABEL_NOUNS.get(`${w.lower} ${next.bare}`);
    if (two && !w.possessive) return { text: `${w.text} ${plain(next)}`, info: two, from: start, to: start + 2 };
  }
  const one = LABEL_NOUNS.get(w.bare);
  return one ? { text: plain(w), info: one, from: start, to: start + 1 } : null;
}

/** A word as written, without a possessive 's. */
export const plain = (w: Word): string => (w.possessive ? w.text.slice(0, -2) : w.text);

function isLabelWord(ctx: ArticleContext, i: number): boolean {
  const w = ctx.words[i] as Word;
  return !inName(ctx, i) && !inDemonym(ctx, i) && /^\p{Ll}/u.test(w.text);
}

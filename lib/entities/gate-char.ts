import { CharClass, classify } from '../text/chars';
import { ARTICLES_BEFORE_HYPHEN, foldToken } from '../text/fold';

/** Stands for a letter that folds to nothing (a combining mark, a tatweel) until the skeleton has split elisions. */
export const FOLDS_AWAY = '\u0001';
/** Stands for an ayn or hamza mark (ʿ ʾ), which may open a word, until the skeleton has split elisions. */
export const OPENING_JOINER = '\u0002';
/** The other joiners (’ ´ ʼ ...), and the two above once elisions are split. */
export const JOINER = "'";

/**
 * What the gate's prefold turns one character of a page into: its fold inside a word (é → e, أ → ا), a joiner
 * or a placeholder, a space for anything else. Shared by the build, which lists the characters it changes
 * (gate-pattern.ts), and the content script, which rewrites them (lib/page/gate.ts).
 */
export function gateChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const cls = classify(cp);
  if (cls === CharClass.Joiner) return cp === 0x2bf || cp === 0x2be ? OPENING_JOINER : JOINER;
  if (cls === CharClass.Word) return foldToken(ch) || FOLDS_AWAY;
  return ' ';
}

// The placeholders are control characters no word has: the prefold turns a page's own into spaces.
// eslint-disable-next-line no-control-regex -- the placeholders above
const PLACEHOLDERS = /[\u0001\u0002]/g;

/** A prefolded text as folding reads it: letters that fold away gone, every joiner an apostrophe. */
export function withoutPlaceholders(prefolded: string): string {
  return prefolded.replace(PLACEHOLDERS, (c) => (c === FOLDS_AWAY ? '' : JOINER));
}

const PARTICLE = `(?<![a-z0-9])(?:${[...ARTICLES_BEFORE_HYPHEN].sort((a, b) => b.length - a.length).join('|')})`;
/** An article particle before a hyphen or a space ("al-", "ez ", "Hashd al Shaabi"): the tokenizer drops it. */
const PARTICLES = new RegExp(`${PARTICLE}(?=[-\\u2010-\\u2013\\u00ad\\s])`, 'g');
/** A possessive ("Raqqa's"): the word ends before it. */
const POSSESSIVES = /'s(?![a-z0-9])/g;
/**
 * A French elided article (l'Etat, d'Alep, qu'Assad, after a quote too): a word of its own, unless something
 * of the word comes before it (a mark, an ayn), as the tokenizer judges it on the text as written.
 */
// eslint-disable-next-line no-control-regex -- the placeholders above
const ELISIONS = /(?<![a-z0-9\u0001\u0002])(qu|[cdjlmnst])['\u0002](?=[a-z0-9\u0001])/g;
/** Apostrophes inside a word (Da'esh): folded away. */
const INNER_JOINERS = /(?<=[a-z0-9])'+(?=[a-z0-9])/g;
const DOUBLED = /([a-z])\1+/g;
/** A final "h" after "a" in a word of four letters or more (Raqqah), once runs are single. */
const FINAL_H = /(?<=[a-z0-9]{2}a)h(?![a-z0-9])/g;
const SEPARATORS = /[^a-z0-9]+/g;

/**
 * The Latin words of a prefolded, lower-cased text as their skeletons, one space apart: elisions split, no
 * possessive, apostrophe or article particle, "e" as "i", runs of one letter as one, no final "h" after "a".
 * Every word the tokenizer folds to a name's word has the skeleton of that word (gateSkeleton of the folded
 * name), so the gate looks for names as plain strings. Some words that are no name get a name's skeleton too:
 * the gate may pass a page that the matcher then rules out, never the reverse.
 */
export function gateSkeleton(lower: string): string {
  // In this order: a particle is a word of its own, so apostrophes inside words go first (Et'at is no "at").
  return withoutPlaceholders(lower.replace(ELISIONS, '$1 '))
    .replace(POSSESSIVES, ' ')
    .replace(INNER_JOINERS, '')
    .replace(PARTICLES, ' ')
    .replaceAll('e', 'i')
    .replace(DOUBLED, '$1')
    .replace(FINAL_H, '')
    .replace(SEPARATORS, ' ');
}

import { CharClass, classify } from '../text/chars';
import { ARTICLES_BEFORE_HYPHEN, foldToken } from '../text/fold';

/**
 * What the gate's prefold turns one character of a page into: its fold inside a word (é → e, أ → ا, a mark →
 * nothing), an apostrophe for a joiner (’ ʿ), a space for anything else. Shared by the build, which lists the
 * characters it changes (gate-pattern.ts), and the content script, which rewrites them (lib/page/gate.ts).
 */
export function gateChar(ch: string): string {
  const cls = classify(ch.codePointAt(0) ?? 0);
  if (cls === CharClass.Joiner) return "'";
  if (cls === CharClass.Word) return foldToken(ch);
  return ' ';
}

const PARTICLE = `(?<![a-z0-9])(?:${[...ARTICLES_BEFORE_HYPHEN].sort((a, b) => b.length - a.length).join('|')})`;
/** An article particle before a hyphen or a space ("al-", "ez ", "Hashd al Shaabi"): the tokenizer drops it. */
const PARTICLES = new RegExp(`${PARTICLE}(?=[-\\u2010-\\u2013\\u00ad\\s])`, 'g');
/** A possessive ("Raqqa's"): the word ends before it. */
const POSSESSIVES = /'s(?![a-z0-9])/g;
/** A French elided article (l'Etat, d'Alep, qu'Assad): a word of its own. */
const ELISIONS = /(?<![a-z0-9'])(qu|[cdjlmnst])'(?=[a-z0-9])/g;
/** Apostrophes inside a word (Da'esh): folded away. */
const INNER_JOINERS = /(?<=[a-z0-9])'+(?=[a-z0-9])/g;
const DOUBLED = /([a-z])\1+/g;
/** A final "h" after "a" in a word of four letters or more (Raqqah), once runs are single. */
const FINAL_H = /(?<=[a-z0-9]{2}a)h(?![a-z0-9])/g;
const SEPARATORS = /[^a-z0-9]+/g;

/**
 * The Latin words of a prefolded, lower-cased text as their skeletons, one space apart: no article particle,
 * possessive or apostrophe, "e" as "i", runs of one letter as one, no final "h" after "a". Every word the
 * tokenizer folds to a name's word has the skeleton of that word (gateSkeleton of the folded name), so the
 * gate looks for names as plain strings. Some words that are no name get a name's skeleton too: the gate may
 * pass a page that the matcher then rules out, never the reverse.
 */
export function gateSkeleton(lower: string): string {
  return lower
    .replace(PARTICLES, ' ')
    .replace(POSSESSIVES, ' ')
    .replace(ELISIONS, '$1 ')
    .replace(INNER_JOINERS, '')
    .replaceAll('e', 'i')
    .replace(DOUBLED, '$1')
    .replace(FINAL_H, '')
    .replace(SEPARATORS, ' ');
}

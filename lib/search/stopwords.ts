import { foldToken } from '../text';

/**
 * Function words of the three corpus languages (English, French, German), folded like everything else.
 * A selection made only of these ("the", "and", "is", "de") names nothing: it never gets a fuzzy entity,
 * and a gazetteer alias that folds to one of them (IS, US, UN, ME, SAA → "sa") counts only when written
 * exactly as the alias, capitals included — the look-up's stand-in for the gazetteer's `caseSensitive`,
 * which EntityRecord does not carry. "I" is left out: it folds like the numeral II ("Geneva II").
 */
const WORDS = `
a an the of and or nor but in on at to for by with from into onto over under about as than then so if
is are was were be been being am do does did has have had it its this that these those there here
me my we us our you your he him his she her they them their who whom which what when where why how
not no yes all any some each one also only just very too can will would shall should may might must
le la les l un une des du de d et ou en au aux sa son ses se ce ces qui que qu dans sur par pour est
der die das den dem des ein eine einen einem einer und oder im vom von zu zum zur mit ist auf fur bei aus
al el ul
`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean).map(foldToken));

export function isStopword(folded: string): boolean {
  return STOPWORDS.has(folded);
}

const NON_LETTER = /[^\p{L}\p{N}]/gu;

/** Letters and digits only, case kept: "U.S." and "US" compare equal, "IS" and "is" do not. */
export function lettersOf(text: string): string {
  return text.replace(NON_LETTER, '');
}

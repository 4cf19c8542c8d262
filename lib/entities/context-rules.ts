import { wordNorm, type Words } from '../text';

/** What a context rule sees: the whole text, its words, and the candidate match as a word range. */
export interface MatchContext {
  text: string;
  tokens: Words;
  /** First word of the candidate. */
  first: number;
  /** One past the last word of the candidate. */
  last: number;
  surface: string;
}

export type ContextRule = (m: MatchContext) => boolean;

const LETTERS = /\p{L}/u;
const LOWER = /\p{Ll}/u;

function wordAt(m: MatchContext, t: number): string | null {
  if (t < 0 || t >= m.tokens.length) return null;
  return m.text.slice(m.tokens.starts[t], m.tokens.ends[t]);
}

/** All in capitals: letters, none of them lower case. */
export function isShouted(word: string | null): boolean {
  if (word === null || word.length < 2) return false;
  // ASCII by character codes: the Unicode-property expressions compile on first use, on every page.
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) return LETTERS.test(word) && !LOWER.test(word);
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  return upper;
}

/**
 * Capitals carry the meaning of "IS", "US", "UN": in a shouted line ("WHAT IS THIS") every word is
 * capitalised and the capitals mean nothing, so the alias is only taken when its neighbours are not shouted too.
 */
export const notInShoutedText: ContextRule = (m) =>
  !(isShouted(wordAt(m, m.first - 1)) && isShouted(wordAt(m, m.last)));

/** "IS" the group, not an emphasised verb ("it IS true", "there IS no"). */
const VERB_SUBJECTS = new Set(['it', 'this', 'that', 'there', 'what', 'who', 'he', 'she', 'which', 'here', 'where', 'how', 'why']);
const isTheGroup: ContextRule = (m) => {
  if (!notInShoutedText(m)) return false;
  const before = m.first > 0 ? wordNorm(m.tokens, m.text, m.first - 1) : undefined;
  return before === undefined || !VERB_SUBJECTS.has(before);
};

/** "Assad" alone is Bashar al-Assad unless the text is speaking of another Assad (his father Hafez, his brother Maher...). */
const OTHER_ASSADS = new Set(['hafez', 'hafiz', 'maher', 'bushra', 'basel', 'basil', 'asma', 'rifat', 'rifaat', 'bashir']);
const FATHER_WORDS = /\b(father|elder|late|senior)\s+(al-)?Assad\b/i;
const isBashar: ContextRule = (m) => {
  const before = m.first > 0 ? wordNorm(m.tokens, m.text, m.first - 1) : undefined;
  if (before !== undefined && OTHER_ASSADS.has(before)) return false;
  const windowStart = Math.max(0, (m.tokens.starts[m.first] as number) - 40);
  const near = m.text.slice(windowStart, m.tokens.ends[m.last - 1]);
  if (FATHER_WORDS.test(near)) return false;
  // In a passage about Hafez, a bare "Assad" is most likely him: look back one paragraph's worth.
  const back = m.text.slice(Math.max(0, (m.tokens.starts[m.first] as number) - 300), m.tokens.starts[m.first]);
  return !/\bHafe?i?z\b/i.test(back) || /\bBashar\b/i.test(back);
};

/** Rules by folded alias. A folded alias claimed by two entities is only allowed when a rule here settles it. */
const RULES = new Map<string, ContextRule>([
  ['is', isTheGroup],
  ['asad', isBashar],
]);

export function hasContextRule(folded: string): boolean {
  return RULES.has(folded);
}

export function contextRuleFor(folded: string): ContextRule | undefined {
  return RULES.get(folded);
}

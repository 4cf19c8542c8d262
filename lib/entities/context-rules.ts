import { skeletonKey, wordNorm, WordKind, type Words } from '../text';

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

/**
 * Words that speak of the Islamic State. "Isis" written in lower case is the group in British usage, but also
 * the Egyptian goddess, the Thames at Oxford, a given name, a brand: there it is the group only when such
 * words stand near it. Whole words, looked up by the skeleton key the tokenizer gives each ASCII word (no
 * string built), so "war" does not find "warned".
 */
const GROUP_WORDS = new Set(
  [
    'militant', 'militants', 'militancy', 'fighter', 'fighters', 'jihad', 'jihadi', 'jihadis', 'jihadist', 'jihadists',
    'extremist', 'extremists', 'extremism', 'terror', 'terrorist', 'terrorists', 'terrorism', 'insurgent', 'insurgents',
    'insurgency', 'caliphate', 'islamist', 'islamists', 'islamic', 'syria', 'syrian', 'syrians', 'iraq', 'iraqi',
    'iraqis', 'mosul', 'raqqa', 'baghdadi', 'daesh', 'isil', 'attack', 'attacks', 'attacked', 'attacker', 'attackers',
    'bomb', 'bombs', 'bombing', 'bombings', 'bomber', 'bombers', 'suicide', 'claim', 'claims', 'claimed', 'beheading',
    'beheadings', 'beheaded', 'hostage', 'hostages', 'airstrike', 'airstrikes', 'coalition', 'kurd', 'kurds', 'kurdish',
    'sdf', 'troops', 'offensive', 'stronghold', 'strongholds', 'recruit', 'recruits', 'recruited', 'recruitment',
    'propaganda', 'gunman', 'gunmen', 'massacre', 'massacres', 'sharia', 'radicalised', 'radicalized', 'khorasan',
    'assad', 'military', 'killed', 'defeat', 'defeated', 'remnants', 'war', 'wars', 'warfare', 'army', 'armies', 'jets',
  ].map(skeletonKey),
);
/** Words either side of a lower-case "Isis" that are searched for those (a long paragraph's worth). */
const GROUP_CONTEXT_SPAN = 60;

/**
 * For a text's words, how many of the group's words come before each word, counted as far as an "Isis" has
 * needed: a page of nothing but "Isis" costs one pass over its words, not a window per mention.
 */
interface GroupWordCounts {
  before: Int32Array;
  countedUpTo: number;
}
const groupWordCounts = new WeakMap<Words, GroupWordCounts>();

function groupWordsBefore(tokens: Words, end: number): Int32Array {
  let c = groupWordCounts.get(tokens);
  if (!c) groupWordCounts.set(tokens, (c = { before: new Int32Array(tokens.length + 1), countedUpTo: 0 }));
  const { before } = c;
  for (let t = c.countedUpTo; t < end; t++) {
    const isGroupWord = tokens.kinds[t] !== WordKind.Folded && GROUP_WORDS.has(tokens.keys[t] as number);
    before[t + 1] = (before[t] as number) + (isGroupWord ? 1 : 0);
  }
  c.countedUpTo = Math.max(c.countedUpTo, end);
  return before;
}

const speaksOfTheGroup = (m: MatchContext): boolean => {
  const from = Math.max(0, m.first - GROUP_CONTEXT_SPAN);
  const to = Math.min(m.tokens.length, m.last + GROUP_CONTEXT_SPAN);
  const before = groupWordsBefore(m.tokens, to);
  const inside = (before[m.last] as number) - (before[m.first] as number);
  return (before[to] as number) - (before[from] as number) - inside > 0;
};

/** "ISIS" in capitals is the group (unless the whole line is shouted); "Isis" only where the text speaks of it. */
const isIsis: ContextRule = (m) => (isShouted(m.surface) && notInShoutedText(m)) || speaksOfTheGroup(m);

/** Whether the text between two offsets is spaces only (no punctuation, no line break). */
function onlySpacesBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 0x20 && text.charCodeAt(i) !== 0xa0) return false;
  return true;
}

const startsUpperCase = (text: string, at: number) => {
  const c = text.charAt(at);
  return c !== c.toLowerCase();
};

/**
 * "Shia" as a man's given name ("Mohammed Shia al-Sudani", Iraq's prime minister from 2022): a capitalised
 * name just before it and a capitalised "al-" name just after it.
 */
const notInPersonalName: ContextRule = (m) => {
  const { tokens, text } = m;
  const before = m.first - 1;
  const after = m.last;
  if (before < 0 || after >= tokens.length) return true;
  const articleAfter = (tokens.starts[after] as number) < (tokens.wordStarts[after] as number);
  return !(
    articleAfter &&
    startsUpperCase(text, tokens.wordStarts[before] as number) &&
    startsUpperCase(text, tokens.wordStarts[after] as number) &&
    onlySpacesBetween(text, tokens.ends[before] as number, tokens.starts[m.first] as number) &&
    onlySpacesBetween(text, tokens.ends[m.last - 1] as number, tokens.starts[after] as number)
  );
};

/** Rules by folded alias. A folded alias claimed by two entities is only allowed when a rule here settles it. */
const RULES = new Map<string, ContextRule>([
  ['is', isTheGroup],
  ['asad', isBashar],
  ['isis', isIsis],
  ['shia', notInPersonalName],
]);

export function hasContextRule(folded: string): boolean {
  return RULES.has(folded);
}

export function contextRuleFor(folded: string): ContextRule | undefined {
  return RULES.get(folded);
}

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
 * Where the group's words stand among a text's words, for words `from` up to `to` (looked at once each): a
 * text is matched left to right, so each "Isis" extends the span only by what its window adds. A page of
 * nothing but "Isis" costs one pass over its words, and a news page only the windows around its mentions.
 */
interface GroupWordScan {
  from: number;
  to: number;
  /** Indices of the group's words in [from, to), ascending. */
  at: number[];
}
const groupWordScans = new WeakMap<Words, GroupWordScan>();

function isGroupWord(tokens: Words, t: number): boolean {
  return tokens.kinds[t] !== WordKind.Folded && GROUP_WORDS.has(tokens.keys[t] as number);
}

/** The scan of `tokens` covering words [from, to): extended, or started afresh where it does not reach back or across. */
function groupWordsIn(tokens: Words, from: number, to: number): GroupWordScan {
  let scan = groupWordScans.get(tokens);
  if (!scan || from < scan.from || from > scan.to) groupWordScans.set(tokens, (scan = { from, to: from, at: [] }));
  for (let t = scan.to; t < to; t++) if (isGroupWord(tokens, t)) scan.at.push(t);
  scan.to = Math.max(scan.to, to);
  return scan;
}

/** Index of the first entry of ascending `a` that is at least `x`. */
function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const speaksOfTheGroup = (m: MatchContext): boolean => {
  const from = Math.max(0, m.first - GROUP_CONTEXT_SPAN);
  const to = Math.min(m.tokens.length, m.last + GROUP_CONTEXT_SPAN);
  const { at } = groupWordsIn(m.tokens, from, to);
  // A group word in the window, not inside the candidate itself.
  for (let k = lowerBound(at, from); k < at.length && (at[k] as number) < to; k++) {
    const t = at[k] as number;
    if (t < m.first || t >= m.last) return true;
  }
  return false;
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

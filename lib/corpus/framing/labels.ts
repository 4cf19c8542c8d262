/**
 * Lexicons behind the descriptor rules (see README.md). All entries are lowercase; multiword entries are
 * space-separated and tried before single words.
 */

export interface LabelInfo {
  /** Evaluative: the word itself takes a side (regime, terrorists, proxies), unlike neutral ones (government, forces). */
  telling: boolean;
  /** Names a relation to a patron (proxies, allies, front group): in "the proxies of Y", Y is the patron, not the proxy. */
  relational?: boolean;
  /** A polity or rule: the only labels read off "Y's X" ("Assad's regime") and off a neutral alias ("Syrian government"). */
  polity?: boolean;
}

const telling = (extra: Partial<LabelInfo> = {}): LabelInfo => ({ telling: true, ...extra });
const neutral = (extra: Partial<LabelInfo> = {}): LabelInfo => ({ telling: false, ...extra });

/** Labelling nouns: what an article may call an actor. */
export const LABEL_NOUNS: ReadonlyMap<string, LabelInfo> = new Map<string, LabelInfo>([
  // Polities and rule. "regime" vs "government" is the split the coverage of Syria is best known for.
  ['regime', telling({ polity: true })],
  ['regimes', telling({ polity: true })],
  ['dictatorship', telling({ polity: true })],
  ['theocracy', telling({ polity: true })],
  ['caliphate', telling({ polity: true })],
  ['statelet', telling({ polity: true })],
  ['proto-state', telling({ polity: true })],
  ['government', neutral({ polity: true })],
  ['governments', neutral({ polity: true })],
  ['administration', neutral({ polity: true })],
  ['state', neutral({ polity: true })],
  ['authorities', neutral({ polity: true })],
  // Armed actors, evaluative.
  ['terrorist group', telling()],
  ['terrorist groups', telling()],
  ['terrorist organisation', telling()],
  ['terrorist organization', telling()],
  ['terror group', telling()],
  ['terrorists', telling()],
  ['terrorist', telling()],
  ['rebels', telling()],
  ['rebel', telling()],
  ['militants', telling()],
  ['jihadists', telling()],
  ['jihadis', telling()],
  ['insurgents', telling()],
  ['extremists', telling()],
  ['moderates', telling()],
  ['militias', telling()],
  ['militia', telling()],
  ['mercenaries', telling()],
  ['liberators', telling()],
  ['liberator', telling()],
  ['occupation', telling()],
  ['occupiers', telling()],
  ['occupier', telling()],
  // Relations to a patron.
  ['front group', telling({ relational: true })],
  ['proxies', telling({ relational: true })],
  ['proxy', telling({ relational: true })],
  ['allies', telling({ relational: true })],
  ['ally', telling({ relational: true })],
  ['puppets', telling({ relational: true })],
  ['puppet', telling({ relational: true })],
  ['assets', telling({ relational: true })],
  ['backers', telling({ relational: true })],
  // Armed actors and bodies, neutral.
  ['forces', neutral()],
  ['force', neutral()],
  ['fighters', neutral()],
  ['troops', neutral()],
  ['group', neutral()],
  ['groups', neutral()],
  ['organisation', neutral()],
  ['organisations', neutral()],
  ['organization', neutral()],
  ['organizations', neutral()],
  ['coalition', neutral()],
  ['movement', neutral()],
]);

/** Longest label-lexicon entry among the first words of `lowers` (two words, then one); 0 when none. */
export function labelLength(lowers: readonly string[]): number {
  if (lowers.length >= 2 && LABEL_NOUNS.has(`${lowers[0]} ${lowers[1]}`)) return 2;
  if (lowers.length >= 1 && LABEL_NOUNS.has(lowers[0] as string)) return 1;
  return 0;
}

/** Adjectives that qualify an actor evaluatively or by creed; read as premodifiers when right before a name or a label. */
export const EVALUATIVE_ADJECTIVES: ReadonlySet<string> = new Set([
  'terrorist', 'jihadi', 'jihadist', 'islamist', 'extremist', 'radical', 'militant', 'rebel', 'insurgent', 'moderate',
  'sectarian', 'lawless', 'predatory', 'brutal', 'murderous', 'bloodthirsty', 'barbaric', 'genocidal', 'fanatical',
  'criminal', 'illegal', 'illegitimate', 'legitimate', 'sovereign', 'foreign', 'alien', 'loyalist', 'mainstream',
  'fundamentalist', 'phoney', 'phony', 'notorious', 'apostate', 'alleged', 'supposed', 'proxy', 'puppet',
  'shia', 'shiite', 'sunni', 'alawite', 'wahhabi', 'salafi', 'salafist', 'takfiri',
]);

/** Participles that make an open compound with a preceding name ("Kurdish led", "US backed"), read as "Kurdish-led". */
export const PARTICIPLES: ReadonlySet<string> = new Set([
  'backed', 'led', 'supported', 'controlled', 'linked', 'funded', 'armed', 'sponsored', 'allied', 'aligned',
  'affiliated', 'dominated', 'trained', 'run', 'held', 'inspired', 'imposed', 'occupied', 'installed', 'financed',
]);

/**
 * First parts that make a hyphenated compound a modifier even when its last part is a name ("pro-Assad",
 * "mostly-Kurdish", "anti-ISIS"); compounds whose last part is lowercase ("US-backed", "star-crossed") always are.
 */
export const MODIFIER_PREFIXES: ReadonlySet<string> = new Set([
  'pro', 'anti', 'non', 'ex', 'neo', 'quasi', 'so', 'self', 'mostly', 'largely', 'predominantly', 'majority', 'all',
]);

/** Adverbs kept with the modifier they qualify ("allegedly Alawite-led"). */
export const HEDGES: ReadonlySet<string> = new Set([
  'mostly', 'largely', 'predominantly', 'heavily', 'allegedly', 'supposedly', 'reportedly', 'ostensibly', 'nominally',
]);

/** Words allowed inside a label phrase without being descriptors themselves ("proxy ground forces"). */
export const ADJUNCTS: ReadonlySet<string> = new Set(['ground', 'security', 'guerrilla', 'paramilitary', 'combat', 'armed', 'local', 'global']);

/** Titles before a name ("Russian President Vladimir Putin"): read as an apposition. */
export const TITLES: ReadonlySet<string> = new Set([
  'president', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'leader', 'caliph', 'king', 'emir', 'general',
  'commander', 'chief', 'ambassador', 'envoy', 'prince',
]);

/**
 * Heads of definite descriptions that may refer back to a named entity ("the group", "the regime's frontlines").
 * An entity qualifies when one of its aliases ends in the head (or a synonym). Heads such as "forces" and "army"
 * are left out: in the corpus "the weakest force" or "the loyalist forces" rarely mean the last force named.
 */
export const REFERRING_HEADS: ReadonlyMap<string, string> = new Map([
  ['regime', 'regime'],
  ['government', 'government'],
  ['administration', 'administration'],
  ['coalition', 'coalition'],
  ['group', 'group'],
  ['organisation', 'group'],
  ['organization', 'group'],
]);

/** Words that end a modifier run: a description never reaches across them. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'of', 'for', 'in', 'on', 'at', 'to', 'by', 'with', 'from', 'into', 'against', 'as', 'than', 'and', 'or', 'but',
  'which', 'who', 'whose', 'that', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'be', 'been', 'it', 'its',
  'their', 'his', 'her', 'our', 'this', 'these', 'those', 'a', 'an', 'the', 'same', 'sort', 'kind', 'other', 'such',
]);

/**
 * Framing groups the coverage of the Syrian war and ISIS splits over: in each group, the rival words for one thing.
 * Terms are matched on lowercase words with hyphenated compounds split, so "pro-regime" contains "regime" and
 * "US-backed" contains "backed"; multiword terms win over their parts ("regime change" is not "regime", "proxy war"
 * not "proxy").
 * Every term belongs to exactly one group. Inflections are listed explicitly: no stemming.
 */
export interface TermGroup {
  /** Shown with each term, e.g. "regime / government / administration". */
  name: string;
  /** What the split is about. */
  about: string;
  terms: readonly string[];
}

export const CONTESTED_GROUPS: readonly TermGroup[] = [
  {
    name: 'regime / government / administration',
    about: 'What to call a state\'s rulers: "regime" delegitimizes (used for Damascus and Tehran), "government" and "administration" are neutral.',
    terms: ['regime', 'regimes', 'government', 'governments', 'administration'],
  },
  {
    name: 'rebels / terrorists / opposition / militants / jihadists / insurgents / moderates / extremists',
    about: 'What to call armed non-state actors: the same fighters are "rebels" or "the opposition" to some and "terrorists" or "jihadists" to others.',
    terms: [
      'rebels', 'rebel', 'rebellion', 'terrorists', 'terrorist', 'terrorism', 'opposition', 'militants', 'militant',
      'jihadists', 'jihadist', 'jihadis', 'jihadi', 'jihadism', 'insurgents', 'insurgent', 'insurgency', 'moderates',
      'moderate', 'extremists', 'extremist', 'islamists', 'islamist', 'freedom fighters',
    ],
  },
  {
    name: 'liberated / captured / occupied / fell / seized / retaken / recaptured / freed',
    about: 'Taking ground: one side "liberates" or "frees" what the other "captures", "seizes" or "occupies".',
    terms: [
      'liberated', 'liberate', 'liberating', 'liberation', 'captured', 'capture', 'capturing', 'occupied', 'occupy',
      'occupies', 'occupying', 'fell', 'fall of', 'seized', 'seize', 'seizes', 'seizing', 'retaken', 'retake',
      'retook', 'retaking', 'recaptured', 'recapture', 'recapturing', 'freed', 'conquered', 'conquer', 'conquering',
      'conquest', 'conquests',
    ],
  },
  {
    name: 'intervention / invasion / occupation / aggression',
    about: 'A foreign military in Syria: "intervention" or "presence" to its backers, "invasion", "occupation" or "aggression" to its opponents.',
    terms: [
      'intervention', 'interventions', 'invasion', 'invading', 'invaded', 'invade', 'occupation', 'occupiers',
      'occupier', 'aggression', 'aggressor', 'presence', 'involvement',
    ],
  },
  {
    name: 'proxies / allies / backed',
    about: 'Relations to a patron: "allies" and "partners" honour them, "proxies", "assets", "puppets" and "front group" deny the client a will of its own.',
    terms: [
      'proxies', 'proxy', 'allies', 'ally', 'allied', 'backed', 'backing', 'backers', 'supported', 'sponsored',
      'sponsorship', 'assets', 'puppet', 'puppets', 'front group', 'partners', 'partner', 'partnership', 'collaborator',
    ],
  },
  {
    name: 'sovereign / sovereignty',
    about: 'Appeals to a state\'s sovereignty, which frames foreign forces present without its consent as illegitimate.',
    terms: ['sovereign', 'sovereignty'],
  },
  {
    name: 'legal / illegal / legitimate',
    about: 'Legality and legitimacy claimed or denied ("illegally-occupied", "the only legitimate government", "lawless militias").',
    terms: ['legal', 'illegal', 'illegally', 'legitimate', 'illegitimate', 'legitimacy', 'lawless', 'unlawful', 'international law'],
  },
  {
    name: 'caliphate / so-called caliphate / statelet',
    about: 'What to call ISIS\'s territory: its own "caliphate" or "Islamic State", or a distancing "so-called caliphate", "statelet", "proto-state".',
    terms: ['so-called caliphate', 'self-proclaimed caliphate', 'caliphate', 'caliph', 'statelet', 'proto-state', 'principality'],
  },
  {
    name: 'so-called / self-proclaimed / supposed',
    about: 'Distancing words that put a name or claim in doubt.',
    terms: ['so-called', 'self-proclaimed', 'self-styled', 'supposed', 'supposedly', 'alleged', 'allegedly', 'phoney', 'phony'],
  },
  {
    name: 'sectarian',
    about: 'Reading the war as sectarian (Sunni against Shia) or denying that reading.',
    terms: ['sectarian', 'sectarianism'],
  },
  {
    name: 'civil war / proxy war / uprising',
    about: 'What the war is: a civil war or revolution inside Syria, or a proxy war run from abroad.',
    terms: ['civil war', 'proxy war', 'proxy wars', 'proxies wars', 'uprising', 'revolution', 'insurrection'],
  },
  {
    name: 'regime change / topple / overthrow',
    about: 'The war\'s aim as its critics name it: "regime change", "toppling" or "overthrowing" a government.',
    terms: ['regime change', 'topple', 'toppled', 'toppling', 'overthrow', 'overthrown', 'overthrowing'],
  },
];

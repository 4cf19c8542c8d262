/**
 * Shared fast-check generators for the property tests (tests/unit/property-*.test.ts): hostile unicode text,
 * texts made of a small vocabulary of name parts (so that random gazetteers match often), random gazetteers,
 * and random DOM trees with every kind of subtree the page collector leaves out.
 */
import fc from 'fast-check';
import { ENTITY_TYPES, type EntitiesFile } from '../../../lib/entities/schema';

/** Runs per property: enough to be meaningful, small enough that the whole property suite stays well under 20 s. */
export const RUNS = { numRuns: 400 } as const;
/** Runs per property on jsdom trees (a few milliseconds each to build). */
export const DOM_RUNS = { numRuns: 200 } as const;

const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

/** Apostrophes and ayn/hamza marks the tokenizer keeps inside words, and the hyphens it splits on. */
export const JOINER_CHARS = "'`´‘’‛′ʼʻʾʿʹˈ";
export const HYPHEN_CHARS = '-\u2010\u2011\u2012\u2013\u00ad';

/**
 * One piece of hostile text: Latin letters, whitespace and punctuation, joiners and hyphens, combining marks,
 * Arabic letters and harakat, direction marks and zero-width characters, emoji (surrogate pairs, ZWJ
 * sequences), lone surrogates, letters with compatibility forms (ligatures, fullwidth, roman numerals),
 * any code point at all, and the fragments the tokenizer treats specially (article particles, possessive 's,
 * French elision, doubled letters, final -ah).
 */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzAEHILSZ0189') },
  { weight: 4, arbitrary: fc.constantFrom(' ', ' ', '  ', '\n', '\t', '\u00a0', '.', ',', ';', '(', ')', '"', '/', '…') },
  { weight: 3, arbitrary: fc.constantFrom(...JOINER_CHARS, ...HYPHEN_CHARS) },
  { weight: 2, arbitrary: codePoint(0x300, 0x36f) },
  { weight: 3, arbitrary: codePoint(0x621, 0x64a) },
  { weight: 2, arbitrary: codePoint(0x64b, 0x652) },
  { weight: 1, arbitrary: fc.constantFrom('ـ', 'ٱ', 'ة', 'ى', 'ی', 'ک', '٣', 'ال', 'وال', 'لل', 'ﻻ', 'ﷲ', 'ﷺ') },
  { weight: 1, arbitrary: fc.constantFrom('\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202e', '\u2066', '\u2069', '\u200b', '\u200c', '\u200d', '\ufeff', '\u061c') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '👍🏽', '🇸🇾', '👨‍👩‍👧', '𝐀', '𝔸', '𐐷', '😀\u0301') },
  { weight: 1, arbitrary: codePoint(0xd800, 0xdfff) },
  { weight: 1, arbitrary: fc.constantFrom('ß', 'İ', 'ı', 'ø', 'æ', 'œ', 'đ', 'ł', 'ﬁ', 'Ⅻ', '½', '⑴', '²', 'Ａ', 'ǅ', 'é', 'Ö', 'Ḥ', 'ǖ', 'Ω', 'Я', '中') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('al-', 'Al-', 'al ', 'AL ', 'al', 'ash-', 'el ', 'ez-', 'ad-', 'dh-', 'all ', 'All-', 'ell ', 'ass-', "'s", '’s', "l'", 'L’', 'qu’', 'd’', 'ʿ', 'ʾ', 'ee', 'ah', 'Raqqah', 'Deir', 'zz'),
  },
);

/** Any text, built from hostile pieces. */
export const hostileText: fc.Arbitrary<string> = fc.array(hostilePiece, { maxLength: 30 }).map((a) => a.join(''));

/** Any text at all, including what `hostileText` does not think of. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  hostileText,
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.array(codePoint(0, 0xffff), { maxLength: 30 }).map((a) => a.join('')),
);

/**
 * Name parts with spellings that fold alike, plus filler words. Chosen so that none folds to a context-rule
 * alias ("is", "asad") and none is a dropped article particle on its own; "U.S." brings the dotted
 * abbreviation rule, "al-Qaeda" the dropped article, "Raqqa’s" the possessive, the Arabic forms the proclitics.
 */
export const VOCABULARY: readonly (readonly string[])[] = [
  ['Raqqa', 'RAQQAH', 'raqa', 'Raqqah', 'Raqqa’s', 'al-Raqqa'],
  ['Deir', 'DEIR', 'Déir', 'deir'],
  ['Zor', 'ez-Zor', 'ZOR', 'Zör'],
  ['Syria', 'SYRIA', 'syria', "Syria's"],
  ['Syrian', 'syrian', 'SYRIAN'],
  ['army', 'Army', 'ARMY'],
  ['Free', 'free', 'FREE'],
  ['siege', 'Siege'],
  ['of', 'OF'],
  ['State', 'state', 'STATE'],
  ['Islamic', 'islamic', 'ISLAMIC'],
  ['Qaeda', 'al-Qaeda', 'Al Qaeda'],
  ['U.S.', 'U.S'],
  ['US'],
  ['الرقة', 'والرقة', 'للرقة'],
  ['دير'],
  ['the', 'and', 'in', 'The', 'news', 'said', 'THE', 'NEWS', 'all', 'All'],
];
const VOCAB_WORDS = VOCABULARY.flat();

export const vocabularyWord: fc.Arbitrary<string> = fc.constantFrom(...VOCAB_WORDS);

const SEPARATORS = [' ', ' ', ' ', ' ', ', ', '. ', '\n', ' - ', '-', '  ', '\u00a0', ' (', ') ', '; ', '\n\n', ' al-', ': '];

/** Texts of vocabulary words and separators, with a little hostile noise: names are found often. */
export const vocabularyText: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 9, arbitrary: vocabularyWord }, { weight: 1, arbitrary: hostilePiece }),
      fc.constantFrom(...SEPARATORS),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** An alias: one to four vocabulary words joined by spaces or hyphens (a small vocabulary: shared prefixes). */
const alias: fc.Arbitrary<string> = fc
  .array(fc.tuple(vocabularyWord, fc.constantFrom(' ', ' ', '-')), { minLength: 1, maxLength: 4 })
  .map((ws) => ws.map(([w, s], i) => (i === 0 ? w : s + w)).join(''));

/**
 * A gazetteer of one to six entities with random aliases, demonyms and case-sensitive aliases. Two entities
 * may claim the same folded alias (compileGazetteer reports it, and the first one wins).
 */
export const gazetteerFile: fc.Arbitrary<EntitiesFile> = fc
  .array(
    fc.record({
      type: fc.constantFrom(...ENTITY_TYPES),
      aliases: fc.array(alias, { minLength: 1, maxLength: 4 }),
      demonyms: fc.array(alias, { maxLength: 2 }),
      caseSensitive: fc.array(fc.nat(), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((entities) => ({
    version: 'property',
    entities: entities.map((e, i) => {
      const forms = [...e.aliases, ...e.demonyms];
      const caseSensitive = [...new Set(e.caseSensitive.map((k) => forms[k % forms.length] as string))];
      return {
        id: `e${i}`,
        type: e.type,
        name: e.aliases[0] as string,
        description: 'Generated.',
        relevance: 'core' as const,
        aliases: e.aliases,
        ...(e.demonyms.length > 0 ? { demonyms: e.demonyms } : {}),
        ...(caseSensitive.length > 0 ? { caseSensitive } : {}),
      };
    }),
  }));

// ---------------------------------------------------------------------------------------------------------
// Random DOM trees

/** How an element is set up; the excluded ones must contribute no text to the page text. */
export const VARIANTS = [
  'plain',
  'plain',
  'plain',
  'plain',
  'hidden',
  'aria-hidden',
  'aria-hidden-false',
  'contenteditable',
  'contenteditable-plaintext',
  'contenteditable-false',
  'display-none',
  'visibility-hidden',
  'role-textbox',
  'own-ui',
] as const;
export type Variant = (typeof VARIANTS)[number];

/** Variants whose element (and subtree) gives no text. */
export const EXCLUDED_VARIANTS: ReadonlySet<Variant> = new Set(['hidden', 'aria-hidden', 'contenteditable', 'contenteditable-plaintext', 'display-none', 'visibility-hidden', 'role-textbox', 'own-ui']);
/** Tags whose subtree gives no text whatever their attributes. */
export const EXCLUDED_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'input', 'template', 'noscript', 'button', 'select']);
/** Tags laid out as blocks (so the page text puts a line break around them). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set(['div', 'p', 'section', 'li', 'h2', 'blockquote', 'br', 'img', 'td']);
const VOID_TAGS = new Set(['input', 'br', 'img']);
const SHOWN_TAGS = ['div', 'div', 'p', 'section', 'li', 'h2', 'td', 'span', 'span', 'span', 'b', 'a', 'a', 'em', 'br', 'img'];
const HIDDEN_TAGS = ['script', 'style', 'textarea', 'input', 'button', 'template'];

export type DomSpec = { kind: 'text'; text: string } | { kind: 'el'; tag: string; variant: Variant; children: DomSpec[] };

/** Text of a text node: words (vocabulary, so that the matcher finds names), whitespace only, empty, or hostile. */
export const nodeText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: vocabularyText },
  { weight: 2, arbitrary: fc.array(vocabularyWord, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '  ', '\n', ' \n\t ', '\u00a0') },
  { weight: 1, arbitrary: hostileText },
);

const domNode: fc.Arbitrary<DomSpec> = fc.letrec<{ node: DomSpec; text: DomSpec; el: DomSpec }>((tie) => ({
  node: fc.oneof({ depthSize: 'medium', withCrossShrink: true }, { weight: 3, arbitrary: tie('text') }, { weight: 3, arbitrary: tie('el') }),
  text: nodeText.map((text): DomSpec => ({ kind: 'text', text })),
  el: fc
    .record({
      tag: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...SHOWN_TAGS) }, { weight: 1, arbitrary: fc.constantFrom(...HIDDEN_TAGS) }),
      variant: fc.oneof({ weight: 4, arbitrary: fc.constant<Variant>('plain') }, { weight: 1, arbitrary: fc.constantFrom(...VARIANTS) }),
      children: fc.array(tie('node'), { maxLength: 5, depthIdentifier: 'dom' }),
    })
    .map((e): DomSpec => ({ kind: 'el', ...e })),
})).node;

/** The children of <body>. */
export const domTree: fc.Arbitrary<DomSpec[]> = fc.array(domNode, { maxLength: 8 });

/** Marks set by the builder on the elements, for the tests' own reference computations (the collector ignores them). */
export const EXCLUDED_MARK = 'data-test-excluded';
export const BLOCK_MARK = 'data-test-block';
/** Text inside excluded subtrees is prefixed with this character, which visible text never contains. */
export const HIDDEN_MARKER = '§';

export interface BuiltDom {
  /** Every text node created, in document order, with whether it lies in an excluded subtree. */
  texts: Array<{ node: Text; excluded: boolean }>;
  /** Every element created, with whether it lies in an excluded subtree (itself included). */
  elements: Array<{ el: Element; tag: string; variant: Variant; excluded: boolean }>;
}

function applyVariant(el: HTMLElement, variant: Variant): void {
  switch (variant) {
    case 'hidden': el.setAttribute('hidden', ''); break;
    case 'aria-hidden': el.setAttribute('aria-hidden', 'true'); break;
    case 'aria-hidden-false': el.setAttribute('aria-hidden', 'false'); break;
    case 'contenteditable': el.setAttribute('contenteditable', 'true'); break;
    case 'contenteditable-plaintext': el.setAttribute('contenteditable', 'plaintext-only'); break;
    case 'contenteditable-false': el.setAttribute('contenteditable', 'false'); break;
    case 'display-none': el.style.display = 'none'; break;
    case 'visibility-hidden': el.style.visibility = 'hidden'; break;
    case 'role-textbox': el.setAttribute('role', 'textbox'); break;
    case 'own-ui': el.setAttribute('data-crossframe', ''); break;
    case 'plain': break;
  }
}

/** Builds the tree under `parent` (which is emptied first) with DOM calls only. */
export function buildDom(parent: HTMLElement, specs: DomSpec[]): BuiltDom {
  const doc = parent.ownerDocument;
  parent.replaceChildren();
  const built: BuiltDom = { texts: [], elements: [] };
  const add = (into: Node, spec: DomSpec, excludedAbove: boolean) => {
    if (spec.kind === 'text') {
      const text = excludedAbove && spec.text.length > 0 ? HIDDEN_MARKER + spec.text : spec.text;
      const node = doc.createTextNode(text);
      into.appendChild(node);
      built.texts.push({ node, excluded: excludedAbove });
      return;
    }
    const el = doc.createElement(spec.tag);
    applyVariant(el, spec.variant);
    const excluded = excludedAbove || EXCLUDED_TAGS.has(spec.tag) || EXCLUDED_VARIANTS.has(spec.variant);
    if (EXCLUDED_TAGS.has(spec.tag) || EXCLUDED_VARIANTS.has(spec.variant)) el.setAttribute(EXCLUDED_MARK, '');
    if (BLOCK_TAGS.has(spec.tag)) el.setAttribute(BLOCK_MARK, '');
    into.appendChild(el);
    built.elements.push({ el, tag: spec.tag, variant: spec.variant, excluded });
    if (VOID_TAGS.has(spec.tag)) return;
    // A <template>'s children are appended to the element itself (as a parser would not): still excluded.
    for (const child of spec.children) add(el, child, excluded);
  };
  for (const spec of specs) add(parent, spec, false);
  return built;
}

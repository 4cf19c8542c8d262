/**
 * Property-based tests of the normalization (lib/text): the single folding behind the matcher, the look-up and
 * the re-anchoring of snippets. Issue 9 "Prove it".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldToken, normalize, normalizeWithMap, skeletonKey, tokenize, tokenizeLazily, toOriginalRange, wordNorm, WordKind } from '../../lib/text';
import { ARTICLES_BEFORE_HYPHEN } from '../../lib/text/fold';
import { anyText, hostileText, HYPHEN_CHARS, JOINER_CHARS, RUNS, vocabularyText } from './helpers/arbitraries';
import { explainToken, hasLeakedArticle, particleOf } from './helpers/reference-matcher';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether offset `i` falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

/** Any text: hostile pieces, name-like words, arbitrary code points. */
const texts = fc.oneof(hostileText, vocabularyText, anyText);

/** The words of the folded text, with their offsets in it. */
function foldedWords(folded: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  if (folded.length === 0) return out;
  let at = 0;
  for (const w of folded.split(' ')) {
    out.push({ start: at, end: at + w.length });
    at += w.length + 1;
  }
  return out;
}

describe('normalization properties', () => {
  it('never throws on any string (lone surrogates, RTL marks, combining marks, emoji, Arabic with harakat) and returns well-formed results', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (x, a, b) => {
        const tokens = tokenize(x);
        const folded = normalize(x);
        const map = normalizeWithMap(x);
        expect(typeof foldToken(x)).toBe('string');
        expect(typeof folded).toBe('string');
        expect(tokens.norms.length).toBe(tokens.length);
        expect(map.starts.length).toBe(map.text.length);
        expect(map.ends.length).toBe(map.text.length);
        const L = map.text.length;
        const s = L === 0 ? 0 : a % (L + 1);
        const e = L === 0 ? 0 : s + (b % (L - s + 1));
        const r = toOriginalRange(map, s, e);
        expect(0 <= r.start && r.start <= r.end && r.end <= x.length).toBe(true);
      }),
      RUNS,
    );
  });

  it('tokens are non-empty, in order, non-overlapping, within bounds, and never split a surrogate pair', () => {
    fc.assert(
      fc.property(texts, (x) => {
        const { length, norms, starts, ends } = tokenize(x);
        for (let t = 0; t < length; t++) {
          const s = starts[t] as number;
          const e = ends[t] as number;
          expect((norms[t] as string).length).toBeGreaterThan(0);
          expect(0 <= s && s < e && e <= x.length).toBe(true);
          if (t + 1 < length) expect(e).toBeLessThanOrEqual(starts[t + 1] as number);
          expect(splitsPair(x, s) || splitsPair(x, e)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it("each token's folded form is foldToken of its word; before the word its span holds only dropped article particles", () => {
    fc.assert(
      fc.property(texts, (x) => {
        const tokens = tokenize(x);
        for (let t = 0; t < tokens.length; t++) {
          const problem = explainToken(x, tokens, t);
          // Known bug B1 is pinned by its own it.fails below.
          if (problem !== 'leaked-article') expect(problem, `in ${JSON.stringify(x)}`).toBeNull();
        }
      }),
      RUNS,
    );
  });

  // BUG B1 (lib/text/tokenize.ts, `if (norm.length === 0) continue;`): `articleStart`, set when an article
  // particle is dropped, is not reset when the next word folds to nothing (a lone tatweel, a lone haraka or
  // combining mark). The next real word then starts at the particle: tokenize('al-ـ foo') gives the token
  // "fo" with span [0, 8) = "al-ـ foo" instead of [5, 8) = "foo". The stretch crosses anything, line breaks
  // included: tokenize('al-ـ\nRaqqa') spans [0, 10), so the matcher marks "al-ـ\nRaqqa" across two blocks.
  it('B1: a dropped article particle does not stretch a later word over a word that folds to nothing', () => {
    fc.assert(
      fc.property(texts, (x) => !hasLeakedArticle(x)),
      { ...RUNS, examples: [['al-ـ foo'], ['Al-\u0651 Raqqa']] },
    );
  });

  /** Texts that often end with an article particle (or a word that folds like one), to test what follows it. */
  const endingInParticle = fc.oneof(texts, fc.tuple(texts, fc.constantFrom('al', 'Al', 'el', 'ash', 'al-', 'all', 'ʿal')).map(([t, p]) => `${t} ${p}`));

  it('tokenizing is local: two texts separated by a punctuation mark tokenize as each does alone', () => {
    fc.assert(
      fc.property(endingInParticle, texts, fc.constantFrom(' | ', '\n', '. ', ' , '), (a, b, sep) => {
        const joined = a + sep + b;
        fc.pre(!hasLeakedArticle(joined)); // B1 leaks a span across any separator
        const whole = tokenize(joined);
        const left = tokenize(a);
        const right = tokenize(b);
        const shift = a.length + sep.length;
        expect(whole.norms).toEqual([...left.norms, ...right.norms]);
        expect(Array.from(whole.starts.subarray(0, whole.length))).toEqual([
          ...Array.from(left.starts.subarray(0, left.length)),
          ...Array.from(right.starts.subarray(0, right.length), (v) => v + shift),
        ]);
        expect(Array.from(whole.ends.subarray(0, whole.length))).toEqual([
          ...Array.from(left.ends.subarray(0, left.length)),
          ...Array.from(right.ends.subarray(0, right.length), (v) => v + shift),
        ]);
      }),
      RUNS,
    );
  });

  it('normalize(x) is the folded words joined by single spaces, and normalizeWithMap(x).text === normalize(x)', () => {
    fc.assert(
      fc.property(texts, (x) => {
        const folded = normalize(x);
        expect(folded).toBe(tokenize(x).norms.join(' '));
        expect(normalizeWithMap(x).text).toBe(folded);
      }),
      RUNS,
    );
  });

  it('is case-insensitive: upper- or lower-casing the ASCII letters changes nothing', () => {
    fc.assert(
      fc.property(texts, (x) => {
        const upper = x.replace(/[a-z]+/g, (s) => s.toUpperCase());
        const lower = x.replace(/[A-Z]+/g, (s) => s.toLowerCase());
        expect(normalize(upper)).toBe(normalize(x));
        expect(normalize(lower)).toBe(normalize(x));
      }),
      RUNS,
    );
  });

  // Without apostrophes: an accent on the s of a possessive ('ś) or on an elided article (ĺ’) rightly
  // makes them letters of a word rather than the marks the tokenizer looks for.
  const latinWord = fc.stringMatching(/^[a-zA-Z]{1,8}$/);
  const latinText = fc
    .array(fc.tuple(fc.oneof(latinWord, fc.constantFrom('al', 'Al', 'ash', 'el', 'ez', 'Raqqah', 'Deir', 'Zor', 'Mayadeen')), fc.constantFrom(' ', '-', ', ', '\n', '\u00a0', '. ')), { maxLength: 12 })
    .map((parts) => parts.map(([w, s]) => w + s).join(''));
  const arabicWord = fc.array(fc.integer({ min: 0x621, max: 0x64a }), { minLength: 1, maxLength: 7 }).map((cps) => String.fromCodePoint(...cps));
  const arabicText = fc.array(arabicWord, { maxLength: 10 }).map((ws) => ws.join(' '));

  const addMarks = (x: string, marks: number[], positions: number[]) => {
    // Each mark goes after a letter of its own script (Latin marks after Latin letters, harakat after Arabic ones).
    const chars = [...x];
    marks.forEach((mark, k) => {
      const latin = mark < 0x600;
      const letters = chars.map((c, i) => ((latin ? /^[a-zA-Z]/ : /^[\u0621-\u064a]/).test(c) ? i : -1)).filter((i) => i >= 0);
      if (letters.length === 0) return;
      const at = letters[(positions[k] ?? 0) % letters.length] as number;
      chars[at] += String.fromCodePoint(mark);
    });
    return chars.join('');
  };
  const marks = fc.array(fc.oneof(fc.integer({ min: 0x300, max: 0x36f }), fc.integer({ min: 0x64b, max: 0x652 }), fc.constant(0x640)), { maxLength: 20 });


  it('is diacritic-insensitive: combining marks on Latin letters, harakat and tatweel in Arabic words change nothing', () => {
    fc.assert(
      fc.property(fc.oneof(latinText, arabicText), marks, fc.array(fc.nat(), { maxLength: 20 }), (x, ms, positions) => {
        const marked = addMarks(x, ms, positions);
        expect(normalize(marked), JSON.stringify(marked)).toBe(normalize(x));
      }),
      RUNS,
    );
  });

  // B4 (fixed): the tokenizer gated particles on their length as written, which counts combining marks, so
  // an article particle written with decomposed accents (NFD text, as macOS and some CMSs produce) was not
  // dropped: normalize('a\u0300sh-Sham') was 'ash sham', not 'sham'. A gate of 8 units still failed with seven
  // marks (found by this property); the gate is now the folded word's length.
  it('B4: an article particle with decomposed accents is dropped like the plain one', () => {
    fc.assert(
      fc.property(latinText, marks, fc.array(fc.nat(), { maxLength: 20 }), (x, ms, positions) => normalize(addMarks(x, ms, positions)) === normalize(x)),
      { ...RUNS, examples: [['ash-Sham', [0x300], [0]], ['al Qaeda', Array<number>(7).fill(0x301), Array<number>(7).fill(0)]] },
    );
  });

  /** Latin words rich in what foldLatin rewrites: e runs, doubled letters, final -ah. */
  const latinWordParts = fc
    .array(fc.constantFrom('a', 'e', 'h', 'l', 'q', 'r', 's', 'y', 'A', 'E', 'H', 'ee', 'ah', 'qq', 'aa'), { minLength: 1, maxLength: 8 })
    .map((p) => p.join(''));

  it('foldToken is idempotent on Latin words (transliteration variants: ee → i, doubled letters, final -ah)', () => {
    fc.assert(
      fc.property(latinWordParts, (w) => {
        expect(foldToken(foldToken(w))).toBe(foldToken(w));
      }),
      RUNS,
    );
  });

  const asciiWord = fc
    .array(fc.constantFrom('a', 'e', 'h', 'i', 'l', 'q', 's', 'A', 'E', 'H', 'I', 'ee', 'ah', 'qq', 'aa', 'hh', '0', '00', '7'), { minLength: 1, maxLength: 8 })
    .map((p) => p.join(''));

  it('ASCII words that fold alike share a skeleton key, computed alike by the tokenizer (the matcher skips words by key)', () => {
    fc.assert(
      fc.property(asciiWord, asciiWord, (w, v) => {
        const key = skeletonKey(foldToken(w));
        expect(skeletonKey(w.toLowerCase())).toBe(key);
        const words = tokenizeLazily(w);
        expect(words.length).toBe(1);
        expect(words.kinds[0]).not.toBe(WordKind.Folded);
        expect(words.keys[0]).toBe(key);
        if (foldToken(v) === foldToken(w)) expect(skeletonKey(v.toLowerCase())).toBe(key);
      }),
      { ...RUNS, examples: [['Raqqah', 'raqa'], ['Mayadeen', 'mayadin'], ['aahh', 'a'], ['2001', '201']] },
    );
  });

  it('lazy tokenizing gives the same words as eager tokenizing, and every ASCII word the key of its folded form', () => {
    fc.assert(
      fc.property(texts, (x) => {
        const eager = tokenize(x);
        const lazy = tokenizeLazily(x);
        expect(lazy.length).toBe(eager.length);
        for (let t = 0; t < eager.length; t++) {
          expect([lazy.starts[t], lazy.ends[t]]).toEqual([eager.starts[t], eager.ends[t]]);
          expect(wordNorm(lazy, x, t)).toBe(eager.norms[t]);
          if (lazy.kinds[t] !== WordKind.Folded) expect(lazy.keys[t]).toBe(skeletonKey(eager.norms[t] as string));
        }
      }),
      RUNS,
    );
  });

  it("words tokenized into an earlier text's arrays are the words tokenized afresh", () => {
    fc.assert(
      fc.property(texts, texts, (a, b) => {
        const earlier = tokenizeLazily(a);
        const reused = tokenizeLazily(b, earlier);
        const fresh = tokenizeLazily(b);
        expect(reused.length).toBe(fresh.length);
        const view = (w: typeof fresh) => Array.from({ length: w.length }, (_, t) => [w.starts[t], w.ends[t], w.wordStarts[t], w.kinds[t], w.keys[t]]);
        expect(view(reused)).toEqual(view(fresh));
      }),
      RUNS,
    );
  });

  // NOT IDEMPOTENT: normalize(normalize(x)) !== normalize(x), for two independent reasons.
  //  1. Article particles dropped before a space (tokenize.ts isDroppedArticle, ARTICLES_BEFORE_SPACE) are read
  //     in the folded text, where punctuation is gone and doubled letters are single: normalize('Al, Qaeda') =
  //     'al qaeda' → 'qaeda'; normalize('volcanic ash, smoke') = 'volcanic ash smoke' → 'volcanic smoke';
  //     normalize('all the troops') = 'al the trops' → 'the trops'.
  //  2. NFKC in foldToken turns one word into text with non-word characters (fold.ts foldUncached):
  //     normalize('⑴') = '(1)' → '1'; normalize('½') = '1⁄2' → '1 2'; normalize('ﷺ') = 'صلي الله عليه وسلم'
  //     (one token holding spaces, see B2) → 'صلي له عليه سلم'.
  // No caller folds a folded text today (compile, look-up, snippets all fold raw text once), so this is a latent
  // trap rather than a live bug, except for the consequence named in 2 (B2).
  it.fails('normalize is idempotent: normalize(normalize(x)) === normalize(x)', () => {
    fc.assert(
      fc.property(texts, (x) => normalize(normalize(x)) === normalize(x)),
      { ...RUNS, examples: [['Al, Qaeda'], ['⑴']] },
    );
  });

  // BUG B2 (lib/text/fold.ts foldUncached, `raw.normalize('NFKC')` runs before the joiners are removed): NFKC
  // turns some word characters into text with a space. The acute accent ´ (U+00B4), which JOINERS lists as an
  // ayn/hamza transliteration mark, becomes " ́" (space + combining acute): tokenize("Sha´abi").norms is
  // ["sha abi"] (one word holding a space) where "Sha'abi" gives ["shabi"]. compileGazetteer splits folded
  // aliases on spaces, so the alias "Hashd al-Sha´abi" compiles to "hashd sha abi" and never matches even its
  // own text (the page gives the two words "hashd", "sha abi"). The ligatures ﷺ (U+FDFA) and ﷻ (U+FDFB) do the
  // same ("صلي الله عليه وسلم" as one word), and a word-aligned range of normalizeWithMap maps the first
  // folded word of such a token back to the whole token.
  it('B2: a folded word never contains a space', () => {
    fc.assert(
      fc.property(texts, (x) => tokenize(x).norms.every((n) => !/\s/.test(n))),
      { ...RUNS, examples: [['Sha´abi'], ['ﷺ']] },
    );
  });

  // Words that may open with an ayn/hamza mark, after a space, a hyphen or a punctuation mark. Not the article
  // particles: "ʿal-" is no spelling of the article, and the tokenizer rightly keeps it as a word.
  const insertAyn = (x: string, positions: number[]) => {
    const starts = [...x.matchAll(/(?<![A-Za-z])[A-Za-z]+/g)].filter((m) => particleOf(m[0]) === null).map((m) => m.index);
    if (starts.length === 0) return x;
    const at = new Set(positions.map((p) => starts[p % starts.length] as number));
    return [...x].map((c, i) => (at.has(i) ? `ʿ${c}` : c)).join('');
  };

  // BUG B3 (lib/text/tokenize.ts isDroppedArticle, `isWordAt(text, end + 1)`): an article particle is dropped
  // only when a letter follows the hyphen or space, not an ayn mark opening the word, although the tokenizer
  // lets a word open with one (ʿAli): normalize('al-ʿAli') = 'al ali' but normalize('al-Ali') = 'ali', so the
  // scholarly spelling "Abu Muhammad al-ʿAdnani" folds to "abu muhamad al adnani" and misses "al-Adnani".
  const AFTER_PARTICLE = new RegExp(`(?:^|[^A-Za-z])(?:${[...ARTICLES_BEFORE_HYPHEN].join('|')})[${HYPHEN_CHARS} \u00a0]ʿ`, 'i');

  it('an ayn mark opening a word folds away (except after an article particle: B3)', () => {
    fc.assert(
      fc.property(latinText, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (x, positions) => {
        const marked = insertAyn(x, positions);
        fc.pre(!AFTER_PARTICLE.test(marked));
        expect(normalize(marked), JSON.stringify(marked)).toBe(normalize(x));
      }),
      RUNS,
    );
  });

  it('B3: an ayn mark opening a word (ʿAli) folds away like any other', () => {
    fc.assert(
      fc.property(latinText, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (x, positions) => normalize(insertAyn(x, positions)) === normalize(x)),
      { ...RUNS, examples: [['al-Ali', [1]]] },
    );
  });

  /** Bug B6: a token whose own text still ends in a possessive 's once its possessive is left out. */
  const hasDoublePossessive = (x: string, tokens = tokenize(x)) =>
    Array.from({ length: tokens.length }, (_, t) => x.slice(tokens.starts[t], tokens.ends[t])).some((w) => w.length > 2 && /[sS]$/.test(w) && JOINER_CHARS.includes(w[w.length - 2] as string));

  it('every word-aligned range of the folded text maps back to original text that normalizes to those words', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (x, a, b) => {
        const tokens = tokenize(x);
        fc.pre(tokens.norms.every((n) => !n.includes(' '))); // B2
        fc.pre(!hasDoublePossessive(x, tokens)); // B6
        const map = normalizeWithMap(x);
        const words = foldedWords(map.text);
        fc.pre(words.length > 0);
        const i = a % words.length;
        const j = i + (b % (words.length - i));
        const s = (words[i] as { start: number }).start;
        const e = (words[j] as { end: number }).end;
        const r = toOriginalRange(map, s, e);
        expect(r).toEqual({ start: tokens.starts[i], end: tokens.ends[j] });
        const back = x.slice(r.start, r.end);
        expect(normalize(back), `${JSON.stringify(x)} → ${JSON.stringify(back)}`).toBe(map.text.slice(s, e));
      }),
      RUNS,
    );
  });

  // BUG B6 (minor; lib/text/tokenize.ts, the possessive rule): a word that ends in 's twice ("Ra's's", "x's's")
  // loses its possessive, and its span "Ra's" then reads as a possessive again when taken on its own:
  // normalize("Ra's's army") = 'ras army', but the text that toOriginalRange gives back for the folded word
  // 'ras' is "Ra's", and normalize("Ra's") = 'ra': the span no longer folds to its own folded word.
  it.fails("B6: the text of a token's span folds to that token's folded word", () => {
    fc.assert(
      fc.property(texts, (x) => {
        const tokens = tokenize(x);
        return Array.from({ length: tokens.length }, (_, t) => t).every((t) => normalize(x.slice(tokens.starts[t], tokens.ends[t])) === tokens.norms[t]);
      }),
      { ...RUNS, examples: [["Ra's's army"]] },
    );
  });
});

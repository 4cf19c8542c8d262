import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, createAnchorer, type AnchorResult } from '../../lib/snippets/anchor';
import { CONTEXT_LENGTH, MAX_QUOTE_LENGTH, SelectionError, describeSelection } from '../../lib/snippets/selectors';

const ARTICLE = [
  'Raqqa, Syria — In October 2017 the city of Raqqa fell to the Syrian Democratic Forces after a four-month battle.',
  'The coalition said the campaign had destroyed the last urban stronghold of the self-declared caliphate.',
  'Residents returning to the old city found whole streets in ruins, and the coalition said that reconstruction would take years.',
  'Human rights groups disputed the official count of civilian deaths, arguing that air strikes had killed far more people than admitted.',
  'Months later, the coalition said again that it had acted lawfully, while local councils asked for help clearing mines.',
].join('\n');

const select = (text: string, quote: string, from = 0) => {
  const i = text.indexOf(quote, from);
  if (i < 0) throw new Error(`fixture: ${quote} not in text`);
  return describeSelection(text, i, i + quote.length);
};

const anchoredText = (text: string, r: AnchorResult) => (r.status === 'anchored' ? text.slice(r.start, r.end) : null);

describe('describeSelection', () => {
  it('keeps the exact text, 32 characters of context on each side, and the offsets', () => {
    const quote = 'destroyed the last urban stronghold';
    const [q, p] = select(ARTICLE, quote);
    const start = ARTICLE.indexOf(quote);
    expect(q).toEqual({
      type: 'TextQuoteSelector',
      exact: quote,
      prefix: ARTICLE.slice(start - CONTEXT_LENGTH, start),
      suffix: ARTICLE.slice(start + quote.length, start + quote.length + CONTEXT_LENGTH),
    });
    expect(q.prefix).toHaveLength(32);
    expect(p).toEqual({ type: 'TextPositionSelector', start, end: start + quote.length });
  });

  it('shortens the context at the edges of the text', () => {
    const [q] = describeSelection('Raqqa fell.', 0, 5);
    expect(q).toMatchObject({ exact: 'Raqqa', prefix: '', suffix: ' fell.' });
  });

  it('trims white space around the selection and moves the offsets with it', () => {
    const text = 'before\n  Raqqa fell \n after';
    const [q, p] = describeSelection(text, 6, 21);
    expect(q.exact).toBe('Raqqa fell');
    expect(text.slice(p.start, p.end)).toBe('Raqqa fell');
  });

  it.each([
    ['an empty selection', 'abc', 1, 1],
    ['a blank selection', 'a \n\t\u00a0\u200b b', 1, 7],
  ])('rejects %s with a SelectionError of kind "empty"', (_label, text, start, end) => {
    expect(() => describeSelection(text, start, end)).toThrow(SelectionError);
    try {
      describeSelection(text, start, end);
    } catch (e) {
      expect((e as SelectionError).kind).toBe('empty');
    }
  });

  it.each([
    [-1, 2],
    [2, 1],
    [0, 99],
    [0.5, 2],
  ])('rejects the range %d–%d as out of range', (start, end) => {
    expect(() => describeSelection('abc', start, end)).toThrow(expect.objectContaining({ kind: 'out-of-range' }));
  });

  it(`caps a very long selection at ${MAX_QUOTE_LENGTH} characters instead of refusing it`, () => {
    const text = 'word '.repeat(10_000);
    const [q, p] = describeSelection(text, 0, text.length);
    expect(q.exact.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(q.exact.length).toBeGreaterThan(MAX_QUOTE_LENGTH - 5);
    expect(p.end - p.start).toBe(q.exact.length);
    expect(q.suffix).toBe(text.slice(p.end, p.end + 32));
  });

  it('never cuts a character in half (surrogate pairs in the quote and the context)', () => {
    const text = `${'😀'.repeat(20)}Raqqa${'😀'.repeat(20)}`;
    const at = text.indexOf('Raqqa');
    const [q] = describeSelection(text, at, at + 5);
    expect(q.prefix.length).toBeLessThanOrEqual(32);
    expect(q.prefix.charCodeAt(0)).toBeGreaterThanOrEqual(0xd800); // starts on a high surrogate
    expect(q.prefix.charCodeAt(0)).toBeLessThan(0xdc00);
    expect(q.suffix.charCodeAt(q.suffix.length - 1)).toBeGreaterThanOrEqual(0xdc00); // ends on a low surrogate
    // A selection that starts inside a pair is widened to the whole character.
    const [inside] = describeSelection(text, 1, 3);
    expect(inside.exact).toBe('😀😀');
  });
});

describe('anchor', () => {
  it('finds an unchanged quote by its position', () => {
    const sel = select(ARTICLE, 'the city of Raqqa fell');
    const r = anchor(ARTICLE, sel);
    expect(r).toMatchObject({ status: 'anchored', method: 'position', score: 1, start: sel[1].start, end: sel[1].end });
  });

  it('finds moved text (content inserted before it) by the exact quote', () => {
    const sel = select(ARTICLE, 'the city of Raqqa fell');
    const moved = `Advertisement: subscribe now for full access to our reporting.\n${ARTICLE}`;
    const r = anchor(moved, sel);
    expect(r).toMatchObject({ status: 'anchored', method: 'quote' });
    expect(r.status === 'anchored' && r.start).toBe(moved.indexOf('the city of Raqqa fell'));
    expect(anchoredText(moved, r)).toBe('the city of Raqqa fell');
  });

  it('finds edited text (a few characters changed inside the quote) by fuzzy match', () => {
    const quote = 'Human rights groups disputed the official count of civilian deaths';
    const sel = select(ARTICLE, quote);
    const editedQuote = 'Human-rights groups disputed the official tally of civilian deaths';
    const edited = ARTICLE.replace(quote, editedQuote);
    const r = anchor(edited, sel);
    expect(r).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    const at = edited.indexOf(editedQuote);
    expect(r.status === 'anchored' && Math.abs(r.start - at)).toBeLessThanOrEqual(1);
    expect(r.status === 'anchored' && Math.abs(r.end - (at + editedQuote.length))).toBeLessThanOrEqual(1);
    expect(r.status === 'anchored' && r.score).toBeGreaterThan(0.8);
  });

  it('finds edited text that also moved far away (whole-text fuzzy pass)', () => {
    const quote = 'Human rights groups disputed the official count of civilian deaths';
    const sel = select(ARTICLE, quote);
    const editedQuote = 'Human rights groups disputed the official tally of civilian deaths';
    const filler = 'Unrelated report on grain prices and weather in the region. '.repeat(300); // 18,000 characters
    const edited = filler + ARTICLE.replace(quote, editedQuote);
    const r = anchor(edited, sel);
    expect(r).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    expect(r.status === 'anchored' && r.start).toBe(edited.indexOf(editedQuote));
  });

  it('finds text whose white space, case and typographic quotes changed by the normalized match', () => {
    const text = 'The group declared a "caliphate" in June 2014, claiming authority over Muslims.';
    const sel = select(text, 'declared a "caliphate" in June');
    const retyped = 'The group DECLARED a  “caliphate”\nin June 2014, claiming authority over Muslims.';
    const r = anchor(retyped, sel);
    expect(r).toMatchObject({ status: 'anchored', method: 'normalized' });
    expect(anchoredText(retyped, r)).toBe('DECLARED a  “caliphate”\nin June');
  });

  it('takes back the punctuation around a normalized match (quote marks, trailing comma)', () => {
    const text = 'He said: "Raqqa has fallen," and left.';
    const sel = select(text, '"Raqqa has fallen,"');
    const retyped = 'He said: “Raqqa  has fallen,” and left.';
    const r = anchor(retyped, sel);
    expect(r).toMatchObject({ method: 'normalized' });
    expect(anchoredText(retyped, r)).toBe('“Raqqa  has fallen,”');
  });

  it('picks the right one of repeated quotes by prefix/suffix, even when another sits at the stored position', () => {
    const quote = 'the coalition said';
    const second = ARTICLE.indexOf(quote, ARTICLE.indexOf(quote) + 1);
    const sel = describeSelection(ARTICLE, second, second + quote.length);
    // Shift the text so that the FIRST occurrence lands exactly on the stored offsets: position alone would pick it.
    const first = ARTICLE.indexOf(quote);
    const shifted = `${'x'.repeat(second - first - 1)}\n${ARTICLE}`;
    expect(shifted.indexOf(quote)).toBe(second);
    const r = anchor(shifted, sel);
    expect(r).toMatchObject({ status: 'anchored', method: 'quote' });
    expect(r.status === 'anchored' && r.start).toBe(second + (second - first));
  });

  it('uses the stored position to choose between occurrences with the same context', () => {
    const text = 'ISIS. ISIS. ISIS. ISIS.';
    const sel = describeSelection(text, 12, 16);
    const r = anchor(`${text} `, [sel[0], { ...sel[1], start: 13, end: 17 }]);
    expect(r).toMatchObject({ method: 'quote', start: 12 });
  });

  it('accepts a heavily edited sentence (73 % alike) in place, where its context agrees, but not out of context', () => {
    const quote = 'Human rights groups disputed the official count of civilian deaths';
    const sel = select(ARTICLE, quote);
    const rewritten = 'Rights groups contested the official tally of civilian deaths';
    const inPlace = ARTICLE.replace(quote, rewritten);
    const r = anchor(inPlace, sel);
    expect(r).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    expect(r.status === 'anchored' && Math.abs(r.start - inPlace.indexOf(rewritten))).toBeLessThanOrEqual(2);
    // The same rewritten sentence on another page, in other words: not the saved passage.
    expect(anchor(`Elsewhere in the world. ${rewritten}, said a spokesman on Monday.`, sel)).toEqual({ status: 'orphan' });
  });

  it('does not take a look-alike short phrase in another context for a removed one', () => {
    const text = 'After weeks of shelling the city of Homs fell to government troops in May.';
    const sel = select(text, 'the city of Homs fell');
    // One letter pair away ("Hama" for "Homs"), but nothing around it matches: a short quote needs its context.
    expect(anchor('Protests spread quickly, and by summer the city of Hama fell silent again.', sel)).toEqual({ status: 'orphan' });
    // With its context the same two-letter change is accepted.
    expect(anchor(text.replace('Homs', 'Hims'), sel)).toMatchObject({ status: 'anchored', method: 'fuzzy' });
  });

  it('reports a removed quote as an orphan', () => {
    const quote = 'Residents returning to the old city found whole streets in ruins, and the coalition said that reconstruction would take years.';
    const sel = select(ARTICLE, quote);
    const removed = ARTICLE.replace(`${quote}\n`, '');
    expect(anchor(removed, sel)).toEqual({ status: 'orphan' });
  });

  it('reports an orphan for an empty page and for a short quote whose text is gone', () => {
    const sel = select(ARTICLE, 'Raqqa fell');
    expect(anchor('', sel)).toEqual({ status: 'orphan' });
    expect(anchor('Mosul was retaken in July 2017 by Iraqi forces.', sel)).toEqual({ status: 'orphan' });
  });

  it('does not take a loosely similar sentence for a quote that was removed', () => {
    const text = 'The coalition said the campaign had destroyed the last stronghold.\nThe ministry said the operation had destroyed the final refuge.';
    const sel = select(text, 'The coalition said the campaign had destroyed the last stronghold.');
    expect(anchor(text.split('\n')[1]!, sel)).toEqual({ status: 'orphan' });
  });

  it('never throws on damaged selectors', () => {
    const [q, p] = select(ARTICLE, 'Raqqa fell');
    expect(anchor(ARTICLE, [q, { ...p, start: Number.NaN, end: 1e30 }])).toMatchObject({ status: 'anchored', method: 'quote' });
    expect(anchor(ARTICLE, [{ ...q, exact: '' }, p])).toEqual({ status: 'orphan' });
    expect(anchor(ARTICLE, [] as never)).toEqual({ status: 'orphan' });
  });

  it('createAnchorer anchors several snippets of one text like anchor does', () => {
    const sels = ['Raqqa fell', 'the coalition said', 'air strikes'].map((q) => select(ARTICLE, q));
    const text = `New banner\n${ARTICLE.replace('air strikes', 'air  strikes')}`;
    const one = createAnchorer(text);
    expect(sels.map((s) => one(s))).toEqual(sels.map((s) => anchor(text, s)));
  });
});

describe('anchoring properties (fast-check)', () => {
  // Small alphabets make repeats, white space and near-misses common; full Unicode covers surrogates and marks.
  const texts = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'ab c\n“”Raq.'), minLength: 1, maxLength: 300 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
  );
  const withRange = texts.chain((text) =>
    fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })).map(([t, a, b]) => ({ text: t, start: Math.min(a, b), end: Math.max(a, b) })),
  );
  const describeOrSkip = (text: string, start: number, end: number) => {
    try {
      return describeSelection(text, start, end);
    } catch (e) {
      if (e instanceof SelectionError && e.kind === 'empty') return null;
      throw e;
    }
  };

  it('describe → anchor on the same text gives back the same range by position', () => {
    fc.assert(
      fc.property(withRange, ({ text, start, end }) => {
        const sel = describeOrSkip(text, start, end);
        if (!sel) return;
        expect(text.slice(sel[1].start, sel[1].end)).toBe(sel[0].exact);
        expect(anchor(text, sel)).toEqual({ status: 'anchored', start: sel[1].start, end: sel[1].end, method: 'position', score: 1 });
      }),
      { numRuns: 500 },
    );
  });

  it('after random text is inserted outside the range, the quote is still found with the right exact text', () => {
    fc.assert(
      fc.property(withRange, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), ({ text, start, end }, insert, before, where) => {
        const sel = describeOrSkip(text, start, end);
        if (!sel) return;
        const [q, p] = sel;
        const at = before ? Math.floor(where * p.start) : p.end + Math.floor(where * (text.length - p.end));
        const changed = text.slice(0, at) + insert + text.slice(at);
        const r = anchor(changed, sel);
        expect(r.status).toBe('anchored');
        expect(anchoredText(changed, r)).toBe(q.exact);
        // When the quote occurs once in the new text, it is that occurrence.
        if (changed.indexOf(q.exact) === changed.lastIndexOf(q.exact)) {
          expect(r.status === 'anchored' && r.start).toBe(changed.indexOf(q.exact));
        }
      }),
      { numRuns: 500 },
    );
  });
});

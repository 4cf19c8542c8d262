/**
 * The tokenizer, the folding and the context rules class common characters by code range instead of by
 * Unicode-property expressions (whose first use compiles for about a millisecond on every page). These tests
 * hold the ranges to the properties they stand for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isShouted } from '../../lib/entities/context-rules';
import { CharClass, compute } from '../../lib/text/chars';
import { stripMarks } from '../../lib/text/fold';

const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const MARKS = /\p{M}/gu;

describe('code-range fast paths agree with the Unicode properties', () => {
  it('every code point from U+0080 to U+2FFF is a word character exactly when it is a letter, number or mark', () => {
    const wrong: string[] = [];
    for (let cp = 0x80; cp < 0x3000; cp++) {
      const cls = compute(cp);
      // Joiners and hyphens are classed by their own lists, before any range.
      if (cls === CharClass.Joiner || cls === CharClass.Hyphen) continue;
      if ((cls === CharClass.Word) !== WORD.test(String.fromCodePoint(cp))) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('stripMarks removes exactly the combining marks, of any script', () => {
    const mark = fc.constantFrom('\u0301', '\u0308', '\u0327', '\u036f', '\u064e', '\u0651', '\u0670', '\u093c', '\u20dd', '\ufe20');
    const piece = fc.oneof(fc.string(), mark, fc.constantFrom('é'.normalize('NFD'), 'ع', 'x'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(stripMarks(s)).toBe(s.replace(MARKS, ''));
      }),
    );
    expect(stripMarks('Bas\u0327ar')).toBe('Basar');
    expect(stripMarks('ٱلرَّقَّة')).toBe('ٱلرقة');
  });

  it('isShouted: letters all in capitals, by character codes for ASCII and by properties otherwise', () => {
    const reference = (w: string) => w.length >= 2 && /\p{L}/u.test(w) && !/\p{Ll}/u.test(w);
    // Each edge of the ASCII ranges and a few non-ASCII letters, mixed in short words.
    const char = fc.constantFrom('@', 'A', 'I', 'S', 'Z', '[', '`', 'a', 's', 'z', '{', '0', '9', '.', "'", 'É', 'é', 'Д', 'д', 'ع');
    const word = fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: char, maxLength: 5 }), fc.constantFrom('ZZ', 'AZ', 'Az', 'A.', 'ÉTAT', 'État'));
    fc.assert(
      fc.property(word, (w) => {
        expect(isShouted(w)).toBe(reference(w));
      }),
    );
    expect(isShouted(null)).toBe(false);
  });
});

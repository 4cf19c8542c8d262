import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SnippetRecord } from '../../lib/db/snippet-types';
import { parseSnippet, validateSnippet, InvalidSnippetError } from '../../lib/snippets/schema';
import { describeSelection } from '../../lib/snippets/selectors';
import { normalizeTags } from '../../lib/snippets/tags';

const base: SnippetRecord = {
  id: '0b9f4a8e-3c1d-4e5f-9a7b-123456789abc',
  created: 1_700_000_000_000,
  updated: 1_700_000_000_000,
  deleted: 0,
  source: { kind: 'page', url: 'https://www.bbc.com/news/raqqa', title: 'Raqqa', site: 'www.bbc.com' },
  selectors: describeSelection('In 2017 Raqqa fell to the SDF.', 8, 18),
  note: '',
  tags: [],
  entities: ['raqqa'],
};

describe('snippet schema', () => {
  it('accepts a well-formed page snippet and a corpus snippet, unchanged', () => {
    expect(parseSnippet(base)).toEqual(base);
    const corpus = { ...base, source: { kind: 'corpus', url: 'https://example.org/a', title: 'A', site: 'corpus', article: 'whitney-isis-last-stand', passage: 0 } };
    expect(parseSnippet(corpus)).toEqual(corpus);
  });

  it('fills `deleted` when a record has none (a version-1 record)', () => {
    const { deleted: _deleted, ...v1 } = base;
    expect(parseSnippet(v1)).toEqual(base);
  });

  it.each([
    ['an unknown field', { colour: 'red' }, /Unrecognized key/],
    ['an unknown source field', { source: { ...base.source, favicon: 'x' } }, /Unrecognized key/],
    ['a corpus source without its article', { source: { kind: 'corpus', url: 'https://e.org/', title: 'A', site: 'corpus', passage: 1 } }, /source\.article/],
    ['a corpus source whose site is not "corpus"', { source: { kind: 'corpus', url: 'https://e.org/', title: 'A', site: 'e.org', article: 'a', passage: 1 } }, /source\.site/],
    ['an id with spaces', { id: 'my snippet' }, /^id:/],
    ['a blank quote', { selectors: [{ ...base.selectors[0], exact: '   ' }, { ...base.selectors[1], end: base.selectors[1].start + 3 }] }, /only white space/],
    ['a prefix over 32 characters', { selectors: [{ ...base.selectors[0], prefix: 'x'.repeat(33) }, base.selectors[1]] }, /prefix/],
    ['a URL with a space', { source: { ...base.source, url: 'https://e.org/a b' } }, /not a valid URL/],
    ['a data: URL', { source: { ...base.source, url: 'data:text/html,<script>alert(1)</script>' } }, /not a valid URL/],
    ['a fractional time', { created: 1.5, updated: 2 }, /whole number/],
    ['a string entity list', { entities: 'raqqa' }, /entities/],
  ])('refuses %s', (_label, change, message) => {
    const v = validateSnippet({ ...base, ...change });
    expect(v.ok).toBe(false);
    expect(!v.ok && v.message).toMatch(message);
    expect(() => parseSnippet({ ...base, ...change })).toThrow(InvalidSnippetError);
  });

  it('normalizes tags: trimmed, inner white space collapsed, empties dropped, deduplicated ignoring case, order kept', () => {
    expect(normalizeTags(['  Raqqa ', 'battle', 'RAQQA', '', '   ', 'civil \t war', 'Battle'])).toEqual(['Raqqa', 'battle', 'civil war']);
    expect(parseSnippet({ ...base, tags: [' a ', 'A'], entities: ['raqqa', 'raqqa'] })).toMatchObject({ tags: ['a'], entities: ['raqqa'] });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        expect(typeof validateSnippet(a).ok).toBe('boolean');
        expect(typeof validateSnippet({ ...base, note: b }).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

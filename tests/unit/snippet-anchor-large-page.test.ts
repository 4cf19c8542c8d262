import { describe, expect, it } from 'vitest';
import { anchor, createAnchorer } from '../../lib/snippets/anchor';
import { anchorCases, orphanSelectors, proseWriter } from '../../scripts/lib/anchor-cases';

// Finding a saved quote again in a 1 MB page, by the method each change to the page calls for. How long
// it takes is a figure of `npm run bench -- anchor`, not an assertion here.

const prose = proseWriter();
const PAGE = prose(1_000_000);

describe.each([200, 2000])('anchoring a %d-character quote in a 1 MB page', (length) => {
  const { selectors, cases } = anchorCases(prose, PAGE, length);

  it.each(cases.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    const result = anchor(c.page, selectors);
    expect(result.status === 'anchored' ? result.method : 'orphan').toBe(c.method);
  });

  it('createAnchorer, which folds the page once for several quotes, finds what anchor() finds', () => {
    const all = [selectors, ...orphanSelectors(prose, length, [100_000, 300_000, 700_000])];
    const one = createAnchorer(PAGE);
    expect(all.map((x) => one(x).status)).toEqual(['orphan', 'orphan', 'orphan', 'orphan']);
    expect(all.map((x) => one(x))).toEqual(all.map((x) => anchor(PAGE, x)));
  });
});

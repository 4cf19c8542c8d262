import { anchor, createAnchorer } from '../../lib/snippets/anchor';
import { anchorCases, orphanSelectors, proseWriter } from '../lib/anchor-cases';
import { ms, row, time } from './stats';

/** Finding saved snippets again on a revisited 1 MB page (the background does this for the content script). */
export function benchAnchor(): void {
  console.log('\nRe-anchoring saved snippets (Node, one thread, 1 MB page)');
  const prose = proseWriter();
  const page = prose(1_000_000);
  for (const length of [200, 2000]) {
    const { selectors, cases } = anchorCases(prose, page, length);
    for (const c of cases) row(`${length} chars, ${c.label} (${c.method})`, ms(time(() => anchor(c.page, selectors), 5, 1).median));
    const all = [selectors, ...orphanSelectors(prose, length, [100_000, 300_000, 700_000])];
    row(`${length} chars, 4 orphans, one createAnchorer`, ms(time(() => {
      const one = createAnchorer(page);
      return all.map((x) => one(x));
    }, 3, 1).median));
    row(`${length} chars, 4 orphans, 4 anchor calls`, ms(time(() => all.map((x) => anchor(page, x)), 3, 1).median));
  }
}

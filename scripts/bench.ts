/**
 * npm run bench [-- SECTION...]: prints speed figures measured on this machine. No asserts: the figures go
 * in the issue notes and the README, and shared 2-core machines make timed tests flaky.
 * Sections: matcher (Node), page (content script in Chromium), lookup (Fuse.js), anchor (saved snippets).
 */
import { benchMatcher } from './bench/matcher';
import { benchLookup } from './bench/lookup';
import { benchAnchor } from './bench/anchor';
import { benchPage } from './bench/page';

const wanted = new Set(process.argv.slice(2));
const want = (name: string) => wanted.size === 0 || wanted.has(name);

console.log(`Crossframe benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);
if (want('matcher')) benchMatcher();
if (want('lookup')) benchLookup();
if (want('anchor')) benchAnchor();
if (want('page')) await benchPage();

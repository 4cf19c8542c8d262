import { buildCorpus } from '../../lib/corpus/pipeline';
import { createLookup, EntityIndex, PassageIndex } from '../../lib/search';
import { loadCorpusOrThrow } from '../lib/read-corpus';
import { ms, row, time } from './stats';

/** About 30 varied selections, by the path they take through the look-up. */
const QUERIES: Record<string, string[]> = {
  'a name as some alias writes it (exact table)': [
    'Deir ez-Zor', 'Dayr az-Zawr', 'Bagdadi', 'Hizbollah', 'Raka', 'al Bukamal', 'Hashd al-Shaabi', 'الرقة', 'دير الزور',
    'بشار الأسد', 'Islamischer Staat', 'Damaskus', 'Mayadeen', 'SDF', 'the Assad regime', 'Syrian Democratic Forces', 'IS', 'Syria',
  ],
  'a misspelling or a phrase (Fuse + re-score)': ['Dier ez Zor', 'Daash', 'Damascas', 'Gerasimow', 'Islamic Stat', 'chemcial attack', 'Russian jets bombed Raqqa'],
  'not in the corpus, or not a term': ['Erdogan', 'Macron', 'xqzv', 'the', '...'],
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export function benchLookup(): void {
  const build = buildCorpus(loadCorpusOrThrow());
  console.log('Look-up (Fuse.js; Node, one thread)');
  const entities = time(() => new EntityIndex(build.entities), 10, 2);
  const names = new EntityIndex(build.entities).docs.length;
  row(`build entity index (${build.entities.length} entities, ${names} folded names)`, ms(entities.median));
  const passages = time(() => new PassageIndex(build.passages, build.mentions), 10, 2);
  row(`build passage index (${build.passages.length} passages, ${build.mentions.length} mentions)`, ms(passages.median));

  const { lookup } = createLookup(build);
  const all: number[] = [];
  let slowest = { q: '', t: 0 };
  for (const [group, queries] of Object.entries(QUERIES)) {
    const times = queries.map((q) => {
      const t = time(() => lookup(q), 15, 3).median;
      if (t > slowest.t) slowest = { q, t };
      return t;
    });
    all.push(...times);
    row(`  ${group}, median of ${queries.length}`, ms(median(times)));
  }
  row(`look-up, median over all ${all.length} selections`, ms(median(all)));
  row(`  slowest: "${slowest.q}"`, ms(slowest.t));

  const body = build.articles.reduce((a, b) => (b.body.length > a.body.length ? b : a)).body;
  const long = time(() => lookup(body), 10, 2);
  row(`a whole article body as the selection (${Math.round(body.length / 1024)} KB)`, ms(long.median));
  // The whole corpus, repeated to 50 KB: a reader selecting all of a long page.
  let page = '';
  while (page.length < 50_000) page += `${build.articles.map((a) => a.body).join('\n\n')}\n\n`;
  page = page.slice(0, 50_000);
  row('50 KB of text as the selection', ms(time(() => lookup(page), 5, 1).median));
}

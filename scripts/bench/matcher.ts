import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCorpus } from '../../lib/corpus/pipeline';
import { compileGazetteer } from '../../lib/entities/compile';
import { Matcher } from '../../lib/entities/matcher';
import { tokenizeLazily } from '../../lib/text';
import { loadCorpusOrThrow } from '../lib/read-corpus';
import { REALPAGES } from '../lib/static-server';
import { ms, row, time } from './stats';

/** Realistic news text: the corpus bodies and the real article texts, repeated up to `bytes`. */
export function newsText(bytes: number): string {
  const parts = buildCorpus(loadCorpusOrThrow()).articles.map((a) => a.body);
  if (existsSync(REALPAGES)) {
    for (const dir of readdirSync(REALPAGES)) {
      const f = resolve(REALPAGES, dir, 'article.txt');
      if (existsSync(f)) parts.push(readFileSync(f, 'utf8'));
    }
  }
  const unit = parts.join('\n\n');
  let text = '';
  while (text.length < bytes) text += unit + '\n\n';
  return text.slice(0, bytes);
}

export function benchMatcher(): void {
  const input = loadCorpusOrThrow();
  console.log('Matcher (Node, one thread)');
  const compile = time(() => compileGazetteer(input.entities), 10);
  const { gazetteer } = compileGazetteer(input.entities);
  row(`compile gazetteer (${gazetteer.entities.length} entities, ${gazetteer.aliases.length} aliases)`, ms(compile.median));
  const build = time(() => new Matcher(gazetteer), 20);
  row('build the matcher from the compiled gazetteer', ms(build.median));
  const matcher = new Matcher(gazetteer);
  for (const mb of [1, 10]) {
    const text = newsText(mb * 1024 * 1024);
    let found = 0;
    // Steady state: the first scans of 1 MB run partly unoptimised code (27-40 ms for the first two here).
    const t = mb === 1 ? time(() => (found = matcher.find(text).length), 30, 5) : time(() => (found = matcher.find(text).length), 5, 2);
    const spread = mb === 1 ? ` (runs ${ms(t.min)}–${ms(t.max)})` : '';
    row(`scan ${mb} MB of news text (${found} matches)`, `${ms(t.median)}  → ${(mb / (t.median / 1000)).toFixed(1)} MB/s${spread}`);
    if (mb === 1) {
      const tok = time(() => tokenizeLazily(text), 30, 5);
      row('  of which splitting into keyed words', ms(tok.median));
    }
  }
  // Hostile text: an ambiguous name on every line, with nothing near it that settles it (each is judged).
  const flood = 'The goddess Isis was seen. '.repeat(Math.ceil((1024 * 1024) / 27)).slice(0, 1024 * 1024);
  const floodTime = time(() => matcher.find(flood), 10, 2);
  row('scan 1 MB of one ambiguous name ("Isis") with nothing to settle it', ms(floodTime.median));
  const articles = buildCorpus(input).articles;
  const avg = articles.reduce((n, a) => n + a.body.length, 0) / articles.length;
  const typical = time(() => {
    for (const a of articles) matcher.find(a.body);
  }, 30);
  row(`typical article (corpus mean ${Math.round(avg / 1024)} KB)`, ms(typical.median / articles.length));
  const pipeline = time(() => buildCorpus(input), 5, 1);
  row('whole corpus pipeline (5 articles, mentions, framings)', ms(pipeline.median));
}

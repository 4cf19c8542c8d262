import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { computeFramings } from '../../../lib/corpus/framing';
import { analyzeArticle, buildCorpus, toArticleRecord } from '../../../lib/corpus/pipeline';
import type { CorpusBuild, FramingRecord } from '../../../lib/corpus/types';
import type { CorpusInput } from '../../../lib/corpus/validate';
import { compileGazetteer, type CompiledGazetteer } from '../../../lib/entities/compile';
import { Matcher } from '../../../lib/entities/matcher';
import { EntitiesFileSchema } from '../../../lib/entities/schema';
import { loadCorpusOrThrow } from '../../../scripts/lib/read-corpus';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const REALPAGES = resolve(ROOT, '../shared/realpages');

let input: CorpusInput | undefined;
let build: CorpusBuild | undefined;

/** The shipped corpus, validated as the build validates it. */
export function shippedInput(): CorpusInput {
  input ??= loadCorpusOrThrow(resolve(ROOT, 'corpus'));
  return input;
}

export function shippedBuild(): CorpusBuild {
  build ??= buildCorpus(shippedInput());
  return build;
}

export function shippedMatcher(): Matcher {
  return new Matcher(compileGazetteer(shippedInput().entities).gazetteer);
}

/** A small gazetteer written for the tests, independent of the shipped one. */
export function miniGazetteer(): CompiledGazetteer {
  const file = EntitiesFileSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/entities.mini.json'), 'utf8')));
  return compileGazetteer(file).gazetteer;
}

/**
 * Frames an article written for a test (one the pipeline has never seen) against the shipped gazetteer,
 * as a page a user adds would be: every entity's framing for it.
 */
export function frameUnseenArticle(body: string, meta: { id?: string; title?: string } = {}): FramingRecord[] {
  const article = toArticleRecord(
    {
      id: meta.id ?? 'test-article',
      file: `raw/${meta.id ?? 'test-article'}.txt`,
      title: meta.title ?? 'Test',
      subtitle: null,
      author: 'not stated',
      outlet: 'not stated',
      firstPublisher: 'not stated',
      date: { status: 'stated', value: '2017-10-20' },
      language: 'en',
      perspective: 'Written for the test.',
      body: { start: body.slice(0, 5), end: body.slice(-5), clean: [] },
    },
    body,
    'user',
  );
  const { passages, mentions } = analyzeArticle(article, shippedMatcher());
  return computeFramings({ articles: [article], entities: shippedBuild().entities, passages, mentions });
}

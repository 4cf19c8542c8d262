import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCorpus } from '../../../lib/corpus/pipeline';
import type { CorpusBuild } from '../../../lib/corpus/types';
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

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem, validateCorpus, type CorpusInput, type CorpusProblem } from '../../lib/corpus/validate';

/** The corpus folder: ./corpus, or CROSSFRAME_CORPUS_DIR (tests point it at a broken copy). */
export function corpusDir(): string {
  return resolve(process.env.CROSSFRAME_CORPUS_DIR ?? resolve(import.meta.dirname, '../../corpus'));
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function readCorpus(dir = corpusDir()): { input: CorpusInput | null; problems: CorpusProblem[] } {
  return validateCorpus({
    articlesJson: readIfExists(resolve(dir, 'articles.json')),
    entitiesJson: readIfExists(resolve(dir, 'entities.json')),
    readRaw: (file) => readIfExists(resolve(dir, file)),
  });
}

/** The validated corpus, or an error that lists every problem by file and field. */
export function loadCorpusOrThrow(dir = corpusDir()): CorpusInput {
  const { input, problems } = readCorpus(dir);
  if (!input) throw new Error(`The corpus in ${dir} is not valid:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  return input;
}

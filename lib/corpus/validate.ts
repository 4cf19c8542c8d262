import type { z } from 'zod';
import { compileGazetteer } from '../entities/compile';
import { EntitiesFileSchema, type EntitiesFile } from '../entities/schema';
import { BodyRuleError, extractBody } from './body';
import { ArticlesFileSchema, type ArticlesFile } from './schema';

export interface CorpusProblem {
  /** Path of the file relative to the project, e.g. "corpus/articles.json". */
  file: string;
  /** The field inside it, e.g. "articles[2].date.value"; empty when the whole file is at fault. */
  field: string;
  message: string;
}

export interface CorpusInput {
  articles: ArticlesFile;
  entities: EntitiesFile;
  /** Raw page texts by their path relative to corpus/ ("raw/000_….txt"). */
  raw: Record<string, string>;
}

export interface CorpusSources {
  /** Text of corpus/articles.json, or undefined when the file is missing. */
  articlesJson: string | undefined;
  entitiesJson: string | undefined;
  /** Reads a file relative to corpus/; undefined when it is missing. */
  readRaw: (file: string) => string | undefined;
}

export function formatProblem(p: CorpusProblem): string {
  return p.field ? `${p.file}: ${p.field}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** Checks every corpus file and every field the pipeline relies on; returns the input only when all is well. */
export function validateCorpus(src: CorpusSources): { input: CorpusInput | null; problems: CorpusProblem[] } {
  const problems: CorpusProblem[] = [];
  const articles = parseJson('corpus/articles.json', src.articlesJson, ArticlesFileSchema, problems);
  const entities = parseJson('corpus/entities.json', src.entitiesJson, EntitiesFileSchema, problems);
  const raw: Record<string, string> = {};
  articles?.articles.forEach((a, i) => {
    const file = `corpus/${a.file}`;
    const text = src.readRaw(a.file);
    if (text === undefined) {
      problems.push({ file, field: '', message: `missing (named by corpus/articles.json articles[${i}].file)` });
      return;
    }
    if (text.trim().length === 0) {
      problems.push({ file, field: '', message: `empty (named by corpus/articles.json articles[${i}].file)` });
      return;
    }
    raw[a.file] = text;
    try {
      extractBody(text, a.body);
    } catch (e) {
      if (!(e instanceof BodyRuleError)) throw e;
      problems.push({ file: 'corpus/articles.json', field: `articles[${i}].body.${e.field}`, message: `${e.message} in ${file}` });
    }
  });
  if (articles) {
    const ids = new Set<string>();
    articles.articles.forEach((a, i) => {
      if (ids.has(a.id)) problems.push({ file: 'corpus/articles.json', field: `articles[${i}].id`, message: `duplicate id "${a.id}"` });
      ids.add(a.id);
    });
  }
  if (entities) {
    for (const p of compileGazetteer(entities).problems) problems.push({ file: 'corpus/entities.json', field: p.path, message: p.message });
  }
  const ok = problems.length === 0 && articles && entities;
  return { input: ok ? { articles, entities, raw } : null, problems };
}

function parseJson<T>(file: string, text: string | undefined, schema: z.ZodType<T>, problems: CorpusProblem[]): T | null {
  if (text === undefined) {
    problems.push({ file, field: '', message: 'missing' });
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    problems.push({ file, field: '', message: `not valid JSON: ${(e as Error).message}` });
    return null;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push({ file, field: formatPath(issue.path), message: issue.message });
  return null;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

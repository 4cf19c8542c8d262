import { compileGazetteer } from '../entities/compile';
import { Matcher } from '../entities/matcher';
import type { Entity } from '../entities/schema';
import { tokenize } from '../text';
import { extractBody } from './body';
import { computeFramings } from './framing';
import type { ArticleMeta } from './schema';
import { splitSentences } from './sentences';
import type { ArticleRecord, CorpusBuild, EntityRecord, MentionRecord, PassageRecord } from './types';
import type { CorpusInput } from './validate';
import { corpusVersion } from './version';

/**
 * raw + rules → bodies → sentences → mentions → framings. The same function runs at build time in Node
 * and in the extension's background, so what the browser stores is what the tests checked.
 */
export function buildCorpus(input: CorpusInput): CorpusBuild {
  const { gazetteer } = compileGazetteer(input.entities);
  const matcher = new Matcher(gazetteer);
  const entities = input.entities.entities.map(toEntityRecord);
  const articles = input.articles.articles.map((meta) => {
    const raw = input.raw[meta.file];
    if (raw === undefined) throw new Error(`corpus/${meta.file}: missing`);
    return toArticleRecord(meta, extractBody(raw, meta.body), 'seed');
  });
  const analyses = articles.map((a) => analyzeArticle(a, matcher));
  const passages = analyses.flatMap((x) => x.passages);
  const mentions = analyses.flatMap((x) => x.mentions);
  return {
    version: corpusVersion(input),
    articles,
    passages,
    entities,
    mentions,
    framings: computeFramings({ articles, entities, passages, mentions }),
  };
}

export function toArticleRecord(meta: ArticleMeta, body: string, source: ArticleRecord['source']): ArticleRecord {
  const { body: _rules, file, ...rest } = meta;
  return { ...rest, file: source === 'seed' ? file : null, body, source, words: tokenize(body).length };
}

export function toEntityRecord(e: Entity): EntityRecord {
  return {
    id: e.id,
    type: e.type,
    name: e.name,
    description: e.description,
    relevance: e.relevance,
    aliases: e.aliases,
    demonyms: e.demonyms ?? [],
  };
}

/** Sentences and entity mentions of one article body; works for any article, seen before or not. */
export function analyzeArticle(article: Pick<ArticleRecord, 'id' | 'body'>, matcher: Matcher): { passages: PassageRecord[]; mentions: MentionRecord[] } {
  const sentences = splitSentences(article.body);
  const passages = sentences.map((s, ordinal) => ({ article: article.id, ordinal, paragraph: s.paragraph, start: s.start, end: s.end, text: s.text }));
  const mentions: MentionRecord[] = [];
  let p = 0;
  for (const m of matcher.findAll(article.body)) {
    while (p + 1 < passages.length && (passages[p + 1] as PassageRecord).start <= m.start) p++;
    mentions.push({
      entity: (matcher.gazetteer.entities[m.entity] as { id: string }).id,
      article: article.id,
      passage: p,
      start: m.start,
      end: m.end,
      surface: m.surface,
      demonym: m.demonym,
      nested: m.nested ?? false,
    });
  }
  return { passages, mentions };
}

import type { ArticleRecord, EntityRecord, FramingRecord, MentionRecord, PassageRecord } from './types';

export interface FramingInput {
  articles: ArticleRecord[];
  entities: EntityRecord[];
  passages: PassageRecord[];
  mentions: MentionRecord[];
}

/** One framing for every (entity, article) pair, including the pairs where the article is silent. */
export function computeFramings(input: FramingInput): FramingRecord[] {
  const byPair = new Map<string, MentionRecord[]>();
  for (const m of input.mentions) {
    const key = `${m.entity}\u0000${m.article}`;
    const list = byPair.get(key);
    if (list) list.push(m);
    else byPair.set(key, [m]);
  }
  const out: FramingRecord[] = [];
  for (const entity of input.entities) {
    for (const article of input.articles) {
      out.push(frameOne(entity, article, byPair.get(`${entity.id}\u0000${article.id}`) ?? []));
    }
  }
  return out;
}

function frameOne(entity: EntityRecord, article: ArticleRecord, mentions: MentionRecord[]): FramingRecord {
  const names = mentions.filter((m) => !m.demonym);
  const surfaces = new Map<string, number>();
  for (const m of names) surfaces.set(m.surface, (surfaces.get(m.surface) ?? 0) + 1);
  const count = names.length;
  return {
    entity: entity.id,
    article: article.id,
    count,
    demonymCount: mentions.length - count,
    surfaces: [...surfaces].map(([text, n]) => ({ text, count: n })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
    descriptors: [],
    tone: null,
    toneWords: [],
    contested: [],
    passages: [...new Set(mentions.map((m) => m.passage))],
    summary: count === 0 ? 'does not mention it' : `${count} mention${count === 1 ? '' : 's'}`,
  };
}

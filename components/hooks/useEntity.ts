import { useLiveQuery } from 'dexie-react-hooks';
import type { ArticleRecord, EntityRecord, FramingRecord, MentionRecord, PassageRecord } from '../../lib/corpus/types';
import { getDb } from './db';

export function useEntity(id: string): EntityRecord | null | undefined {
  return useLiveQuery(async () => (await getDb().entities.get(id)) ?? null, [id]);
}

export function useEntities(): EntityRecord[] | undefined {
  return useLiveQuery(() => getDb().entities.toArray(), []);
}

/** All framings of one entity: one indexed query (the framings table is keyed [entity+article]). */
export function useFramings(entity: string): FramingRecord[] | undefined {
  return useLiveQuery(() => getDb().framings.where('entity').equals(entity).toArray(), [entity]);
}

/** Framings of several entities at once, for lists (how many articles name each). */
export function useFramingsOf(ids: string[]): FramingRecord[] | undefined {
  const key = ids.join(',');
  return useLiveQuery(() => (ids.length ? getDb().framings.where('entity').anyOf(ids).toArray() : []), [key]);
}

export function usePassages(article: string, ordinals: number[]): PassageRecord[] | undefined {
  const key = `${article}:${ordinals.join(',')}`;
  return useLiveQuery(
    async () => (await getDb().passages.bulkGet(ordinals.map((o) => [article, o] as [string, number]))).filter((p): p is PassageRecord => !!p),
    [key],
  );
}

export function useArticlePassages(article: string): PassageRecord[] | undefined {
  return useLiveQuery(() => getDb().passages.where('article').equals(article).sortBy('ordinal'), [article]);
}

export function useMentions(entity: string, article: string): MentionRecord[] | undefined {
  return useLiveQuery(() => getDb().mentions.where('[entity+article]').equals([entity, article]).toArray(), [entity, article]);
}

export function useArticleMentions(article: string): MentionRecord[] | undefined {
  return useLiveQuery(() => getDb().mentions.where('article').equals(article).toArray(), [article]);
}

export type { ArticleRecord };

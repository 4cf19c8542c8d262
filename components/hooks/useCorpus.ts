import { useLiveQuery } from 'dexie-react-hooks';
import type { ArticleRecord } from '../../lib/corpus/types';
import { getDb } from './db';

const ORDER = (a: ArticleRecord, b: ArticleRecord) => (a.file ?? a.id).localeCompare(b.file ?? b.id);

/** The corpus articles, live: undefined while loading. Errors surface to the nearest error boundary. */
export function useArticles(): ArticleRecord[] | undefined {
  return useLiveQuery(async () => (await getDb().articles.toArray()).sort(ORDER), []);
}

export function useArticle(id: string | null): ArticleRecord | null | undefined {
  return useLiveQuery(async () => (id ? ((await getDb().articles.get(id)) ?? null) : null), [id]);
}

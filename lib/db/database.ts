import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { ArticleRecord, CorpusMeta, EntityRecord, FramingRecord, MentionRecord, PassageRecord } from '../corpus/types';
import type { SnippetRecord } from './snippet-types';

export const DB_NAME = 'crossframe';

export type StoredMention = MentionRecord & { id?: number };

/** Tables the corpus seeding owns and may replace; every other table belongs to the reader. */
export const CORPUS_TABLES = ['articles', 'passages', 'entities', 'mentions', 'framings', 'meta'] as const;

export class CrossframeDB extends Dexie {
  articles!: Table<ArticleRecord, string>;
  passages!: Table<PassageRecord, [string, number]>;
  entities!: Table<EntityRecord, string>;
  mentions!: Table<StoredMention, number>;
  framings!: Table<FramingRecord, [string, string]>;
  snippets!: Table<SnippetRecord, string>;
  meta!: Table<CorpusMeta, string>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Schema history: each version is kept so that Dexie can upgrade any older database step by step.
    this.version(1).stores({
      articles: 'id, source',
      passages: '[article+ordinal], article',
      entities: 'id, type, name',
      mentions: '++id, entity, article, [entity+article], [article+passage]',
      framings: '[entity+article], entity, article',
      snippets: 'id, created, updated, *entities, *tags, source.url, source.site',
      meta: 'key',
    });
    // Version 2: snippets get a trash state. `deleted` is 0 for a live snippet and the time it was moved to the trash
    // otherwise (IndexedDB cannot index a missing field or a boolean, so 0 stands for "not deleted"); the index lists
    // and purges the trash. The upgrade marks every version-1 snippet live and changes nothing else.
    this.version(2)
      .stores({ snippets: 'id, created, updated, deleted, *entities, *tags, source.url, source.site' })
      .upgrade((tx) =>
        tx
          .table('snippets')
          .toCollection()
          .modify((s: { deleted?: number }) => {
            if (typeof s.deleted !== 'number') s.deleted = 0;
          }),
      );
  }
}

import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CrossframeDB } from '../../lib/db/database';
import { ensureCorpus, inspectCorpus, seedCorpus } from '../../lib/db/seed';
import type { SnippetRecord } from '../../lib/db/snippet-types';
import { importSnippets, listSnippets } from '../../lib/db/snippets';
import { exportJson } from '../../lib/snippets/export';
import { importJson } from '../../lib/snippets/import';
import { shippedBuild } from './helpers/corpus';

let n = 0;
const name = () => `test-snippet-migration-${++n}`;

/** The schema as version 1 shipped it, declared by hand so this test keeps checking the upgrade from it. */
const V1_STORES = {
  articles: 'id, source',
  passages: '[article+ordinal], article',
  entities: 'id, type, name',
  mentions: '++id, entity, article, [entity+article], [article+passage]',
  framings: '[entity+article], entity, article',
  snippets: 'id, created, updated, *entities, *tags, source.url, source.site',
  meta: 'key',
};

/** A snippet as version 1 stored it: no `deleted` field. */
function v1Snippet(id: string, i: number): Omit<SnippetRecord, 'deleted'> {
  return {
    id,
    created: 1_700_000_000_000 + i,
    updated: 1_700_000_000_000 + i * 2,
    source: i % 2 ? { kind: 'page', url: `https://example.org/${i}`, title: `Page ${i}`, site: 'example.org' } : { kind: 'corpus', url: 'https://example.org/c', title: 'Corpus', site: 'corpus', article: 'whitney-isis-last-stand', passage: i },
    selectors: [
      { type: 'TextQuoteSelector', exact: `quote ${i}`, prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: 7, end: 7 + `quote ${i}`.length },
    ],
    note: `note ${i}`,
    tags: [`tag-${i % 3}`],
    entities: ['raqqa'],
  };
}

async function createV1(dbName: string, snippets: Array<Omit<SnippetRecord, 'deleted'>>) {
  const v1 = new Dexie(dbName);
  v1.version(1).stores(V1_STORES);
  const meta = { key: 'corpus', version: 'v1-corpus', counts: { articles: 1, passages: 0, entities: 0, mentions: 0, framings: 0 }, seededAt: 42 };
  const article = { id: 'a1', source: 'seed', title: 'An article', body: 'Body', words: 1 };
  await v1.table('snippets').bulkAdd(snippets);
  await v1.table('meta').put(meta);
  await v1.table('articles').put(article);
  v1.close();
  return { meta, article };
}

describe('schema version 2 (snippet trash state)', () => {
  it('upgrades a version-1 database: every snippet kept, only `deleted: 0` added; corpus data untouched', async () => {
    const dbName = name();
    const old = Array.from({ length: 12 }, (_, i) => v1Snippet(`s${i}`, i));
    const { meta, article } = await createV1(dbName, old);

    const db = new CrossframeDB(dbName);
    await db.open();
    expect(db.verno).toBe(2);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect((await db.snippets.toArray()).sort(byId)).toEqual(old.map((s) => ({ ...s, deleted: 0 })).sort(byId));
    expect(await db.meta.get('corpus')).toEqual(meta);
    expect(await db.articles.toArray()).toEqual([article]);
    // The new index holds every upgraded snippet, and the library functions see them all as live.
    expect(await db.snippets.where('deleted').equals(0).count()).toBe(12);
    expect(await listSnippets(db)).toHaveLength(12);
    expect(await listSnippets(db, { tag: 'tag-1' })).toHaveLength(4);
    db.close();
  });

  it('keeps version 1 in the schema history and upgrades an empty version-1 database', async () => {
    const dbName = name();
    await createV1(dbName, []);
    const db = new CrossframeDB(dbName);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(V1_STORES).sort());
    expect(db.snippets.schema.indexes.map((i) => i.name).sort()).toEqual(['created', 'deleted', 'entities', 'source.site', 'source.url', 'tags', 'updated']);
    db.close();
  });
});

describe('re-seeding the corpus after an import', () => {
  const build = shippedBuild();

  it('keeps every imported snippet (seeding touches only corpus tables)', async () => {
    const db = new CrossframeDB(name());
    await ensureCorpus(db, build.version, () => build);
    const file = exportJson(Array.from({ length: 20 }, (_, i) => ({ ...v1Snippet(`imp-${i}`, i), deleted: i === 3 ? 1_800_000_000_000 : 0 })));
    const { valid, errors } = importJson(file);
    expect(errors).toEqual([]);
    expect((await importSnippets(db, valid, { onConflict: 'skip' })).added).toBe(20);
    const before = await db.snippets.toArray();

    const next = { ...build, version: `${build.version}-next` };
    expect(await ensureCorpus(db, next.version, () => next)).toMatchObject({ status: 'seeded', reason: 'new-version' });
    await seedCorpus(db, build);
    expect((await inspectCorpus(db)).intact).toBe(true);
    expect(await db.snippets.toArray()).toEqual(before);
    expect(await listSnippets(db)).toHaveLength(19);
    expect(await listSnippets(db, { onlyDeleted: true })).toHaveLength(1);
  });
});

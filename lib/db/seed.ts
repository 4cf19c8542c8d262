import type { CorpusBuild, CorpusMeta } from '../corpus/types';
import { CORPUS_TABLES, type CrossframeDB } from './database';

export type CorpusState =
  | { status: 'current'; version: string }
  | { status: 'seeded'; version: string; reason: 'empty' | 'new-version' | 'damaged' };

/** Counts a complete copy of this build must have; compared on every start to catch a damaged copy. */
export function expectedCounts(build: CorpusBuild): CorpusMeta['counts'] {
  return {
    articles: build.articles.length,
    passages: build.passages.length,
    entities: build.entities.length,
    mentions: build.mentions.length,
    framings: build.framings.length,
  };
}

/**
 * Replaces the corpus tables with a build in one transaction: a failure or an interrupted seed rolls back
 * to the previous corpus. Reader tables (snippets) are outside the transaction's scope and never touched.
 */
export async function seedCorpus(db: CrossframeDB, build: CorpusBuild): Promise<void> {
  await db.transaction('rw', CORPUS_TABLES.map((t) => db.table(t)), async () => {
    await Promise.all([db.articles.where('source').equals('seed').delete(), db.passages.clear(), db.entities.clear(), db.mentions.clear(), db.framings.clear()]);
    await db.articles.bulkAdd(build.articles);
    await db.passages.bulkAdd(build.passages);
    await db.entities.bulkAdd(build.entities);
    await db.mentions.bulkAdd(build.mentions);
    await db.framings.bulkAdd(build.framings);
    await db.meta.put({ key: 'corpus', version: build.version, counts: expectedCounts(build), seededAt: Date.now() });
  });
}

/** Reads what the database holds: the recorded corpus version and whether every table still has its recorded size. */
export async function inspectCorpus(db: CrossframeDB): Promise<{ meta: CorpusMeta | undefined; intact: boolean }> {
  return db.transaction('r', CORPUS_TABLES.map((t) => db.table(t)), async () => {
    const meta = await db.meta.get('corpus');
    if (!meta) return { meta, intact: false };
    const [articles, passages, entities, mentions, framings] = await Promise.all([
      db.articles.count(),
      db.passages.count(),
      db.entities.count(),
      db.mentions.count(),
      db.framings.count(),
    ]);
    const c = meta.counts;
    const intact = articles === c.articles && passages === c.passages && entities === c.entities && mentions === c.mentions && framings === c.framings;
    return { meta, intact };
  });
}

/**
 * Makes sure the database holds the shipped corpus: seeds it when empty, re-seeds when the shipped version
 * changed, and heals a damaged copy. `build` is only called when seeding is needed (it costs a pipeline run).
 */
export async function ensureCorpus(db: CrossframeDB, shippedVersion: string, build: () => CorpusBuild): Promise<CorpusState> {
  const { meta, intact } = await inspectCorpus(db);
  if (meta && meta.version === shippedVersion && intact) return { status: 'current', version: shippedVersion };
  const reason = !meta ? ((await db.articles.count()) === 0 ? 'empty' : 'damaged') : meta.version !== shippedVersion ? 'new-version' : 'damaged';
  const fresh = build();
  if (fresh.version !== shippedVersion) throw new Error(`corpus build is ${fresh.version}, expected ${shippedVersion}`);
  await seedCorpus(db, fresh);
  return { status: 'seeded', version: shippedVersion, reason };
}

import { describe, expect, it } from 'vitest';
import { CrossframeDB } from '../../lib/db/database';
import { ensureCorpus, inspectCorpus, seedCorpus } from '../../lib/db/seed';
import type { SnippetRecord } from '../../lib/db/snippet-types';
import { shippedBuild } from './helpers/corpus';

let n = 0;
const freshDb = () => new CrossframeDB(`test-seed-${++n}`);

const snippet = (id: string): SnippetRecord => ({
  id,
  created: 1,
  updated: 1,
  source: { kind: 'page', url: 'https://example.org/a', title: 'A page', site: 'example.org' },
  selectors: [
    { type: 'TextQuoteSelector', exact: 'Raqqa fell', prefix: 'In October ', suffix: ' to the SDF' },
    { type: 'TextPositionSelector', start: 11, end: 21 },
  ],
  note: 'my note',
  tags: ['raqqa'],
  entities: ['raqqa'],
});

describe('seeding the corpus into IndexedDB (fake-indexeddb)', () => {
  const build = shippedBuild();

  it('seeds an empty database with every corpus table', async () => {
    const db = freshDb();
    const state = await ensureCorpus(db, build.version, () => build);
    expect(state).toEqual({ status: 'seeded', version: build.version, reason: 'empty' });
    expect(await db.articles.count()).toBe(5);
    expect(await db.entities.count()).toBe(build.entities.length);
    expect(await db.mentions.count()).toBe(build.mentions.length);
    expect(await db.framings.count()).toBe(build.entities.length * 5);
    expect((await inspectCorpus(db)).intact).toBe(true);
  });

  it('is idempotent: a second start finds the corpus current and does not rebuild', async () => {
    const db = freshDb();
    await ensureCorpus(db, build.version, () => build);
    const before = await db.meta.get('corpus');
    let rebuilt = false;
    const state = await ensureCorpus(db, build.version, () => {
      rebuilt = true;
      return build;
    });
    expect(state.status).toBe('current');
    expect(rebuilt).toBe(false);
    expect((await db.meta.get('corpus'))?.seededAt).toBe(before?.seededAt);
  });

  it('re-seeds when the shipped corpus version changes, keeping the reader’s snippets', async () => {
    const db = freshDb();
    await ensureCorpus(db, build.version, () => build);
    await db.snippets.bulkAdd([snippet('s1'), snippet('s2')]);
    const next = { ...build, version: `${build.version}-next`, articles: build.articles.map((a) => ({ ...a, title: `${a.title} (v2)` })) };
    const state = await ensureCorpus(db, next.version, () => next);
    expect(state).toMatchObject({ status: 'seeded', reason: 'new-version' });
    expect((await db.articles.toArray()).every((a) => a.title.endsWith('(v2)'))).toBe(true);
    expect(await db.snippets.toArray()).toEqual([snippet('s1'), snippet('s2')]);
  });

  it('heals a partial database (a seed cut off half-way) on the next start', async () => {
    const db = freshDb();
    await ensureCorpus(db, build.version, () => build);
    await db.snippets.add(snippet('keep'));
    // Simulate damage: half the mentions and one article gone, meta still claiming the full corpus.
    const ids = (await db.mentions.toCollection().primaryKeys()).slice(0, Math.floor(build.mentions.length / 2));
    await db.mentions.bulkDelete(ids);
    await db.articles.delete(build.articles[0]!.id);
    expect((await inspectCorpus(db)).intact).toBe(false);
    const state = await ensureCorpus(db, build.version, () => build);
    expect(state).toMatchObject({ status: 'seeded', reason: 'damaged' });
    expect((await inspectCorpus(db)).intact).toBe(true);
    expect(await db.mentions.count()).toBe(build.mentions.length);
    expect(await db.snippets.get('keep')).toEqual(snippet('keep'));
  });

  it('heals a database whose meta row is missing but whose tables hold data', async () => {
    const db = freshDb();
    await ensureCorpus(db, build.version, () => build);
    await db.meta.delete('corpus');
    expect(await ensureCorpus(db, build.version, () => build)).toMatchObject({ status: 'seeded', reason: 'damaged' });
  });

  it('is atomic: a seed that fails half-way leaves the previous corpus intact', async () => {
    const db = freshDb();
    await ensureCorpus(db, build.version, () => build);
    const broken = { ...build, version: 'broken', framings: [...build.framings, { ...build.framings[0]! }] }; // duplicate key → bulkAdd fails
    await expect(seedCorpus(db, broken)).rejects.toThrow();
    const { meta, intact } = await inspectCorpus(db);
    expect(meta?.version).toBe(build.version);
    expect(intact).toBe(true);
    expect(await db.articles.count()).toBe(5);
  });
});

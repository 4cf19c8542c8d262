import { afterEach, describe, expect, it, vi } from 'vitest';
import { CrossframeDB } from '../../lib/db/database';
import type { SnippetRecord, SnippetSource } from '../../lib/db/snippet-types';
import {
  SnippetStorageError,
  allSites,
  allTags,
  deleteSnippet,
  importSnippets,
  listSnippets,
  purgeDeleted,
  restoreSnippet,
  saveSnippet,
  updateSnippet,
  type SnippetDraft,
} from '../../lib/db/snippets';
import { InvalidSnippetError } from '../../lib/snippets/schema';
import { describeSelection } from '../../lib/snippets/selectors';

let n = 0;
const freshDb = () => new CrossframeDB(`test-snippet-db-${++n}`);

const page = (url: string, title: string): SnippetSource => ({ kind: 'page', url, title, site: new URL(url).hostname });
const BBC = page('https://www.bbc.com/news/raqqa', 'Raqqa: the battle for the city');
const GUARDIAN = page('https://www.theguardian.com/world/deir-ez-zor', 'The Guardian view on life after the caliphate');

function draft(quote: string, over: Partial<SnippetDraft> = {}): SnippetDraft {
  const text = `Before the quote. ${quote} After the quote.`;
  return { source: BBC, selectors: describeSelection(text, 18, 18 + quote.length), ...over };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('saveSnippet', () => {
  it('stores a new snippet with an id, times, an empty note, and live trash state', async () => {
    const db = freshDb();
    const saved = await saveSnippet(db, draft('Raqqa fell to the SDF', { tags: [' raqqa ', 'Raqqa', 'battle'] }));
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved).toMatchObject({ note: '', tags: ['raqqa', 'battle'], entities: [], deleted: 0 });
    expect(saved.updated).toBe(saved.created);
    expect(await db.snippets.get(saved.id)).toEqual(saved);
  });

  it('refuses an invalid snippet with InvalidSnippetError and stores nothing', async () => {
    const db = freshDb();
    await expect(saveSnippet(db, draft('x', { note: 'n'.repeat(20_001) }))).rejects.toThrow(InvalidSnippetError);
    await expect(saveSnippet(db, draft('x', { source: { ...BBC, url: 'javascript:alert(1)' } }))).rejects.toThrow(/source\.url/);
    expect(await db.snippets.count()).toBe(0);
  });

  it('is idempotent for a retried record and never overwrites another snippet with the same id', async () => {
    const db = freshDb();
    const saved = await saveSnippet(db, draft('Raqqa fell', { note: 'first' }));
    expect(await saveSnippet(db, saved)).toEqual(saved);
    const clash = saveSnippet(db, { ...saved, note: 'other' });
    await expect(clash).rejects.toBeInstanceOf(SnippetStorageError);
    await expect(clash).rejects.toMatchObject({ kind: 'database', snippet: { id: saved.id, note: 'other' } });
    expect(await db.snippets.get(saved.id)).toEqual(saved);
  });

  it('stores both of two saves made at the same moment (two tabs)', async () => {
    const db = freshDb();
    const both = await Promise.all([saveSnippet(db, draft('from tab one')), saveSnippet(db, draft('from tab two'))]);
    const many = await Promise.all(Array.from({ length: 25 }, (_, i) => saveSnippet(db, draft(`quote ${i}`))));
    expect(new Set([...both, ...many].map((s) => s.id)).size).toBe(27);
    expect(await db.snippets.count()).toBe(27);
  });

  it('surfaces a full quota as SnippetStorageError kind "quota" with the snippet attached, then saves on retry', async () => {
    const db = freshDb();
    await db.open();
    const failing = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.snippets.hook('creating', failing);
    const error = await saveSnippet(db, draft('Raqqa fell', { note: 'keep me' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnippetStorageError);
    expect(error).toMatchObject({ kind: 'quota', snippet: { note: 'keep me' } });
    expect(await db.snippets.count()).toBe(0);
    db.snippets.hook('creating').unsubscribe(failing);
    const kept = (error as SnippetStorageError).snippet!;
    expect(await saveSnippet(db, kept)).toEqual(kept);
    expect(await db.snippets.get(kept.id)).toEqual(kept);
  });

  it('recognizes a quota error wrapped by Dexie or a transaction abort, and reports anything else as kind "database"', async () => {
    const db = freshDb();
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') });
    vi.spyOn(db.snippets, 'add').mockRejectedValueOnce(wrapped);
    await expect(saveSnippet(db, draft('a'))).rejects.toMatchObject({ name: 'SnippetStorageError', kind: 'quota' });
    vi.spyOn(db.snippets, 'add').mockRejectedValueOnce(new DOMException('disk I/O', 'UnknownError'));
    await expect(saveSnippet(db, draft('b'))).rejects.toMatchObject({ kind: 'database', message: expect.stringContaining('disk I/O'), snippet: { selectors: [{ exact: 'b' }, {}] } });
  });
});

describe('updateSnippet', () => {
  it('changes note and tags, normalizes tags, bumps updated and keeps the rest', async () => {
    const db = freshDb();
    const saved = await saveSnippet(db, draft('Raqqa fell', { note: 'old', tags: ['a'], entities: ['raqqa'] }));
    const noteOnly = await updateSnippet(db, saved.id, { note: 'new note' });
    expect(noteOnly).toMatchObject({ note: 'new note', tags: ['a'] });
    expect(noteOnly!.updated).toBeGreaterThan(saved.updated);
    const tagsOnly = await updateSnippet(db, saved.id, { tags: ['  Raqqa', 'raqqa ', 'SDF'] });
    expect(tagsOnly).toMatchObject({ note: 'new note', tags: ['Raqqa', 'SDF'] });
    expect(tagsOnly!.updated).toBeGreaterThan(noteOnly!.updated);
    expect(await db.snippets.get(saved.id)).toEqual({ ...saved, note: 'new note', tags: ['Raqqa', 'SDF'], updated: tagsOnly!.updated });
  });

  it('returns undefined for an unknown id and refuses an oversize note without changing the snippet', async () => {
    const db = freshDb();
    expect(await updateSnippet(db, 'nope', { note: 'x' })).toBeUndefined();
    const saved = await saveSnippet(db, draft('Raqqa fell'));
    await expect(updateSnippet(db, saved.id, { note: 'x'.repeat(20_001) })).rejects.toThrow(InvalidSnippetError);
    await expect(updateSnippet(db, saved.id, { tags: Array.from({ length: 31 }, (_, i) => `t${i}`) })).rejects.toThrow(/more than 30 tags/);
    expect(await db.snippets.get(saved.id)).toEqual(saved);
  });

  it('applies two concurrent updates of one snippet (note from one tab, tags from another)', async () => {
    const db = freshDb();
    const saved = await saveSnippet(db, draft('Raqqa fell'));
    await Promise.all([updateSnippet(db, saved.id, { note: 'from tab one' }), updateSnippet(db, saved.id, { tags: ['from-tab-two'] })]);
    expect(await db.snippets.get(saved.id)).toMatchObject({ note: 'from tab one', tags: ['from-tab-two'] });
  });
});

describe('deleteSnippet, restoreSnippet, purgeDeleted', () => {
  it('moves a snippet to the trash, out of every list, and restores it unchanged', async () => {
    const db = freshDb();
    const keep = await saveSnippet(db, draft('kept quote', { tags: ['kept'] }));
    const gone = await saveSnippet(db, draft('deleted quote', { tags: ['gone'] }));
    expect(await deleteSnippet(db, gone.id)).toBe(true);
    expect((await listSnippets(db)).map((s) => s.id)).toEqual([keep.id]);
    expect(await listSnippets(db, { tag: 'gone' })).toEqual([]);
    expect(await allTags(db)).toEqual(['kept']);
    const trash = await listSnippets(db, { onlyDeleted: true });
    expect(trash.map((s) => s.id)).toEqual([gone.id]);
    expect(trash[0]!.deleted).toBeGreaterThan(0);
    expect((await listSnippets(db, { includeDeleted: true })).map((s) => s.id).sort()).toEqual([keep.id, gone.id].sort());

    expect(await restoreSnippet(db, gone.id)).toBe(true);
    expect(await db.snippets.get(gone.id)).toEqual(gone);
    expect(await listSnippets(db, { onlyDeleted: true })).toEqual([]);
  });

  it('keeps the first deletion time when deleted twice, and reports unknown ids', async () => {
    const db = freshDb();
    const s = await saveSnippet(db, draft('quote'));
    vi.useFakeTimers({ now: 2_000_000_000_000, toFake: ['Date'] });
    await deleteSnippet(db, s.id);
    vi.setSystemTime(2_000_000_009_000);
    await deleteSnippet(db, s.id);
    expect((await db.snippets.get(s.id))!.deleted).toBe(2_000_000_000_000);
    expect(await deleteSnippet(db, 'nope')).toBe(false);
    expect(await restoreSnippet(db, 'nope')).toBe(false);
  });

  it('purges only trashed snippets (all, those trashed before a time, or given ids); a purged one cannot be restored', async () => {
    const db = freshDb();
    const [live, old, recent, other] = await Promise.all(['live', 'old', 'recent', 'other'].map((q) => saveSnippet(db, draft(q))));
    vi.useFakeTimers({ now: 1_000, toFake: ['Date'] });
    await deleteSnippet(db, old!.id);
    vi.setSystemTime(5_000);
    await deleteSnippet(db, recent!.id);
    await deleteSnippet(db, other!.id);
    vi.useRealTimers();
    expect(await purgeDeleted(db, { before: 2_000 })).toBe(1);
    expect(await db.snippets.get(old!.id)).toBeUndefined();
    expect(await restoreSnippet(db, old!.id)).toBe(false);
    expect(await purgeDeleted(db, { ids: [other!.id, live!.id] })).toBe(1);
    expect(await purgeDeleted(db)).toBe(1);
    expect((await db.snippets.toArray()).map((s) => s.id)).toEqual([live!.id]);
  });
});

describe('listSnippets, allTags, allSites', () => {
  async function library(db: CrossframeDB): Promise<Record<string, SnippetRecord>> {
    const a = await saveSnippet(db, draft('Raqqa fell to the Syrian Democratic Forces', { created: 1000, tags: ['Raqqa', 'battle'], entities: ['raqqa', 'sdf'], note: 'Compare with the Guardian' }));
    const b = await saveSnippet(db, draft('The coalition said the strikes were lawful', { created: 3000, tags: ['coalition', 'raqqa'], entities: ['us-led-coalition'] }));
    const c = await saveSnippet(db, draft('Fighting continued near Deir ez-Zor', { created: 2000, source: GUARDIAN, tags: ['battle'], entities: ['deir-ez-zor'] }));
    const d = await saveSnippet(db, draft('Ḥalab was quiet that week', { created: 4000, source: GUARDIAN, tags: ['aleppo'], note: 'Mosul next' }));
    const e = await saveSnippet(db, draft('Raqqa, deleted', { created: 5000, tags: ['trash-only'], entities: ['raqqa'], source: page('https://deleted.example/x', 'Raqqa') }));
    await deleteSnippet(db, e.id);
    return { a, b, c, d, e };
  }
  const ids = (rows: SnippetRecord[], all: Record<string, SnippetRecord>) => rows.map((r) => Object.keys(all).find((k) => all[k]!.id === r.id));

  it('lists live snippets newest first', async () => {
    const db = freshDb();
    const all = await library(db);
    expect(ids(await listSnippets(db), all)).toEqual(['d', 'b', 'c', 'a']);
  });

  it.each([
    [{ entity: 'raqqa' }, ['a']],
    [{ tag: 'battle' }, ['c', 'a']],
    [{ tag: 'RAQQA' }, ['b', 'a']],
    [{ site: 'www.theguardian.com' }, ['d', 'c']],
    [{ url: BBC.url }, ['b', 'a']],
    [{ tag: 'battle', site: 'www.bbc.com' }, ['a']],
    [{ entity: 'raqqa', includeDeleted: true }, ['e', 'a']],
    [{ text: 'raqqah' }, ['b', 'a']], // "raqqah" folds like "Raqqa" (quote of a, page title of b)
    [{ text: 'guardian' }, ['d', 'c', 'a']], // the note of a, the titles of c and d
    [{ text: 'halab quiet' }, ['d']], // diacritics, two words anywhere
    [{ text: 'dier ez zor' }, []], // folded, not fuzzy: a misspelling is not found
    [{ text: 'deir ez-zor' }, ['c']],
    [{ text: 'mos' }, ['d']], // start of a word
    [{ text: 'osul' }, []], // not the middle of one
    [{ text: '   ' }, ['d', 'b', 'c', 'a']],
  ])('filters %j', async (filters, expected) => {
    const db = freshDb();
    const all = await library(db);
    expect(ids(await listSnippets(db, filters), all)).toEqual(expected);
  });

  it('lists the tags and sites of live snippets', async () => {
    const db = freshDb();
    await library(db);
    await saveSnippet(db, draft('more', { tags: ['raqqa', 'Battle'] }));
    // "Raqqa"/"raqqa" and "battle"/"Battle" are one tag each, spelled the way most snippets spell it.
    expect(await allTags(db)).toEqual(['aleppo', 'battle', 'coalition', 'raqqa']);
    expect(await allSites(db)).toEqual(['www.bbc.com', 'www.theguardian.com']);
  });
});

describe('importSnippets', () => {
  it('adds new snippets, skips identical ones, and never overwrites a stored snippet', async () => {
    const db = freshDb();
    const mine = await saveSnippet(db, draft('my quote', { note: 'mine' }));
    const same = { ...mine };
    const changed = { ...mine, note: 'changed elsewhere', updated: mine.updated + 10 };
    const fresh = { ...mine, id: 'imported-1', note: 'new' };
    const summary = await importSnippets(db, [same, changed, fresh], { onConflict: 'skip' });
    expect(summary).toMatchObject({ added: 1, skipped: 2, renamed: 0, invalid: [] });
    expect(summary.conflicts).toEqual([{ id: mine.id, resolution: 'skipped', existing: mine, incoming: changed }]);
    expect(await db.snippets.get(mine.id)).toEqual(mine);
    expect(await db.snippets.get('imported-1')).toEqual(fresh);
  });

  it("keeps both under 'keep-both': the incoming one gets a new id, the stored one stays", async () => {
    const db = freshDb();
    const mine = await saveSnippet(db, draft('my quote', { note: 'mine' }));
    const changed = { ...mine, note: 'changed elsewhere' };
    const summary = await importSnippets(db, [changed], { onConflict: 'keep-both' });
    expect(summary).toMatchObject({ added: 0, skipped: 0, renamed: 1 });
    const newId = summary.conflicts[0]!.newId!;
    expect(newId).not.toBe(mine.id);
    expect(await db.snippets.get(mine.id)).toEqual(mine);
    expect(await db.snippets.get(newId)).toEqual({ ...changed, id: newId });
  });

  it('treats a repeated id inside one file like a stored one, and leaves the trash state of stored snippets alone', async () => {
    const db = freshDb();
    const mine = await saveSnippet(db, draft('trashed quote'));
    await deleteSnippet(db, mine.id);
    const a = { ...mine, id: 'dup', deleted: 0 };
    const summary = await importSnippets(db, [{ ...mine, deleted: 0 }, a, a, { ...a, note: 'other' }], { onConflict: 'keep-both' });
    expect(summary).toMatchObject({ added: 1, skipped: 2, renamed: 1 });
    expect((await db.snippets.get(mine.id))!.deleted).toBeGreaterThan(0);
    expect(await db.snippets.count()).toBe(3);
  });

  it('reports records the schema refuses, by index', async () => {
    const db = freshDb();
    const summary = await importSnippets(db, [{ id: 'x', note: 5 }, null, { ...(await saveSnippet(freshDb(), draft('ok'))) }], { onConflict: 'skip' });
    expect(summary.added).toBe(1);
    expect(summary.invalid).toEqual([
      { index: 0, id: 'x', message: expect.any(String) },
      { index: 1, message: expect.any(String) },
    ]);
  });

  it('adds nothing when the database fails half-way (one transaction), reporting a quota error', async () => {
    const db = freshDb();
    await db.open();
    const mine = await saveSnippet(db, draft('mine'));
    let count = 0;
    const failing = () => {
      if (++count === 3) throw new DOMException('full', 'QuotaExceededError');
    };
    db.snippets.hook('creating', failing);
    const records = Array.from({ length: 5 }, (_, i) => ({ ...mine, id: `new-${i}` }));
    await expect(importSnippets(db, records, { onConflict: 'skip' })).rejects.toMatchObject({ name: 'SnippetStorageError', kind: 'quota' });
    db.snippets.hook('creating').unsubscribe(failing);
    expect(await db.snippets.toArray()).toEqual([mine]);
  });

  it('runs alongside saves from other tabs without losing any', async () => {
    const db = freshDb();
    const template = await saveSnippet(freshDb(), draft('template'));
    const imported = Array.from({ length: 30 }, (_, i) => ({ ...template, id: `imp-${i}` }));
    const [summary, ...saved] = await Promise.all([importSnippets(db, imported, { onConflict: 'skip' }), ...Array.from({ length: 10 }, (_, i) => saveSnippet(db, draft(`tab ${i}`)))]);
    expect(summary.added).toBe(30);
    expect(saved).toHaveLength(10);
    expect(await db.snippets.count()).toBe(40);
  });
});

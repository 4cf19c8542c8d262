import type { Collection } from 'dexie';
import { sameSnippet } from '../snippets/equal';
import { InvalidSnippetError, parseSnippet, validateSnippet } from '../snippets/schema';
import { normalize } from '../text';
import type { CrossframeDB } from './database';
import type { SnippetRecord } from './snippet-types';

/**
 * The reader's snippets in IndexedDB. Every write validates the record with the snippet schema, so the table only holds
 * records an export can write and an import can read back. Nothing here touches the corpus tables.
 */

/** What a caller saves: a new snippet (id and times are filled in), or a record kept from a failed save, retried as is. */
export type SnippetDraft = Omit<SnippetRecord, 'id' | 'created' | 'updated' | 'note' | 'tags' | 'entities' | 'deleted'> &
  Partial<Pick<SnippetRecord, 'id' | 'created' | 'updated' | 'note' | 'tags' | 'entities' | 'deleted'>>;

export type SnippetStorageErrorKind = 'quota' | 'database';

/**
 * A save (or update, import) the database refused. `kind: 'quota'` means the browser's storage is full; anything else is
 * 'database'. `snippet` is the record that was being written (with its id), so the caller can keep it and retry.
 */
export class SnippetStorageError extends Error {
  override readonly name = 'SnippetStorageError';
  constructor(
    readonly kind: SnippetStorageErrorKind,
    message: string,
    readonly snippet: SnippetRecord | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Quota errors arrive as a DOMException, or wrapped by Dexie (`inner`) or by a transaction abort (`cause`). */
function isQuotaError(e: unknown, depth = 0): boolean {
  if (depth > 4 || typeof e !== 'object' || e === null) return false;
  const err = e as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown };
  if (typeof err.name === 'string' && QUOTA_NAMES.has(err.name)) return true;
  if (err.name === 'DOMException' || e instanceof DOMException) {
    if (err.code === 22 || err.code === 1014) return true;
  }
  return isQuotaError(err.inner, depth + 1) || isQuotaError(err.cause, depth + 1);
}

function storageError(e: unknown, snippet: SnippetRecord | undefined): unknown {
  if (e instanceof SnippetStorageError || e instanceof InvalidSnippetError) return e;
  if (isQuotaError(e)) return new SnippetStorageError('quota', 'The browser’s storage for Crossframe is full: the snippet was not saved.', snippet, { cause: e });
  const detail = e instanceof Error ? e.message : String(e);
  return new SnippetStorageError('database', `The snippet could not be saved: ${detail}`, snippet, { cause: e });
}

async function guarded<T>(snippet: SnippetRecord | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw storageError(e, snippet);
  }
}

const newId = () => crypto.randomUUID();

/**
 * Stores a new snippet and returns the stored record. Never overwrites: a record whose id is taken is refused, unless the
 * stored one is identical (a retry of a save that did succeed), which is then returned. Throws InvalidSnippetError for
 * a record the schema refuses and SnippetStorageError when the database fails (quota or other).
 */
export async function saveSnippet(db: CrossframeDB, draft: SnippetDraft): Promise<SnippetRecord> {
  const now = Date.now();
  const created = draft.created ?? now;
  const record = parseSnippet({ ...draft, id: draft.id ?? newId(), created, updated: draft.updated ?? created, note: draft.note ?? '', tags: draft.tags ?? [], entities: draft.entities ?? [], deleted: draft.deleted ?? 0 });
  return guarded(record, async () => {
    try {
      await db.snippets.add(record);
      return record;
    } catch (e) {
      if ((e as { name?: string }).name !== 'ConstraintError') throw e;
      const existing = await db.snippets.get(record.id);
      if (existing && sameSnippet(existing, record)) return existing;
      throw new SnippetStorageError('database', `Another snippet already has the id ${record.id}.`, record, { cause: e });
    }
  });
}

/** Changes a snippet's note and/or tags and bumps `updated`. Returns the new record, or undefined if there is no such snippet. */
export async function updateSnippet(db: CrossframeDB, id: string, changes: { note?: string; tags?: string[] }): Promise<SnippetRecord | undefined> {
  return guarded(undefined, () =>
    db.transaction('rw', db.snippets, async () => {
      const current = await db.snippets.get(id);
      if (!current) return undefined;
      const next = parseSnippet({
        ...current,
        deleted: current.deleted ?? 0,
        note: changes.note ?? current.note,
        tags: changes.tags ?? current.tags,
        // Strictly later, so that "edited" shows and a newer copy always compares newer, even within one millisecond.
        updated: Math.max(Date.now(), current.updated + 1),
      });
      await db.snippets.put(next);
      return next;
    }),
  );
}

/**
 * Moves a snippet to the trash: it keeps every field and gets `deleted` = now, so lists leave it out and
 * restoreSnippet brings it back unchanged. Returns false if there is no such snippet.
 */
export async function deleteSnippet(db: CrossframeDB, id: string): Promise<boolean> {
  return guarded(undefined, () =>
    db.transaction('rw', db.snippets, async () => {
      const current = await db.snippets.get(id);
      if (!current) return false;
      if (!current.deleted) await db.snippets.update(id, { deleted: Math.max(1, Date.now()) });
      return true;
    }),
  );
}

/** Takes a snippet out of the trash. Returns false if there is no such snippet (for example, it was purged). */
export async function restoreSnippet(db: CrossframeDB, id: string): Promise<boolean> {
  return guarded(undefined, () =>
    db.transaction('rw', db.snippets, async () => {
      const current = await db.snippets.get(id);
      if (!current) return false;
      if (current.deleted !== 0) await db.snippets.update(id, { deleted: 0 });
      return true;
    }),
  );
}

/**
 * Empties the trash for good: every trashed snippet, or those trashed at or before `before` (ms), or only `ids`.
 * The only function that removes snippets. Returns how many were removed.
 */
export async function purgeDeleted(db: CrossframeDB, options: { before?: number; ids?: readonly string[] } = {}): Promise<number> {
  const before = options.before ?? Number.MAX_SAFE_INTEGER;
  const ids = options.ids ? new Set(options.ids) : undefined;
  return guarded(undefined, () =>
    db.snippets
      .where('deleted')
      .between(1, before, true, true)
      .filter((s) => !ids || ids.has(s.id))
      .delete(),
  );
}

export interface SnippetFilters {
  /** Snippets naming this entity id. */
  entity?: string;
  /** Snippets with this tag (case ignored). */
  tag?: string;
  /** Snippets from this site (host name, or "corpus"). */
  site?: string;
  /** Snippets from this page. */
  url?: string;
  /** Words that must all occur in the quote, note or title, compared folded (case, diacritics, spellings); a word may be the start of one. */
  text?: string;
  /** Also list trashed snippets. */
  includeDeleted?: boolean;
  /** List only trashed snippets (the trash view). */
  onlyDeleted?: boolean;
}

const isDeleted = (s: SnippetRecord) => typeof s.deleted === 'number' && s.deleted > 0;

/** Folded search text per snippet, computed once per version of a snippet (a list re-filters on every keystroke). */
const foldedCache = new Map<string, { updated: number; folded: string }>();
const FOLDED_CACHE_LIMIT = 5000;

function foldedText(s: SnippetRecord): string {
  const hit = foldedCache.get(s.id);
  if (hit && hit.updated === s.updated) return hit.folded;
  const folded = ` ${normalize(`${s.selectors[0].exact}\n${s.note}\n${s.source.title}`)}`;
  if (foldedCache.size >= FOLDED_CACHE_LIMIT) foldedCache.clear();
  foldedCache.set(s.id, { updated: s.updated, folded });
  return folded;
}

function textMatcher(query: string): ((s: SnippetRecord) => boolean) | undefined {
  if (query.trim().length === 0) return undefined;
  const words = normalize(query).split(' ').filter(Boolean);
  if (words.length === 0) {
    // Only punctuation or symbols ("9/11", "—"): look for them as typed, case ignored.
    const needle = query.trim().toLocaleLowerCase();
    return (s) => `${s.selectors[0].exact}\n${s.note}\n${s.source.title}`.toLocaleLowerCase().includes(needle);
  }
  // Each word must start a word of the snippet: " raq" finds "Raqqa" but "aqqa" does not.
  return (s) => {
    const hay = foldedText(s);
    return words.every((w) => hay.includes(` ${w}`));
  };
}

/** Snippets matching every given filter, newest first. Trashed snippets only with includeDeleted or onlyDeleted. */
export async function listSnippets(db: CrossframeDB, filters: SnippetFilters = {}): Promise<SnippetRecord[]> {
  const { entity, tag, site, url } = filters;
  // Start from the most selective index; the other filters run on the rows it yields.
  let rows: Collection<SnippetRecord, string>;
  if (filters.onlyDeleted) rows = db.snippets.where('deleted').above(0);
  else if (entity !== undefined) rows = db.snippets.where('entities').equals(entity);
  else if (url !== undefined) rows = db.snippets.where('source.url').equals(url);
  else if (tag !== undefined) rows = db.snippets.where('tags').equalsIgnoreCase(tag);
  else if (site !== undefined) rows = db.snippets.where('source.site').equals(site);
  else rows = db.snippets.toCollection();
  const text = filters.text !== undefined ? textMatcher(filters.text) : undefined;
  const lowerTag = tag?.toLocaleLowerCase();
  const found = new Map<string, SnippetRecord>();
  for (const s of await guarded(undefined, () => rows.toArray())) {
    if (filters.onlyDeleted ? !isDeleted(s) : !filters.includeDeleted && isDeleted(s)) continue;
    if (entity !== undefined && !s.entities.includes(entity)) continue;
    if (url !== undefined && s.source.url !== url) continue;
    if (site !== undefined && s.source.site !== site) continue;
    if (lowerTag !== undefined && !s.tags.some((t) => t.toLocaleLowerCase() === lowerTag)) continue;
    if (text && !text(s)) continue;
    found.set(s.id, s);
  }
  return [...found.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Tags of live snippets, one spelling per tag ignoring case (the most used), sorted. */
export async function allTags(db: CrossframeDB): Promise<string[]> {
  const spellings = new Map<string, Map<string, number>>();
  await guarded(undefined, () =>
    db.snippets.each((s) => {
      if (isDeleted(s)) return;
      for (const tag of s.tags) {
        const key = tag.toLocaleLowerCase();
        const counts = spellings.get(key) ?? new Map<string, number>();
        counts.set(tag, (counts.get(tag) ?? 0) + 1);
        spellings.set(key, counts);
      }
    }),
  );
  const tags = [...spellings.values()].map((counts) => [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  return tags.sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}

/** Sites of live snippets, sorted. */
export async function allSites(db: CrossframeDB): Promise<string[]> {
  const sites = new Set<string>();
  await guarded(undefined, () =>
    db.snippets.each((s) => {
      if (!isDeleted(s)) sites.add(s.source.site);
    }),
  );
  return [...sites].sort((a, b) => a.localeCompare(b));
}

export type ConflictPolicy = 'skip' | 'keep-both';

export interface ImportConflict {
  id: string;
  /** 'skipped': the stored snippet was kept and the incoming one left out; 'renamed': the incoming one was added as `newId`. */
  resolution: 'skipped' | 'renamed';
  newId?: string;
  existing: SnippetRecord;
  incoming: SnippetRecord;
}

export interface ImportSummary {
  added: number;
  /** Identical copies of stored snippets, plus conflicts left out under 'skip'. */
  skipped: number;
  /** Conflicts added under a new id ('keep-both'). */
  renamed: number;
  conflicts: ImportConflict[];
  /** Records the schema refused (importJson has already filtered its own output; this guards other callers). */
  invalid: Array<{ index: number; id?: string; message: string }>;
}

/**
 * Adds imported snippets without ever deleting or overwriting a stored one. A record identical to the stored snippet
 * with its id is skipped; one with the same id but other content is a conflict, left out ('skip') or added under a new
 * id ('keep-both'). The trash state of stored snippets is left alone. One transaction: all or nothing.
 */
export async function importSnippets(db: CrossframeDB, records: readonly unknown[], options: { onConflict: ConflictPolicy }): Promise<ImportSummary> {
  const summary: ImportSummary = { added: 0, skipped: 0, renamed: 0, conflicts: [], invalid: [] };
  const incoming: SnippetRecord[] = [];
  records.forEach((value, index) => {
    const v = validateSnippet(value);
    if (v.ok) incoming.push(v.record);
    else {
      const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : undefined;
      summary.invalid.push({ index, ...(id !== undefined ? { id } : {}), message: v.message });
    }
  });
  if (incoming.length === 0) return summary;
  await guarded(undefined, () =>
    db.transaction('rw', db.snippets, async () => {
      const stored = await db.snippets.bulkGet(incoming.map((r) => r.id));
      // What the table will hold once this batch is in: stored snippets plus those added so far (a file may repeat an id).
      const present = new Map<string, SnippetRecord>();
      stored.forEach((s) => s && present.set(s.id, s));
      const toAdd: SnippetRecord[] = [];
      for (const record of incoming) {
        const existing = present.get(record.id);
        if (!existing) {
          present.set(record.id, record);
          toAdd.push(record);
          summary.added++;
        } else if (sameSnippet(existing, record)) {
          summary.skipped++;
        } else if (options.onConflict === 'keep-both') {
          let fresh = newId();
          while (present.has(fresh) || (await db.snippets.get(fresh))) fresh = newId();
          const copy = { ...record, id: fresh };
          present.set(fresh, copy);
          toAdd.push(copy);
          summary.renamed++;
          summary.conflicts.push({ id: record.id, resolution: 'renamed', newId: fresh, existing, incoming: record });
        } else {
          summary.skipped++;
          summary.conflicts.push({ id: record.id, resolution: 'skipped', existing, incoming: record });
        }
      }
      await db.snippets.bulkAdd(toAdd);
    }),
  );
  return summary;
}

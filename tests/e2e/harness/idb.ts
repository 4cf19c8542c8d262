import type { Worker } from 'playwright-core';

/** Reads from the extension's IndexedDB inside its own service worker, with the raw API (no app code). */
export async function readStore<T = unknown>(worker: Worker, store: string, key?: IDBValidKey): Promise<T> {
  return worker.evaluate(
    ([s, k]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('crossframe');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = k === undefined ? db.transaction(s as string).objectStore(s as string).getAll() : db.transaction(s as string).objectStore(s as string).get(k as IDBValidKey);
          req.onsuccess = () => {
            resolve(req.result);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    [store, key] as const,
  ) as Promise<T>;
}

export interface MetaRow {
  key: string;
  version: string;
  seededAt: number;
  counts: Record<string, number>;
}

/** Waits until the background has seeded the corpus, and returns its meta row. */
export async function waitForSeed(worker: Worker, timeoutMs = 30_000): Promise<MetaRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const meta = await readStore<MetaRow | undefined>(worker, 'meta', 'corpus').catch(() => undefined);
    if (meta) return meta;
    if (Date.now() > deadline) throw new Error('the corpus was not seeded');
    await new Promise((r) => setTimeout(r, 200));
  }
}

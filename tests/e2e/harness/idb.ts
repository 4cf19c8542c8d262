import type { Worker } from 'playwright-core';

/** Reads from the extension's IndexedDB inside its own service worker, with the raw API (no app code). */
type Key = string | number | Array<string | number>;

export async function readStore<T = unknown>(worker: Worker, store: string, key?: Key): Promise<T> {
  const arg: [string, Key | undefined] = [store, key];
  return (await worker.evaluate(
    ([s, k]: [string, Key | undefined]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('crossframe');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = k === undefined ? db.transaction(s).objectStore(s).getAll() : db.transaction(s).objectStore(s).get(k as Key);
          req.onsuccess = () => {
            resolve(req.result);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    arg,
  )) as T;
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

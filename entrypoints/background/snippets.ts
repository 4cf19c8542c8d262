import { browser } from 'wxt/browser';
import type { SnippetRecord } from '../../lib/db/snippet-types';
import { listSnippets, saveSnippet, SnippetStorageError } from '../../lib/db/snippets';
import type { AnchorReply, PageSnippetDraft, SaveReply } from '../../lib/messages';
import { createAnchorer } from '../../lib/snippets/anchor';
import { InvalidSnippetError } from '../../lib/snippets/schema';
import { db } from './corpus';

/** Snippets the database refused (storage full, a database error): kept here and retried, never lost. */
export const PENDING_KEY = 'pendingSnippets';
const MAX_PENDING = 500;

/** The page a snippet belongs to: its URL without the fragment. */
export function pageUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

async function pending(): Promise<SnippetRecord[]> {
  return ((await browser.storage.local.get(PENDING_KEY))[PENDING_KEY] as SnippetRecord[] | undefined) ?? [];
}

async function keep(record: SnippetRecord): Promise<void> {
  const list = (await pending()).filter((r) => r.id !== record.id);
  await browser.storage.local.set({ [PENDING_KEY]: [...list, record].slice(-MAX_PENDING) });
}

/** Saves a snippet from a page. A database failure keeps the snippet for retry and says so. */
export async function saveFromPage(draft: PageSnippetDraft): Promise<SaveReply> {
  const url = pageUrl(draft.url);
  let site = '';
  try {
    site = new URL(url).hostname;
  } catch {
    return { ok: false, message: 'This page’s address cannot be saved.' };
  }
  try {
    await saveSnippet(db, { source: { kind: 'page', url, title: draft.title, site }, selectors: draft.selectors, entities: draft.entities });
    return { ok: true, message: 'Saved to Crossframe.' };
  } catch (e) {
    if (e instanceof SnippetStorageError && e.snippet) {
      await keep(e.snippet);
      return { ok: false, kept: true, message: `${e.message} It is kept and will be saved when storage allows (Saved → Retry).` };
    }
    if (e instanceof InvalidSnippetError) return { ok: false, message: `Not saved: ${e.message}` };
    throw e;
  }
}

/** Saves every kept snippet it can; returns how many are still waiting. */
export async function retryPending(): Promise<{ saved: number; waiting: number }> {
  const list = await pending();
  if (list.length === 0) return { saved: 0, waiting: 0 };
  const still: SnippetRecord[] = [];
  let saved = 0;
  for (const record of list) {
    try {
      await saveSnippet(db, record);
      saved++;
    } catch (e) {
      if (e instanceof InvalidSnippetError) continue; // cannot ever be saved: dropping it is the only honest outcome
      still.push(record);
    }
  }
  await browser.storage.local.set({ [PENDING_KEY]: still });
  return { saved, waiting: still.length };
}

/** How many live snippets the reader saved on a page. */
export async function savedOnPage(url: string): Promise<number> {
  return (await listSnippets(db, { url: pageUrl(url) })).length;
}

/**
 * Finds the reader's snippets saved on a page again in the text its content script collected: exact, then
 * tolerant, then fuzzy. Done here, not in the page: on a large page that work would freeze the tab.
 */
export async function anchorOnPage(url: string, text: string): Promise<{ ranges: AnchorReply['ranges']; anchored: string[]; orphans: string[] }> {
  const list = await listSnippets(db, { url: pageUrl(url) });
  const find = createAnchorer(text);
  const ranges: AnchorReply['ranges'] = [];
  const orphans: string[] = [];
  for (const s of list) {
    const found = find(s.selectors);
    if (found.status === 'anchored') ranges.push({ id: s.id, start: found.start, end: found.end });
    else orphans.push(s.id);
  }
  return { ranges, anchored: ranges.map((r) => r.id), orphans };
}

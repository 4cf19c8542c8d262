import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PassageRecord } from '../../lib/corpus/types';
import type { SnippetRecord } from '../../lib/db/snippet-types';
import { allSites, allTags, listSnippets, saveSnippet, type SnippetFilters } from '../../lib/db/snippets';
import { describeSelection } from '../../lib/snippets/selectors';
import { getDb } from './db';

export function useSnippets(filters: SnippetFilters): SnippetRecord[] | undefined {
  const key = JSON.stringify(filters);
  return useLiveQuery(() => listSnippets(getDb(), filters), [key]);
}

export function useSnippetFacets(): { tags: string[]; sites: string[]; entities: string[] } | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [tags, sites, live] = await Promise.all([allTags(db), allSites(db), listSnippets(db, {})]);
    return { tags, sites, entities: [...new Set(live.flatMap((s) => s.entities))].sort() };
  }, []);
}

/** Where a corpus passage lives, as a snippet source URL (corpus articles have no web address). */
export const corpusUrl = (article: string) => `crossframe:corpus/${article}`;

/** Saves a corpus passage as a snippet (the panel reaches the database itself). */
export async function saveCorpusPassage(passage: PassageRecord, articleTitle: string, entities: string[]): Promise<SnippetRecord> {
  return saveSnippet(getDb(), {
    source: { kind: 'corpus', url: corpusUrl(passage.article), title: articleTitle, site: 'corpus', article: passage.article, passage: passage.ordinal },
    selectors: describeSelection(passage.text, 0, passage.text.length),
    entities,
  });
}

const PENDING_KEY = 'pendingSnippets';

/** Snippets a failed save kept for retry (the background holds them in extension storage), and a retry. */
export function usePendingSnippets(): [SnippetRecord[], () => Promise<void>] {
  const [pending, setPending] = useState<SnippetRecord[]>([]);
  useEffect(() => {
    const read = () => void browser.storage.local.get(PENDING_KEY).then((got) => setPending((got[PENDING_KEY] as SnippetRecord[] | undefined) ?? []));
    read();
    const onChanged = (changes: Record<string, unknown>, area: string) => area === 'local' && PENDING_KEY in changes && read();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const retry = useCallback(async () => {
    await browser.runtime.sendMessage({ type: 'snippets/retry' });
  }, []);
  return [pending, retry];
}

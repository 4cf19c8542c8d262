import type { SnippetSelectors } from '../snippets/selector-types';

export type { SnippetSelectors, TextPositionSelector, TextQuoteSelector } from '../snippets/selector-types';

export interface SnippetSource {
  kind: 'page' | 'corpus';
  url: string;
  title: string;
  /** Host name of the page ("www.bbc.com"), or "corpus" for a corpus passage. */
  site: string;
  /** For a corpus passage: the article id and the passage ordinal. */
  article?: string;
  passage?: number;
}

export interface SnippetRecord {
  id: string;
  created: number;
  updated: number;
  source: SnippetSource;
  selectors: SnippetSelectors;
  note: string;
  tags: string[];
  /** Ids of the corpus entities named inside the quote. */
  entities: string[];
  /**
   * Trash state (schema version 2): 0 = live, otherwise when the snippet was moved to the trash (ms). Every record
   * written by lib/db/snippets.ts and every record upgraded from version 1 has it; it is optional in the type only so
   * that a record built by hand without it still type-checks, and such a record counts as live.
   */
  deleted?: number;
}

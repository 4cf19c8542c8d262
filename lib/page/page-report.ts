import { MAX_PAGE_TEXT, MAX_TITLE } from '../limits';
import type { PageReport } from '../messages';

/** What a report says of the page itself; `notes` are the reasons a reader may see fewer marks than names. */
export function pageReport(doc: Document, fields: Omit<PageReport, 'url' | 'title' | 'note'>, notes: readonly string[]): PageReport {
  return {
    url: doc.location?.href ?? '',
    title: (doc.title ?? '').slice(0, MAX_TITLE),
    ...fields,
    ...(notes.length ? { note: notes.join(' ').slice(0, 300) } : {}),
  };
}

/** The note of a page read only up to the limit. */
export const TRUNCATED_NOTE = `The page is very large: only its first ${Math.round(MAX_PAGE_TEXT / 1e6)} million characters were read.`;

/** The report of a page that cannot be relevant (it names no decisive entity): one small message. */
export function ruledOutReport(doc: Document, truncated: boolean): PageReport {
  return pageReport(doc, { relevant: false, score: 0, entities: [], marks: 0, capped: false }, truncated ? [TRUNCATED_NOTE] : []);
}

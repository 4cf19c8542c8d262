import type { ArticleDate } from './schema';
import type { ArticleRecord } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m as number) - 1]} ${y}`;
}

/** "26 November 2017", or "not stated (inferred: late October 2017)". */
export function formatArticleDate(date: ArticleDate): { text: string; inferred: boolean } {
  if (date.status === 'stated') return { text: formatIsoDate(date.value), inferred: false };
  return { text: `not stated (inferred: ${date.inferred.label})`, inferred: true };
}

export function formatFirstPublisher(a: Pick<ArticleRecord, 'firstPublisher'>): string | null {
  const fp = a.firstPublisher;
  if (fp === 'not stated') return null;
  return fp.date === 'not stated' ? fp.name : `${fp.name}, ${formatIsoDate(fp.date)}`;
}

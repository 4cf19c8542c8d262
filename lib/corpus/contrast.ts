import type { ArticleRecord, FramingRecord } from './types';

/** Short label for an article in one-line contrasts: the author's surname, else the outlet, else the id. */
export function articleShortName(a: Pick<ArticleRecord, 'author' | 'outlet' | 'id'>): string {
  if (a.author !== 'not stated') return a.author.split(/\s+/).at(-1) as string;
  if (a.outlet !== 'not stated') return a.outlet;
  return 'unsigned';
}

/**
 * One line contrasting how the corpus articles frame an entity, for the hover card: the strongest label each
 * article gives it, or how often it names it when there is no label.
 */
export function contrastLine(framings: FramingRecord[], articles: ArticleRecord[]): string {
  const parts: string[] = [];
  let silent = 0;
  for (const a of articles) {
    const f = framings.find((x) => x.article === a.id);
    if (!f || f.count === 0) {
      silent++;
      continue;
    }
    const label = f.descriptors[0]?.text;
    parts.push(label ? `${articleShortName(a)}: “${label}”` : `${articleShortName(a)}: ${f.count}×`);
  }
  if (parts.length === 0) return 'No corpus article mentions it.';
  return parts.join(' · ') + (silent > 0 ? ` · ${silent} silent` : '');
}

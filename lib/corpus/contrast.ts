import { normalize } from '../text';
import type { ArticleRecord, FramingRecord } from './types';

/** An article names an entity when it uses one of its names, alone or inside a longer name ("siege of Deir ez-Zor"). */
export function namesEntity(f: Pick<FramingRecord, 'count' | 'nestedCount'> | undefined): boolean {
  return !!f && f.count + f.nestedCount > 0;
}

/** Short label for an article in one-line contrasts: the author's surname, else the outlet, else the id. */
export function articleShortName(a: Pick<ArticleRecord, 'author' | 'outlet' | 'id'>): string {
  if (a.author !== 'not stated') return a.author.split(/\s+/).at(-1) as string;
  if (a.outlet !== 'not stated') return a.outlet;
  return 'unsigned';
}

/**
 * One line contrasting how the corpus articles frame an entity, for the hover card: the most telling thing
 * each article calls it (a label such as "regime" or "US proxies", or a name that differs from the canonical
 * one), else how often it names it; then how many articles never mention it.
 */
export function contrastLine(framings: FramingRecord[], articles: ArticleRecord[], entityName: string): string {
  const canonical = normalize(entityName);
  const parts: string[] = [];
  let silent = 0;
  for (const a of articles) {
    const f = framings.find((x) => x.article === a.id);
    if (!f || !namesEntity(f)) {
      silent++;
      continue;
    }
    const top = f.descriptors[0];
    const telling = top && (top.kind !== 'name' || normalize(top.text) !== canonical);
    const times = f.count + f.nestedCount;
    parts.push(telling ? `${articleShortName(a)}: “${top.text}”` : `${articleShortName(a)}: named ${times}×`);
  }
  if (parts.length === 0) return 'No corpus article mentions it.';
  return parts.join(' · ') + (silent > 0 ? ` · ${silent} never mention${silent === 1 ? 's' : ''} it` : '');
}

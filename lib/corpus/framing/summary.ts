import type { DescriptorUse } from '../types';

export const SILENT = 'does not mention it';
/** The real minus sign, used for every negative number shown. */
const MINUS = '−';

export interface SummaryInput {
  count: number;
  demonymCount: number;
  tone: number | null;
  descriptors: readonly DescriptorUse[];
  /** Adjective forms used ("Kurdish"), for an article that never names the entity. */
  demonyms: readonly string[];
  /** Longer names that hold the entity's name ("Battle of Raqqa"), for an article that never names it on its own. */
  within: readonly string[];
}

/**
 * One line per article for the hover card and the CLI:
 *   calls it "regime"; tone −0.40; 3 mentions
 *   quotes others calling it "regime"; tone −0.12; 1 mention        (every use of the top descriptor is quoted)
 *   does not name it (2 adjective uses: "Kurdish")                    (demonyms only: not a name mention)
 *   does not name it (1 use inside "Ghouta chemical attack")          (only inside another entity's name)
 *   does not mention it
 */
export function summarize(s: SummaryInput): string {
  if (s.count === 0) {
    const nested = s.within.length;
    if (s.demonymCount === 0 && nested === 0) return SILENT;
    const parts: string[] = [];
    if (s.demonymCount > 0) parts.push(`${plural(s.demonymCount, 'adjective use')}: ${quoteList(s.demonyms)}`);
    if (nested > 0) parts.push(`${plural(nested, 'use')} inside ${quoteList(s.within)}`);
    return `does not name it (${parts.join('; ')})`;
  }
  const top = s.descriptors[0];
  const parts: string[] = [];
  if (top) parts.push(top.quoted === top.count ? `quotes others calling it "${top.text}"` : `calls it "${top.text}"`);
  if (s.tone !== null) parts.push(`tone ${formatTone(s.tone)}`);
  parts.push(plural(s.count, 'mention') + (s.demonymCount > 0 ? ` (+${plural(s.demonymCount, 'adjective use')})` : ''));
  return parts.join('; ');
}

/** "−0.40", "+0.25", "0.00". */
export function formatTone(tone: number): string {
  const r = Math.round(tone * 100) / 100;
  if (r === 0) return '0.00';
  return `${r < 0 ? MINUS : '+'}${Math.abs(r).toFixed(2)}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function quoteList(items: readonly string[]): string {
  return [...new Set(items)].map((x) => `"${x}"`).join(', ');
}

import type { PageText } from './collect';
import { drawnHighlight, forgetHighlight, usesPlainMarks, type HighlightEnv } from './highlight';
import { toDomPoint } from './positions';

export const SNIPPET_HIGHLIGHT = 'crossframe-snippet';

/** Where a saved snippet was found again, as offsets in the page text it was looked for in. */
export interface FoundSnippet {
  id: string;
  start: number;
  end: number;
}

/**
 * Paints the reader's saved snippets found again on a page (the background finds them: exact first, then
 * tolerant, then fuzzy, as the Hypothesis client does) with their own highlight, apart from entity marks.
 * Returns the ids painted; a range that no longer maps to the page is left out.
 */
export function paintSnippets(env: HighlightEnv, page: PageText, found: readonly FoundSnippet[]): string[] {
  const ranges: AbstractRange[] = [];
  const painted: string[] = [];
  for (const f of found) {
    if (f.end < f.start || f.end > page.text.length) continue;
    const a = toDomPoint(page, f.start, 'start');
    const b = toDomPoint(page, f.end, 'end');
    if (!a || !b) continue;
    ranges.push(env.createRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset }));
    painted.push(f.id);
  }
  clearSnippets(env);
  // Drawn plain where the entity marks are (a huge page), for the same reason.
  if (ranges.length) env.registry.set(drawnHighlight(SNIPPET_HIGHLIGHT, usesPlainMarks(page)), env.createHighlight(ranges));
  return painted;
}

export function clearSnippets(env: HighlightEnv): void {
  forgetHighlight(env, SNIPPET_HIGHLIGHT);
}

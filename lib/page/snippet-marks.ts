import { createAnchorer } from '../snippets/anchor';
import type { SnippetSelectors } from '../snippets/selector-types';
import type { PageText } from './collect';
import type { HighlightEnv } from './highlight';
import { toDomPoint } from './positions';

export const SNIPPET_HIGHLIGHT = 'crossframe-snippet';

export interface SavedOnPage {
  id: string;
  selectors: SnippetSelectors;
}

/**
 * Finds the reader's saved snippets again on a page they revisit (exact first, then tolerant, then fuzzy,
 * as the Hypothesis client does) and paints them with their own highlight, apart from entity marks.
 * Returns which were found and which could not be (orphans are reported, never dropped).
 */
export function paintSnippets(env: HighlightEnv, page: PageText, snippets: SavedOnPage[]): { anchored: string[]; orphans: string[] } {
  const anchorer = createAnchorer(page.text);
  const ranges: AbstractRange[] = [];
  const anchored: string[] = [];
  const orphans: string[] = [];
  for (const s of snippets) {
    const found = anchorer(s.selectors);
    const a = found.status === 'anchored' ? toDomPoint(page, found.start, 'start') : null;
    const b = found.status === 'anchored' ? toDomPoint(page, found.end, 'end') : null;
    if (!a || !b) {
      orphans.push(s.id);
      continue;
    }
    ranges.push(env.createRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset }));
    anchored.push(s.id);
  }
  if (ranges.length) env.registry.set(SNIPPET_HIGHLIGHT, env.createHighlight(ranges));
  else env.registry.delete(SNIPPET_HIGHLIGHT);
  return { anchored, orphans };
}

export function clearSnippets(env: HighlightEnv): void {
  env.registry.delete(SNIPPET_HIGHLIGHT);
}

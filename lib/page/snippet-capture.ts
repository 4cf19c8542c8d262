import { describeSelection } from '../snippets/selectors';
import type { SnippetSelectors } from '../snippets/selector-types';
import type { PageText, TextSegment } from './collect';

/**
 * Where a DOM range lies in the page text: from the first collected text node it touches to the last. A range
 * that touches no visible text (a selection inside a form field, say) has no place in it.
 */
export function rangeToTextOffsets(page: PageText, range: Range): { start: number; end: number } | null {
  let start = -1;
  let end = -1;
  for (const seg of page.segments as TextSegment[]) {
    if (!range.intersectsNode(seg.node)) continue;
    const len = seg.node.data.length;
    const from = seg.node === range.startContainer ? range.startOffset : 0;
    const to = seg.node === range.endContainer ? range.endOffset : len;
    if (to <= from) continue;
    if (start < 0) start = seg.start + from;
    end = seg.start + to;
  }
  return start < 0 ? null : { start, end };
}

/** Selectors for the reader's selection, in the same page text that re-anchoring will read. */
export function selectorsForRange(page: PageText, range: Range): SnippetSelectors | null {
  const at = rangeToTextOffsets(page, range);
  return at ? describeSelection(page.text, at.start, at.end) : null;
}

let segmenter: Intl.Segmenter | undefined;

/** Selectors for the sentence around a position of the page text (a mark), within its block. */
export function selectorsForSentence(page: PageText, at: number): SnippetSelectors {
  const text = page.text;
  const blockStart = text.lastIndexOf('\n', at - 1) + 1;
  const blockEndRaw = text.indexOf('\n', at);
  const blockEnd = blockEndRaw < 0 ? text.length : blockEndRaw;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' });
  for (const s of segmenter.segment(text.slice(blockStart, blockEnd))) {
    const start = blockStart + s.index;
    const end = start + s.segment.length;
    if (at >= start && at < end) return describeSelection(text, start, end);
  }
  return describeSelection(text, blockStart, blockEnd);
}

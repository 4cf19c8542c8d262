import type { PageText, TextSegment } from './collect';

export interface DomPoint {
  node: Text;
  offset: number;
}

/** Index of the last segment that starts at or before `offset`. */
function segmentAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as TextSegment).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps an offset of the page text to a point in a text node. A start offset that falls between nodes
 * moves forward to the next node, an end offset backward to the previous one.
 */
export function toDomPoint(page: PageText, offset: number, edge: 'start' | 'end'): DomPoint | null {
  const segs = page.segments;
  if (segs.length === 0) return null;
  let i = segmentAt(segs, offset);
  let seg = segs[i] as TextSegment;
  const len = seg.node.data.length;
  if (edge === 'start') {
    if (offset < seg.start + len) return { node: seg.node, offset: Math.max(0, offset - seg.start) };
    seg = segs[i + 1] as TextSegment;
    return seg ? { node: seg.node, offset: 0 } : null;
  }
  if (offset > seg.start || (offset === seg.start && i === 0)) return { node: seg.node, offset: Math.min(len, offset - seg.start) };
  while (i > 0 && (segs[i] as TextSegment).start >= offset) i--;
  seg = segs[i] as TextSegment;
  return { node: seg.node, offset: Math.min(seg.node.data.length, offset - seg.start) };
}

/** Maps a text node and an offset inside it to the page text offset, or -1 when the node was not collected. */
export function toTextOffset(page: PageText, index: Map<Text, number>, node: Node, offset: number): number {
  const seg = index.get(node as Text);
  return seg === undefined ? -1 : (page.segments[seg] as TextSegment).start + offset;
}

export function segmentIndex(page: PageText): Map<Text, number> {
  const index = new Map<Text, number>();
  page.segments.forEach((s, i) => index.set(s.node, i));
  return index;
}

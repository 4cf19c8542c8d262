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

/** A point in the page text as the segment (text node) it falls in and the offset inside that node. */
export interface SegmentPoint {
  segment: number;
  offset: number;
}

/**
 * Maps an offset of the page text to a point in a text node, given by its segment index. A start offset
 * that falls between nodes moves forward to the next node, an end offset backward to the previous one.
 */
export function toSegmentPoint(page: PageText, offset: number, edge: 'start' | 'end'): SegmentPoint | null {
  const segs = page.segments;
  if (segs.length === 0) return null;
  let i = segmentAt(segs, offset);
  const seg = segs[i] as TextSegment;
  // The collected length, not node.data.length: that copies the node's text, and this runs for every hit.
  const len = seg.length;
  if (edge === 'start') {
    if (offset < seg.start + len) return { segment: i, offset: Math.max(0, offset - seg.start) };
    return i + 1 < segs.length ? { segment: i + 1, offset: 0 } : null;
  }
  if (offset > seg.start || (offset === seg.start && i === 0)) return { segment: i, offset: Math.min(len, offset - seg.start) };
  while (i > 0 && (segs[i] as TextSegment).start >= offset) i--;
  const prev = segs[i] as TextSegment;
  return { segment: i, offset: Math.min(prev.length, offset - prev.start) };
}

/** `toSegmentPoint` as a text node and an offset in it. */
export function toDomPoint(page: PageText, offset: number, edge: 'start' | 'end'): DomPoint | null {
  const p = toSegmentPoint(page, offset, edge);
  return p ? { node: (page.segments[p.segment] as TextSegment).node, offset: p.offset } : null;
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

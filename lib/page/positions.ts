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
  if (edge === 'start') {
    const i = startSegment(page, offset);
    return i < 0 ? null : { segment: i, offset: Math.max(0, offset - (segs[i] as TextSegment).start) };
  }
  if (segs.length === 0) return null;
  let i = segmentAt(segs, offset);
  const seg = segs[i] as TextSegment;
  // The collected length, not node.data.length: that copies the node's text, and this runs for every hit.
  const len = seg.length;
  if (offset > seg.start || (offset === seg.start && i === 0)) return { segment: i, offset: Math.min(len, offset - seg.start) };
  while (i > 0 && (segs[i] as TextSegment).start >= offset) i--;
  const prev = segs[i] as TextSegment;
  return { segment: i, offset: Math.min(prev.length, offset - prev.start) };
}

/**
 * The segment a start offset falls in (`toSegmentPoint`'s, without building the point), or -1. The per-hit
 * passes of a huge page ask this hundreds of thousands of times: objects made there cost garbage collections,
 * which on a page with tens of thousands of text nodes held took 15 ms each, inside our slices.
 */
function startSegment(page: PageText, offset: number): number {
  const segs = page.segments;
  if (segs.length === 0) return -1;
  const i = segmentAt(segs, offset);
  const seg = segs[i] as TextSegment;
  if (offset < seg.start + seg.length) return i;
  return i + 1 < segs.length ? i + 1 : -1;
}

/** The text node a start offset falls in (`toDomPoint(page, offset, 'start').node`), allocating nothing. */
export function nodeAtStart(page: PageText, offset: number): Text | null {
  const i = startSegment(page, offset);
  return i < 0 ? null : (page.segments[i] as TextSegment).node;
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

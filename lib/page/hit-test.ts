import type { DrawnMark, Highlighter } from './highlight';

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** The text position under a point (the standard API, or Chromium's older one). */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & CaretDocument;
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/**
 * The mark under the pointer. Highlights are not elements, so they get no events: we ask which character is
 * under the pointer, look it up among our ranges, and confirm with the range's boxes (a caret position is
 * also reported beyond the end of a line).
 */
export function markAtPoint(doc: Document, highlighter: Highlighter, x: number, y: number): DrawnMark | null {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  const mark = highlighter.markAt(caret.node, caret.offset) ?? (caret.offset > 0 ? highlighter.markAt(caret.node, caret.offset - 1) : null);
  if (!mark) return null;
  return markRects(doc, mark).some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) ? mark : null;
}

/** The boxes a mark occupies on screen. */
export function markRects(doc: Document, mark: DrawnMark): DOMRect[] {
  const live = doc.createRange();
  try {
    live.setStart(mark.range.startContainer, mark.range.startOffset);
    live.setEnd(mark.range.endContainer, mark.range.endOffset);
  } catch {
    return []; // The text changed under the mark; a rescan is on its way.
  }
  return Array.from(live.getClientRects());
}

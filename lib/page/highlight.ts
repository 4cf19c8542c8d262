import type { EntityType } from '../entities/schema';
import type { PageText, TextSegment } from './collect';
import { toDomPoint } from './positions';

export interface MarkSpec {
  start: number;
  end: number;
  /** Gazetteer index of the entity. */
  entity: number;
  type: EntityType;
  surface: string;
}

export interface DrawnMark extends MarkSpec {
  range: AbstractRange;
  /** Position in page order, for stepping through marks with the keyboard. */
  ordinal: number;
}

/** The parts of the CSS Custom Highlight API we use (`CSS.highlights`, `Highlight`), injectable for tests. */
export interface HighlightEnv {
  registry: { set(name: string, h: unknown): unknown; delete(name: string): unknown };
  createHighlight: (ranges: AbstractRange[]) => unknown;
  createRange: (init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) => AbstractRange;
}

export const HIGHLIGHT_PREFIX = 'crossframe-';
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}focus`;
export const highlightName = (type: EntityType) => `${HIGHLIGHT_PREFIX}${type}`;

/**
 * Paints marks with the CSS Custom Highlight API: no element is inserted into the page, so the page's DOM,
 * layout and scripts are untouched, and unmarking is deleting a few registry entries. Ranges are static
 * (they cost the page nothing when it mutates); a mutated page is rescanned instead.
 */
export class Highlighter {
  private drawn: DrawnMark[] = [];
  private byNode = new Map<Text, DrawnMark[]>();
  private names = new Set<string>();

  constructor(private readonly env: HighlightEnv) {}

  /** Draws all marks in one batch: one Highlight per entity type, registered once. */
  draw(page: PageText, marks: MarkSpec[]): DrawnMark[] {
    this.clear();
    const byType = new Map<EntityType, AbstractRange[]>();
    const index = new Map<Text, number>();
    page.segments.forEach((s, i) => index.set(s.node, i));
    for (const spec of marks) {
      const a = toDomPoint(page, spec.start, 'start');
      const b = toDomPoint(page, spec.end, 'end');
      if (!a || !b) continue;
      const range = this.env.createRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset });
      const mark: DrawnMark = { ...spec, range, ordinal: this.drawn.length };
      this.drawn.push(mark);
      const list = byType.get(spec.type);
      if (list) list.push(range);
      else byType.set(spec.type, [range]);
      const first = index.get(a.node) as number;
      const last = index.get(b.node) as number;
      for (let i = first; i <= last; i++) {
        const node = (page.segments[i] as TextSegment).node;
        const list2 = this.byNode.get(node);
        if (list2) list2.push(mark);
        else this.byNode.set(node, [mark]);
      }
    }
    for (const [type, ranges] of byType) {
      const name = highlightName(type);
      this.env.registry.set(name, this.env.createHighlight(ranges));
      this.names.add(name);
    }
    return this.drawn;
  }

  /** Removes every mark. The page's DOM was never changed, so nothing else needs undoing. */
  clear(): void {
    for (const name of this.names) this.env.registry.delete(name);
    this.env.registry.delete(FOCUS_HIGHLIGHT);
    this.names.clear();
    this.drawn = [];
    this.byNode.clear();
  }

  marks(): readonly DrawnMark[] {
    return this.drawn;
  }

  /** The mark covering a caret position (from `caretPositionFromPoint`), if any. */
  markAt(node: Node, offset: number): DrawnMark | null {
    const list = this.byNode.get(node as Text);
    if (!list) return null;
    for (const m of list) {
      const r = m.range;
      const afterStart = r.startContainer !== node || offset >= r.startOffset;
      const beforeEnd = r.endContainer !== node || offset < r.endOffset;
      if (afterStart && beforeEnd) return m;
    }
    return null;
  }

  /** Paints one mark as the keyboard focus (or none). */
  focus(mark: DrawnMark | null): void {
    if (!mark) this.env.registry.delete(FOCUS_HIGHLIGHT);
    else this.env.registry.set(FOCUS_HIGHLIGHT, this.env.createHighlight([mark.range]));
  }
}

/** The browser's implementation of the highlight environment. */
export function browserHighlightEnv(win: Window & typeof globalThis): HighlightEnv | null {
  const registry = (win.CSS as unknown as { highlights?: HighlightEnv['registry'] }).highlights;
  const HighlightCtor = (win as unknown as { Highlight?: new (...r: AbstractRange[]) => unknown }).Highlight;
  if (!registry || !HighlightCtor) return null;
  return {
    registry,
    createHighlight: (ranges) => new HighlightCtor(...ranges),
    createRange: (init) => new win.StaticRange(init),
  };
}

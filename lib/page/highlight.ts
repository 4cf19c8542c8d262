import type { EntityType } from '../entities/types';
import type { PageText, TextSegment } from './collect';
import { toSegmentPoint } from './positions';

export interface MarkSpec {
  start: number;
  end: number;
  /** Gazetteer index of the entity. */
  entity: number;
  type: EntityType;
  surface: string;
  /** An adjective ("Kurdish-led") rather than a name: painted more lightly. */
  demonym: boolean;
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
export const DEMONYM_HIGHLIGHT = `${HIGHLIGHT_PREFIX}demonym`;
export const highlightName = (type: EntityType) => `${HIGHLIGHT_PREFIX}${type}`;
/** The same highlight drawn without its underline (see `usesPlainMarks`). */
export const plainHighlight = (name: string) => `${name}-plain`;

/** The name a kind of mark is registered under: its plain variant on a page drawn plain. */
export const drawnHighlight = (name: string, plain: boolean) => (plain ? plainHighlight(name) : name);

/** Unregisters a kind of mark in both variants (the page may have been drawn either way). */
export function forgetHighlight(env: HighlightEnv, name: string): void {
  env.registry.delete(name);
  env.registry.delete(plainHighlight(name));
}

/**
 * Pages with more text than this get plain marks: tints without underlines. In Chromium an underlined
 * ::highlight makes the frame that paints it redo the whole page's text: on a loaded 10 MB page (measured,
 * no extension), one underlined word took a 45–51 ms frame against 22–30 ms without the underline, and 3,000
 * underlined ranges 74–82 ms against 27–42 ms. A 1 MB page stays well under 50 ms with underlines.
 */
export const PLAIN_MARKS_FROM_CHARS = 2_000_000;

/** Whether marks on this page are drawn plain (the types then differ by tint only; the card still names them). */
export function usesPlainMarks(page: PageText): boolean {
  return page.length >= PLAIN_MARKS_FROM_CHARS;
}

export interface PaintOptions {
  /** false: lay the marks out but leave them unpainted until `paint()` (more batches follow). */
  paint?: boolean;
}

/**
 * Paints marks with the CSS Custom Highlight API: no element is inserted into the page, so the page's DOM,
 * layout and scripts are untouched, and unmarking is deleting a few registry entries. Ranges are static
 * (they cost the page nothing when it mutates); a mutated page is rescanned instead.
 */
export class Highlighter {
  private drawn: DrawnMark[] = [];
  private byNode = new Map<Text, DrawnMark[]>();
  private ranges = new Map<string, AbstractRange[]>();
  /** The marks of the page last drawn are plain (`usesPlainMarks`). */
  private plain = false;

  constructor(private readonly env: HighlightEnv) {}

  /** Draws all marks in one batch: one Highlight per kind of mark, registered once. */
  draw(page: PageText, marks: MarkSpec[], opts: PaintOptions = {}): DrawnMark[] {
    this.clear();
    this.plain = usesPlainMarks(page);
    return this.append(page, marks, opts);
  }

  private nameFor(spec: MarkSpec): string {
    return drawnHighlight(spec.demonym ? DEMONYM_HIGHLIGHT : highlightName(spec.type), this.plain);
  }

  /** Adds marks for text the page added later (its own PageText); the kinds touched are registered again. */
  append(page: PageText, marks: MarkSpec[], opts: PaintOptions = {}): DrawnMark[] {
    const touched = new Set<string>();
    const added: DrawnMark[] = [];
    for (const spec of marks) {
      // Segment indexes, not nodes: a batch must not cost a pass over every text node of a huge page.
      const a = toSegmentPoint(page, spec.start, 'start');
      const b = toSegmentPoint(page, spec.end, 'end');
      if (!a || !b) continue;
      const startNode = (page.segments[a.segment] as TextSegment).node;
      const endNode = (page.segments[b.segment] as TextSegment).node;
      const range = this.env.createRange({ startContainer: startNode, startOffset: a.offset, endContainer: endNode, endOffset: b.offset });
      const mark: DrawnMark = { ...spec, range, ordinal: this.drawn.length };
      this.drawn.push(mark);
      added.push(mark);
      const name = this.nameFor(spec);
      touched.add(name);
      const list = this.ranges.get(name);
      if (list) list.push(range);
      else this.ranges.set(name, [range]);
      for (let i = a.segment; i <= b.segment; i++) {
        const node = (page.segments[i] as TextSegment).node;
        const onNode = this.byNode.get(node);
        if (onNode) onNode.push(mark);
        else this.byNode.set(node, [mark]);
      }
    }
    if (opts.paint !== false) this.paint(touched);
    return added;
  }

  /**
   * Registers the highlights of these kinds of mark (all by default). Each registration makes the browser
   * repaint the page, which on a huge page is a long task of its own: batches drawn apart are painted once.
   */
  paint(kinds: Iterable<string> = this.ranges.keys()): void {
    for (const name of kinds) this.env.registry.set(name, this.env.createHighlight(this.ranges.get(name) as AbstractRange[]));
  }

  /** Removes every mark. The page's DOM was never changed, so nothing else needs undoing. */
  clear(): void {
    for (const name of this.ranges.keys()) this.env.registry.delete(name);
    forgetHighlight(this.env, FOCUS_HIGHLIGHT);
    this.ranges.clear();
    this.drawn = [];
    this.byNode.clear();
  }

  marks(): readonly DrawnMark[] {
    return this.drawn;
  }

  /** Whether a text node carries a mark (a change to it invalidates the mark). */
  isMarked(node: Node): boolean {
    return this.byNode.has(node as Text);
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
    const name = drawnHighlight(FOCUS_HIGHLIGHT, this.plain);
    if (!mark) this.env.registry.delete(name);
    else this.env.registry.set(name, this.env.createHighlight([mark.range]));
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

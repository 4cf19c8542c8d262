import type { CompiledGazetteer } from '../entities/compile';
import type { PageText } from './collect';
import type { PageHit } from './find-hits';
import { usesPlainMarks, type MarkSpec } from './highlight';

/** More marks than this slow painting and help nobody; the panel says when the cap cut some off. */
export const MAX_MARKS = 3000;
/**
 * The cap on a huge page (plain marks, see `usesPlainMarks`), where each range adds to the frame that paints
 * them: on the loaded 10 MB page with our host (no extension, traced, 3 runs), 1,000 tinted ranges made a
 * 29–33 ms frame, 3,000 a 32–49 ms one.
 */
export const MAX_PLAIN_MARKS = 1000;
/** Marks drawn per task: thousands of ranges at once would make one long task. */
export const MARKS_PER_SLICE = 600;

/** The most marks drawn on a page. */
export function markCap(page: PageText): number {
  return usesPlainMarks(page) ? MAX_PLAIN_MARKS : MAX_MARKS;
}

export function toMarkSpec(g: CompiledGazetteer, h: PageHit): MarkSpec {
  return { start: h.start, end: h.end, entity: h.entity, type: g.entities[h.entity]!.type, surface: h.surface, demonym: h.demonym };
}

/** The marks of a page's hits, up to its cap, and whether the cap cut some off. */
export function markSpecs(g: CompiledGazetteer, page: PageText, hits: readonly PageHit[]): { specs: MarkSpec[]; capped: boolean } {
  const cap = markCap(page);
  // One more than fits says whether the page has too many.
  const specs = hits.slice(0, cap + 1).map((h) => toMarkSpec(g, h));
  const capped = specs.length > cap;
  if (capped) specs.length = cap;
  return { specs, capped };
}

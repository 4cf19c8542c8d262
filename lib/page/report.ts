import type { CompiledGazetteer } from '../entities/compile';
import type { PageEntity } from '../messages';
import type { PageHit } from './analyze';

const MAX_SURFACES = 20;

interface Tally {
  count: number;
  inMain: number;
  demonyms: number;
  surfaces: Set<string>;
}

/**
 * Per-entity counts of a page's hits, kept up to date as hits arrive (a first scan, then text the page
 * adds): what the page reports to the side panel.
 */
export class HitSummary {
  private readonly tallies = new Map<number, Tally>();

  constructor(private readonly gazetteer: CompiledGazetteer) {}

  add(hits: readonly PageHit[]): void {
    const steps = this.addSteps(hits);
    while (!steps.next().done);
  }

  /** `add` in slices, for a huge page's first scan. */
  *addSteps(hits: readonly PageHit[]): Generator<void, void> {
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i] as PageHit;
      let t = this.tallies.get(h.entity);
      if (!t) this.tallies.set(h.entity, (t = { count: 0, inMain: 0, demonyms: 0, surfaces: new Set() }));
      if (h.demonym) t.demonyms++;
      else {
        t.count++;
        if (h.inMain) t.inMain++;
      }
      if (t.surfaces.size < MAX_SURFACES) t.surfaces.add(h.surface.slice(0, 200));
      if (i % 5000 === 4999) yield;
    }
  }

  /** Most named first; ties by id, compared by code unit (ids are ASCII; localeCompare would load ICU's collator, ~6 ms in a page). */
  entities(): PageEntity[] {
    return [...this.tallies]
      .map(([entity, t]) => ({
        id: (this.gazetteer.entities[entity] as { id: string }).id,
        count: t.count,
        inMain: t.inMain,
        demonyms: t.demonyms,
        surfaces: [...t.surfaces],
      }))
      .sort((a, b) => b.count - a.count || b.demonyms - a.demonyms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

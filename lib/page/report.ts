import type { CompiledGazetteer } from '../entities/compile';
import type { PageEntity } from '../messages';
import type { PageHit } from './analyze';

const MAX_SURFACES = 20;

/** Per-entity counts of a page's hits, most named first: what the page reports to the side panel. */
export function summarizeHits(gazetteer: CompiledGazetteer, hits: PageHit[]): PageEntity[] {
  const byEntity = new Map<number, PageEntity & { surfaceSet: Set<string> }>();
  for (const h of hits) {
    let e = byEntity.get(h.entity);
    if (!e) {
      e = { id: (gazetteer.entities[h.entity] as { id: string }).id, count: 0, inMain: 0, demonyms: 0, surfaces: [], surfaceSet: new Set() };
      byEntity.set(h.entity, e);
    }
    if (h.demonym) e.demonyms++;
    else {
      e.count++;
      if (h.inMain) e.inMain++;
    }
    if (e.surfaceSet.size < MAX_SURFACES) e.surfaceSet.add(h.surface.slice(0, 200));
  }
  return [...byEntity.values()]
    .map(({ surfaceSet, ...e }) => ({ ...e, surfaces: [...surfaceSet] }))
    .sort((a, b) => b.count - a.count || b.demonyms - a.demonyms || a.id.localeCompare(b.id));
}

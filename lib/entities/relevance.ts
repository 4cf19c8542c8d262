import type { CompiledGazetteer } from './compile';
import type { RelevanceLevel } from './types';

export interface Hit {
  entity: number;
  demonym: boolean;
  /** In the page's main article region (or in a plain text, which is all main). */
  inMain: boolean;
}

export interface RelevanceResult {
  relevant: boolean;
  score: number;
  /** Distinct Syria/ISIS-specific entities named in the main text or the title. */
  coreEntities: number;
}

/** How much one entity says about the page being about Syria/ISIS, by how specific it is. */
const WEIGHT: Record<RelevanceLevel, number> = { core: 3, regional: 1, general: 0.25 };
/** A demonym ("Syrian") says less than a name ("Syria"); a hit outside the article (teasers, menus) far less. */
const DEMONYM_FACTOR = 0.5;
const OUTSIDE_MAIN_FACTOR = 0.15;
const TITLE_FACTOR = 2;

/** Tuned on ../shared/realpages (see tests/unit/relevance.realpages.test.ts): */
export const RELEVANCE_THRESHOLD = 9;
const MIN_CORE_ENTITIES = 1;
/** A long article that names Syria once in passing is not about Syria: the core evidence must be dense enough. */
const MIN_CORE_PER_1000_WORDS = 1.5;

/**
 * Scores a page from its entity hits: distinct entities count more than repetitions (log), specific ones
 * more than global ones, the article body more than the page around it, and the title most.
 */
export function scoreRelevance(gazetteer: CompiledGazetteer, hits: Hit[], titleHits: Hit[], mainWords: number): RelevanceResult {
  const perEntity = new Map<number, { main: number; outside: number }>();
  for (const h of hits) {
    const e = perEntity.get(h.entity) ?? { main: 0, outside: 0 };
    const w = h.demonym ? DEMONYM_FACTOR : 1;
    if (h.inMain) e.main += w;
    else e.outside += w;
    perEntity.set(h.entity, e);
  }
  let score = 0;
  let coreWeight = 0;
  const core = new Set<number>();
  for (const [entity, e] of perEntity) {
    const level = gazetteer.entities[entity]?.relevance ?? 'general';
    score += WEIGHT[level] * (Math.log2(1 + e.main) + OUTSIDE_MAIN_FACTOR * Math.log2(1 + e.outside));
    if (level === 'core' && e.main > 0) {
      core.add(entity);
      coreWeight += e.main;
    }
  }
  for (const entity of new Set(titleHits.map((h) => h.entity))) {
    const level = gazetteer.entities[entity]?.relevance ?? 'general';
    score += TITLE_FACTOR * WEIGHT[level];
    if (level === 'core') core.add(entity);
  }
  const dense = mainWords === 0 || (coreWeight * 1000) / mainWords >= MIN_CORE_PER_1000_WORDS || titleHits.some((h) => gazetteer.entities[h.entity]?.relevance === 'core');
  const relevant = score >= RELEVANCE_THRESHOLD && core.size >= MIN_CORE_ENTITIES && dense;
  return { relevant, score: Math.round(score * 100) / 100, coreEntities: core.size };
}

/** The most a page could score if every hit were in its main text: below the threshold, no closer look is needed. */
export function relevanceUpperBound(gazetteer: CompiledGazetteer, hits: Hit[], titleHits: Hit[]): number {
  return scoreRelevance(gazetteer, hits.map((h) => ({ ...h, inMain: true })), titleHits, 0).score;
}

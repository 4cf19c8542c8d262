import type { CompiledGazetteer } from './compile';
import type { RelevanceLevel } from './types';

/** A name found in the title or the tags, or (with where it sits) in the page's text. */
export interface NameHit {
  entity: number;
  demonym: boolean;
}

export interface RelevanceResult {
  relevant: boolean;
  score: number;
  /** The part of the score that the publisher's subject tags gave (at most TAGS_MAX). */
  tagScore: number;
  /** Distinct Syria/ISIS-specific entities named in the main text or the title. */
  coreEntities: number;
}

/** How much one entity says about the page being about Syria/ISIS, by how specific it is. */
const WEIGHT: Record<RelevanceLevel, number> = { core: 3, regional: 1, general: 0.25 };
/** A demonym ("Syrian") says less than a name ("Syria"); a hit outside the article (teasers, menus) far less. */
const DEMONYM_FACTOR = 0.5;
const OUTSIDE_MAIN_FACTOR = 0.15;
const TITLE_FACTOR = 2;
/**
 * The publisher's subject tags (lib/page/topic-tags.ts) add at most one core entity's worth: enough to
 * tip a story that never names its subject ("the Berlin attacker", tagged ISIS), never enough to make a
 * page relevant whose text does not already name Syria/ISIS entities densely (a site may stuff its tags).
 */
export const TAGS_MAX = 3;

/**
 * No page is relevant without an entity of this level in its main text or title (MIN_CORE_ENTITIES): the
 * content script's gate (lib/entities/gate-pattern.ts) looks for these alone first.
 */
export const DECISIVE_LEVEL: RelevanceLevel = 'core';

/** Tuned on ../shared/realpages (see tests/unit/relevance.realpages.test.ts): */
export const RELEVANCE_THRESHOLD = 9;
const MIN_CORE_ENTITIES = 1;
/** A long article that names Syria once in passing is not about Syria: the core evidence must be dense enough. */
const MIN_CORE_PER_1000_WORDS = 1.5;

/**
 * How much the page's text names each entity, in its main article region and elsewhere: filled one hit at a
 * time, so that a caller can pause between slices (a huge page has a hundred thousand hits).
 */
export class HitWeights {
  readonly main: Float64Array;
  readonly outside: Float64Array;

  constructor(gazetteer: CompiledGazetteer) {
    this.main = new Float64Array(gazetteer.entities.length);
    this.outside = new Float64Array(gazetteer.entities.length);
  }

  add(hit: NameHit, inMain: boolean): void {
    const into = inMain ? this.main : this.outside;
    into[hit.entity] = (into[hit.entity] as number) + (hit.demonym ? DEMONYM_FACTOR : 1);
  }
}

export interface PageEvidence {
  /** The hits in the page's visible text. */
  weights: HitWeights;
  titleHits: NameHit[];
  /** Hits in the publisher's subject tags; they add to the score only (never to the core count or density). */
  tagHits?: NameHit[];
  /** Words in the main text (0: unknown, no density check). */
  mainWords: number;
}

/**
 * Scores a page from its entity hits: distinct entities count more than repetitions (log), specific ones
 * more than global ones, the article body more than the page around it, and the title most.
 */
export function scoreRelevance(gazetteer: CompiledGazetteer, evidence: PageEvidence): RelevanceResult {
  return score(gazetteer, evidence);
}

/** The most a page could score if every hit were in its main text: below the threshold, no closer look is needed. */
export function relevanceUpperBound(gazetteer: CompiledGazetteer, evidence: Omit<PageEvidence, 'mainWords'>): number {
  return score(gazetteer, { ...evidence, mainWords: 0 }, 'all-main').score;
}

/**
 * The decision if no hit were in the main text. Where it is "relevant" (the title names a core entity and
 * the rest of the page is evidence enough), the page is relevant wherever its main text turns out to be:
 * per entity, log2(1 + main) + f·log2(1 + outside) ≥ f·log2(1 + main + outside) for f ≤ 1, and the title
 * alone meets the core and density conditions.
 */
export function relevanceLowerBound(gazetteer: CompiledGazetteer, evidence: Omit<PageEvidence, 'mainWords'>): RelevanceResult {
  return score(gazetteer, { ...evidence, mainWords: 0 }, 'all-outside');
}

/** Where the hits count: as found, or all in (all outside) the main text. */
type Placement = 'as-found' | 'all-main' | 'all-outside';

function score(gazetteer: CompiledGazetteer, { weights, titleHits, tagHits = [], mainWords }: PageEvidence, placement: Placement = 'as-found'): RelevanceResult {
  let total = 0;
  let coreWeight = 0;
  const core = new Set<number>();
  for (let entity = 0; entity < weights.main.length; entity++) {
    let inMain = weights.main[entity] as number;
    let elsewhere = weights.outside[entity] as number;
    if (inMain === 0 && elsewhere === 0) continue;
    if (placement !== 'as-found') {
      const all = inMain + elsewhere;
      inMain = placement === 'all-main' ? all : 0;
      elsewhere = all - inMain;
    }
    const level = gazetteer.entities[entity]?.relevance ?? 'general';
    total += WEIGHT[level] * (Math.log2(1 + inMain) + OUTSIDE_MAIN_FACTOR * Math.log2(1 + elsewhere));
    if (level === DECISIVE_LEVEL && inMain > 0) {
      core.add(entity);
      coreWeight += inMain;
    }
  }
  total += TITLE_FACTOR * distinctWeight(gazetteer, titleHits);
  const titleCore = titleHits.filter((h) => gazetteer.entities[h.entity]?.relevance === DECISIVE_LEVEL);
  for (const h of titleCore) core.add(h.entity);
  const tagScore = Math.min(TAGS_MAX, distinctWeight(gazetteer, tagHits.filter((h) => !h.demonym)));
  total += tagScore;
  const dense = mainWords === 0 || (coreWeight * 1000) / mainWords >= MIN_CORE_PER_1000_WORDS || titleCore.length > 0;
  const relevant = total >= RELEVANCE_THRESHOLD && core.size >= MIN_CORE_ENTITIES && dense;
  return { relevant, score: round(total), tagScore: round(tagScore), coreEntities: core.size };
}

function distinctWeight(gazetteer: CompiledGazetteer, hits: NameHit[]): number {
  let sum = 0;
  for (const entity of new Set(hits.map((h) => h.entity))) sum += WEIGHT[gazetteer.entities[entity]?.relevance ?? 'general'];
  return sum;
}

const round = (x: number) => Math.round(x * 100) / 100;

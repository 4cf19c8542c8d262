import type { EntityType } from '../entities/schema';

/**
 * How an entity was reached: `exact` — the selection equals one of its names after folding (score 0);
 * `named` — the selection contains one of its names word for word ("US-backed Syrian Democratic Forces");
 * `fuzzy` — a close spelling of a name or of part of one ("Dier ez Zor", "Bagdadi").
 */
export type EntityMatchKind = 'exact' | 'named' | 'fuzzy';

export interface EntityHit {
  id: string;
  name: string;
  type: EntityType;
  /** 0 is best (exact); hits above ENTITY_MAX_SCORE are not returned as found. */
  score: number;
  kind: EntityMatchKind;
  /** The alias, name or demonym that matched, as the gazetteer writes it. */
  alias: string;
  demonym: boolean;
  /** For `named` hits: how many times the selection names the entity. */
  count?: number;
}

/** A range of a passage's text, in its original offsets: `passage.text.slice(start, end)` is what to highlight. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Why a passage is listed: `text` — it contains the selected words (folded); `entity` — it names a matched
 * entity by any alias; `fuzzy` — it contains a close spelling of the selected words.
 */
export type PassageMatchKind = 'text' | 'entity' | 'fuzzy';

export interface PassageHit {
  article: string;
  ordinal: number;
  paragraph: number;
  text: string;
  /** Sorted, non-overlapping ranges of `text` to highlight. */
  ranges: TextRange[];
  kind: PassageMatchKind;
  /** 0 is best: the words themselves or a name of the entity; a demonym or a fuzzy spelling scores more. */
  score: number;
  /** Matched entities this passage mentions (ids). */
  entities: string[];
}

export interface NearestName {
  id: string;
  name: string;
  /** The closest alias as written. */
  alias: string;
  score: number;
}

export type LookupResult =
  | {
      status: 'found';
      /** `term`: the selection was looked up as a name or phrase; `names-in-text`: a long selection, read for the entities it names. */
      mode: 'term' | 'names-in-text';
      entities: EntityHit[];
      passages: PassageHit[];
      /** Passages found before `limit` cut the list. */
      totalPassages: number;
    }
  | { status: 'not-in-corpus'; message: string; nearest: NearestName[] }
  | { status: 'empty' | 'too-long' | 'no-letters'; message: string };

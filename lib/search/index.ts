/** Look-up of a selected term in the corpus: entities by name (Fuse.js), passages by words and by entity. */
export { createLookup, lookupIn, type Lookup, type LookupData, type LookupOptions } from './lookup';
export { EntityIndex, ENTITY_MAX_SCORE } from './entity-index';
export { PassageIndex } from './passage-index';
export { TERM_MAX_CHARS, TERM_MAX_WORDS, SELECTION_MAX_CHARS } from './query';
export type { NameFinder } from './named';
export type { EntityHit, EntityMatchKind, LookupResult, NearestName, PassageHit, PassageMatchKind, TextRange } from './types';

/** Plain constants and types of the gazetteer, free of zod so that the content script can import them. */
export const ENTITY_TYPES = ['person', 'place', 'organization', 'group', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** How specific an entity is to Syria/ISIS news; it weighs the entity in the relevance score. */
export const RELEVANCE_LEVELS = ['core', 'regional', 'general'] as const;
export type RelevanceLevel = (typeof RELEVANCE_LEVELS)[number];

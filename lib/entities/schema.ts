import { z } from 'zod';

export const ENTITY_TYPES = ['person', 'place', 'organization', 'group', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** How specific an entity is to Syria/ISIS news; it weighs the entity in the relevance score. */
export const RELEVANCE_LEVELS = ['core', 'regional', 'general'] as const;
export type RelevanceLevel = (typeof RELEVANCE_LEVELS)[number];

export const EntitySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase kebab-case id'),
    type: z.enum(ENTITY_TYPES),
    name: z.string().min(1),
    description: z.string().min(1).max(300),
    relevance: z.enum(RELEVANCE_LEVELS),
    aliases: z.array(z.string().min(1)).min(1),
    demonyms: z.array(z.string().min(1)).optional(),
    caseSensitive: z.array(z.string().min(1)).optional(),
  })
  .superRefine((entity, ctx) => {
    for (const [i, alias] of (entity.caseSensitive ?? []).entries()) {
      if (!entity.aliases.includes(alias) && !(entity.demonyms ?? []).includes(alias)) {
        ctx.addIssue({ code: 'custom', path: ['caseSensitive', i], message: `"${alias}" is not one of the aliases` });
      }
    }
  });

export const EntitiesFileSchema = z
  .object({
    version: z.string().min(1),
    entities: z.array(EntitySchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.entities.forEach((entity, i) => {
      if (seen.has(entity.id)) {
        ctx.addIssue({ code: 'custom', path: ['entities', i, 'id'], message: `duplicate id "${entity.id}" (also entities[${seen.get(entity.id)}])` });
      }
      seen.set(entity.id, i);
    });
  });

export type Entity = z.infer<typeof EntitySchema>;
export type EntitiesFile = z.infer<typeof EntitiesFileSchema>;

import { z } from 'zod';

import { ENTITY_TYPES, RELEVANCE_LEVELS } from './types';

export { ENTITY_TYPES, RELEVANCE_LEVELS, type EntityType, type RelevanceLevel } from './types';

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

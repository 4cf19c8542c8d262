import { contrastLine, namesEntity } from '../../lib/corpus/contrast';
import type { EntitySummary } from '../../lib/messages';
import { db } from './corpus';

/** For the hover card: each entity's name, how many corpus articles mention it, and a one-line contrast. */
export async function entitySummaries(ids: string[]): Promise<EntitySummary[]> {
  const unique = [...new Set(ids)];
  const [entities, framings, articles] = await Promise.all([
    db.entities.bulkGet(unique),
    db.framings.where('entity').anyOf(unique).toArray(),
    db.articles.toArray(),
  ]);
  return entities.flatMap((e) => {
    if (!e) return [];
    const mine = framings.filter((f) => f.entity === e.id);
    return [
      {
        id: e.id,
        name: e.name,
        type: e.type,
        articles: mine.filter(namesEntity).length,
        totalArticles: articles.length,
        contrast: contrastLine(mine, articles, e.name),
      },
    ];
  });
}

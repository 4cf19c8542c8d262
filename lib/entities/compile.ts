import { normalize } from '../text';
import { arabicVariants } from './arabic-variants';
import { buildFirstWordIndex, sortByFirstWord, type FirstWordIndex } from './first-words';
import { hasContextRule } from './context-rules';
import type { EntitiesFile } from './schema';
import type { EntityType, RelevanceLevel } from './types';

export const AliasFlag = { Demonym: 1, CaseSensitive: 2 } as const;

export interface GazetteerEntity {
  id: string;
  type: EntityType;
  name: string;
  relevance: RelevanceLevel;
}

/** [folded alias, entity index, flags, alias as written — kept only where the case check needs it, else ''] */
export type CompiledAlias = [string, number, number, string];

/** The gazetteer as the content script needs it: no descriptions, aliases already folded. */
export interface CompiledGazetteer {
  version: string;
  entities: GazetteerEntity[];
  aliases: CompiledAlias[];
  /** Where each first word's aliases start (`aliases` is sorted by first word), for the matcher: computed here so that no page has to. */
  firstWords: FirstWordIndex;
}

export interface GazetteerProblem {
  path: string;
  message: string;
}

/** Folds every alias once and checks that no folded alias belongs to two entities unless a context rule settles it. */
export function compileGazetteer(file: EntitiesFile): { gazetteer: CompiledGazetteer; problems: GazetteerProblem[] } {
  const problems: GazetteerProblem[] = [];
  const owners = new Map<string, { entity: number; path: string }>();
  const aliases: CompiledAlias[] = [];
  const entities = file.entities.map((e, index) => {
    const caseSensitive = new Set(e.caseSensitive ?? []);
    const forms: Array<[string, number]> = [
      ...e.aliases.map((a): [string, number] => [a, 0]),
      ...(e.demonyms ?? []).map((a): [string, number] => [a, AliasFlag.Demonym]),
    ];
    const mine = new Set<string>();
    forms.forEach(([alias, kind], k) => {
      const path = kind ? `entities[${index}].demonyms[${k - e.aliases.length}]` : `entities[${index}].aliases[${k}]`;
      const folded = normalize(alias);
      if (folded.length === 0) {
        problems.push({ path, message: `alias "${alias}" has no letters or digits` });
        return;
      }
      const flags = kind | (caseSensitive.has(alias) ? AliasFlag.CaseSensitive : 0);
      const key = `${folded}\u0000${flags & AliasFlag.CaseSensitive ? alias : ''}`;
      if (mine.has(key)) return;
      mine.add(key);
      const owner = owners.get(folded);
      if (owner && owner.entity !== index && !hasContextRule(folded)) {
        problems.push({
          path,
          message: `alias "${alias}" (folded "${folded}") is also claimed by ${file.entities[owner.entity]?.id} at ${owner.path}, and no context rule settles it`,
        });
      }
      if (!owner) owners.set(folded, { entity: index, path });
      aliases.push([folded, index, flags, flags & AliasFlag.CaseSensitive ? alias : '']);
    });
    return { id: e.id, type: e.type, name: e.name, relevance: e.relevance };
  });
  // Arabic names also match with the conjunctions and prepositions written joined to them. A variant never
  // displaces any entity's own alias; between variants, the first in file order wins.
  const taken = new Set(aliases.map(([folded]) => folded));
  for (const [folded, index, flags] of [...aliases]) {
    for (const variant of arabicVariants(folded)) {
      if (taken.has(variant)) continue;
      taken.add(variant);
      aliases.push([variant, index, flags & ~AliasFlag.CaseSensitive, '']);
    }
  }
  const sorted = sortByFirstWord(aliases);
  return { gazetteer: { version: file.version, entities, aliases: sorted, firstWords: buildFirstWordIndex(sorted) }, problems };
}

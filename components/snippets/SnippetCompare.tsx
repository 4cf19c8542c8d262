import { loadGazetteer } from 'virtual:crossframe/gazetteer';
import { useMemo } from 'react';
import { articleShortName } from '../../lib/corpus/contrast';
import type { SnippetRecord } from '../../lib/db/snippet-types';
import { Matcher } from '../../lib/entities/matcher';
import { Highlighted } from '../Highlighted';
import { useArticles } from '../hooks/useCorpus';
import { useFramingsOf } from '../hooks/useEntity';

interface Props {
  snippets: SnippetRecord[];
  entityName: (id: string) => string;
  onOpenEntity: (id: string) => void;
}

/**
 * Two to four snippets side by side, aligned on the entities they share: one row per shared entity, each
 * snippet's words for it highlighted, and beside them how the five corpus articles frame that entity.
 */
export function SnippetCompare({ snippets, entityName, onOpenEntity }: Props) {
  const matcher = useMemo(() => new Matcher(loadGazetteer()), []);
  const counts = new Map<string, number>();
  for (const s of snippets) for (const e of new Set(s.entities)) counts.set(e, (counts.get(e) ?? 0) + 1);
  const shared = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).map(([e]) => e);
  const framings = useFramingsOf(shared);
  const articles = useArticles();
  const ranges = (text: string, entity: string) =>
    matcher
      .find(text)
      .filter((m) => matcher.gazetteer.entities[m.entity]?.id === entity)
      .map((m) => ({ start: m.start, end: m.end }));
  return (
    <section aria-labelledby="compare-snippets" className="snippet-compare">
      <h3 id="compare-snippets">Comparing {snippets.length} snippets</h3>
      {shared.length === 0 ? (
        <p className="muted">These snippets name no entity in common.</p>
      ) : (
        <table className="compare-snippets">
          <thead>
            <tr>
              <th scope="col">Shared entity</th>
              {snippets.map((s, i) => (
                <th key={s.id} scope="col">
                  {i + 1}. {s.source.title || s.source.site}
                </th>
              ))}
              <th scope="col">The corpus</th>
            </tr>
          </thead>
          <tbody>
            {shared.map((entity) => (
              <tr key={entity}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onOpenEntity(entity)}>
                    {entityName(entity)}
                  </button>
                </th>
                {snippets.map((s) => (
                  <td key={s.id}>
                    {s.entities.includes(entity) ? <Highlighted text={s.selectors[0].exact} ranges={ranges(s.selectors[0].exact, entity)} /> : <span className="muted">not named</span>}
                  </td>
                ))}
                <td>
                  <ul className="corpus-lines">
                    {(articles ?? []).map((a) => (
                      <li key={a.id}>
                        <strong>{articleShortName(a)}:</strong> {framings?.find((f) => f.entity === entity && f.article === a.id)?.summary ?? '…'}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

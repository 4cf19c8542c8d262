import { useMemo } from 'react';
import { articleShortName } from '../../lib/corpus/contrast';
import type { LookupResult } from '../../lib/search';
import { Highlighted } from '../Highlighted';
import { useArticles } from '../hooks/useCorpus';
import { useLookup } from '../hooks/useLookup';
import { TypeBadge } from '../TypeBadge';

interface Props {
  query: string;
  onOpenEntity: (id: string) => void;
  onOpenArticle: (article: string, entity?: string) => void;
}

/** Look-up results: the best-matching entities first, then corpus passages with the words highlighted. */
export function SearchView({ query, onOpenEntity, onOpenArticle }: Props) {
  const lookup = useLookup();
  const articles = useArticles();
  const result: LookupResult | undefined = useMemo(() => lookup?.lookup(query), [lookup, query]);
  if (!result || !articles) return <p role="status">Preparing the look-up…</p>;
  const title = (id: string) => {
    const a = articles.find((x) => x.id === id);
    return a ? `${articleShortName(a)} — ${a.title}` : id;
  };
  const shown = query.length > 80 ? `${query.slice(0, 80)}…` : query;
  if (result.status !== 'found' && result.status !== 'not-in-corpus') {
    return (
      <section className="status" role="status" aria-labelledby="search-heading">
        <h2 id="search-heading">Look up</h2>
        <p>{result.message}</p>
      </section>
    );
  }
  if (result.status === 'not-in-corpus') {
    return (
      <section className="status" aria-labelledby="search-heading">
        <h2 id="search-heading">“{shown}” is not in the corpus</h2>
        <p>{result.message}</p>
        {result.nearest.length > 0 && (
          <>
            <h3>Nearest names in the corpus</h3>
            <ul className="entity-list">
              {result.nearest.map((n) => (
                <li key={n.id}>
                  <button type="button" className="entity-row" onClick={() => onOpenEntity(n.id)}>
                    <span className="entity-name">{n.name}</span>
                    {n.alias !== n.name && <span className="entity-meta">as “{n.alias}”</span>}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    );
  }
  return (
    <section aria-labelledby="search-heading">
      <h2 id="search-heading">Results for “{shown}”</h2>
      {result.entities.length > 0 && (
        <>
          <h3>{result.mode === 'names-in-text' ? 'Names in the selection' : 'Entities'}</h3>
          <ul className="entity-list">
            {result.entities.map((e) => (
              <li key={e.id}>
                <button type="button" className="entity-row" onClick={() => onOpenEntity(e.id)}>
                  <span className="entity-name">{e.name}</span>
                  <TypeBadge type={e.type} />
                  <span className="entity-meta">{e.kind === 'exact' ? `as “${e.alias}”` : e.kind === 'fuzzy' ? `close to “${e.alias}”` : `names “${e.alias}”`}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>
        Passages{result.totalPassages > result.passages.length ? ` (first ${result.passages.length} of ${result.totalPassages})` : ` (${result.passages.length})`}
      </h3>
      {result.passages.length === 0 ? (
        <p className="muted">No corpus passage contains it.</p>
      ) : (
        <ol className="passages">
          {result.passages.map((p) => (
            <li key={`${p.article}#${p.ordinal}`} className="passage">
              <p className="passage-source">
                <button type="button" className="link-button" onClick={() => onOpenArticle(p.article, p.entities[0])}>
                  {title(p.article)}
                </button>
              </p>
              <p>
                <Highlighted text={p.text} ranges={p.ranges} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

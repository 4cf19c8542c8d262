import { useEffect } from 'react';
import { namesEntity } from '../../lib/corpus/contrast';
import { ArticleMetaLine } from '../ArticleMetaLine';
import { ContestedTerms, DescriptorChips } from '../DescriptorChips';
import { useArticles } from '../hooks/useCorpus';
import { useEntity, useFramings, useMentions } from '../hooks/useEntity';
import { PassageList } from '../PassageList';
import { ToneMeter } from '../ToneMeter';
import { TypeBadge } from '../TypeBadge';
import { ENTITY_RENDERED_MARK } from './EntityView';

/**
 * The wide view: five columns, one per article, and one row per slot (summary, what it calls it, contested
 * terms, tone, passages), so each row reads across the articles.
 */
export function CompareView({ id }: { id: string }) {
  const entity = useEntity(id);
  const framings = useFramings(id);
  const articles = useArticles();
  const ready = entity && framings && articles;
  useEffect(() => {
    if (ready) performance.mark(ENTITY_RENDERED_MARK, { detail: { entity: id } });
  }, [ready, id]);
  if (entity === null) return <p role="status">No entity “{id}” in the corpus.</p>;
  if (!ready) return <p role="status">Loading…</p>;
  const cols = articles.map((a) => ({ article: a, framing: framings.find((f) => f.article === a.id) }));
  const rows: Array<{ label: string; cell: (c: (typeof cols)[number]) => React.ReactNode }> = [
    { label: 'Summary', cell: (c) => <p className="summary">{c.framing?.summary ?? 'does not mention it'}</p> },
    { label: 'Calls it', cell: (c) => (namesEntity(c.framing) ? <DescriptorChips descriptors={c.framing!.descriptors} /> : null) },
    { label: 'Contested terms', cell: (c) => (namesEntity(c.framing) ? <ContestedTerms terms={c.framing!.contested} /> : null) },
    { label: 'Tone', cell: (c) => (namesEntity(c.framing) ? <ToneMeter tone={c.framing!.tone} words={c.framing!.toneWords} /> : null) },
    { label: 'Passages', cell: (c) => (c.framing && c.framing.passages.length > 0 ? <ComparePassages entity={id} article={c.article.id} ordinals={c.framing.passages} /> : null) },
  ];
  return (
    <article className="compare" aria-labelledby="compare-title">
      <header className="entity-head">
        <h1 id="compare-title">{entity.name}</h1>
        <TypeBadge type={entity.type} />
      </header>
      <p className="description">{entity.description}</p>
      <table className="compare-grid">
        <thead>
          <tr>
            <td />
            {cols.map((c) => (
              <th key={c.article.id} scope="col" className={namesEntity(c.framing) ? '' : 'silent'}>
                <a href={`sidepanel.html#/article/${c.article.id}/${id}`}>{c.article.title}</a>
                <ArticleMetaLine article={c.article} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {cols.map((c) => (
                <td key={c.article.id} className={namesEntity(c.framing) ? '' : 'silent'}>
                  {r.cell(c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

function ComparePassages({ entity, article, ordinals }: { entity: string; article: string; ordinals: number[] }) {
  const mentions = useMentions(entity, article);
  return <PassageList article={article} ordinals={ordinals} mentions={mentions ?? []} initial={4} />;
}

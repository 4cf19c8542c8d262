import { useEffect, useRef, useState } from 'react';
import { namesEntity } from '../../lib/corpus/contrast';
import type { PassageRecord } from '../../lib/corpus/types';
import { FramingCard } from '../FramingCard';
import { FramingGlance } from '../FramingGlance';
import { useArticles } from '../hooks/useCorpus';
import { getDb } from '../hooks/db';
import { useEntity, useFramings } from '../hooks/useEntity';
import { saveCorpusPassage } from '../hooks/useSnippets';
import { TypeBadge } from '../TypeBadge';

interface Props {
  id: string;
  onOpenArticle: (article: string, entity?: string) => void;
  onOpenWide?: (id: string) => void;
}

/** Mark set when an entity view has its data on screen (the e2e run measures click → view with it). */
export const ENTITY_RENDERED_MARK = 'crossframe:entity-rendered';

/** One entity: what it is, then how each corpus article frames it, side by side and card by card. */
export function EntityView({ id, onOpenArticle, onOpenWide }: Props) {
  const [saved, setSaved] = useState('');
  const entity = useEntity(id);
  const framings = useFramings(id);
  const articles = useArticles();
  const heading = useRef<HTMLHeadingElement>(null);
  const ready = entity && framings && articles;
  useEffect(() => {
    if (!ready) return;
    performance.mark(ENTITY_RENDERED_MARK, { detail: { entity: id } });
    heading.current?.focus();
  }, [ready, id]);
  if (entity === null) return <p role="status">No entity “{id}” in the corpus.</p>;
  if (!ready) return <p role="status">Loading…</p>;
  const naming = framings.filter(namesEntity).length;
  // A corpus passage saved as a snippet keeps the names it contains, so it can be filtered and compared.
  const onSave = async (p: PassageRecord) => {
    const title = articles.find((a) => a.id === p.article)?.title ?? p.article;
    try {
      const inPassage = await getDb().mentions.where('[article+passage]').equals([p.article, p.ordinal]).toArray();
      await saveCorpusPassage(p, title, [...new Set(inPassage.map((m) => m.entity))]);
      setSaved('Passage saved to your snippets.');
    } catch (e) {
      setSaved(`Not saved: ${(e as Error).message}`);
    }
  };
  const scrollTo = (article: string) => document.getElementById(`card-${article}`)?.focus();
  return (
    <article className="entity-view" aria-labelledby="entity-name">
      <header className="entity-head">
        <h2 id="entity-name" ref={heading} tabIndex={-1}>
          {entity.name}
        </h2>
        <TypeBadge type={entity.type} />
      </header>
      <p className="description">{entity.description}</p>
      <p className="muted">
        Named in {naming} of {articles.length} corpus articles.
        {onOpenWide && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => onOpenWide(id)}>
              Open the wide view (five columns)
            </button>
          </>
        )}
      </p>
      <FramingGlance articles={articles} framings={framings} onPick={scrollTo} />
      <p role="status" className="muted">
        {saved}
      </p>
      <div className="cards">
        {articles.map((a) => (
          <FramingCard
            key={a.id}
            entity={id}
            article={a}
            framing={framings.find((f) => f.article === a.id)}
            onOpenArticle={(article) => onOpenArticle(article, id)}
            onSave={(p) => void onSave(p)}
          />
        ))}
      </div>
    </article>
  );
}

import { useEffect, useRef } from 'react';
import { namesEntity } from '../../lib/corpus/contrast';
import type { PassageRecord } from '../../lib/corpus/types';
import { FramingCard } from '../FramingCard';
import { FramingGlance } from '../FramingGlance';
import { useArticles } from '../hooks/useCorpus';
import { useEntity, useFramings } from '../hooks/useEntity';
import { TypeBadge } from '../TypeBadge';

interface Props {
  id: string;
  onOpenArticle: (article: string, entity?: string) => void;
  onOpenWide?: (id: string) => void;
  onSave?: (p: PassageRecord) => void;
}

/** Mark set when an entity view has its data on screen (the e2e run measures click → view with it). */
export const ENTITY_RENDERED_MARK = 'crossframe:entity-rendered';

/** One entity: what it is, then how each corpus article frames it, side by side and card by card. */
export function EntityView({ id, onOpenArticle, onOpenWide, onSave }: Props) {
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
      <div className="cards">
        {articles.map((a) => (
          <FramingCard
            key={a.id}
            entity={id}
            article={a}
            framing={framings.find((f) => f.article === a.id)}
            onOpenArticle={(article) => onOpenArticle(article, id)}
            onSave={onSave}
          />
        ))}
      </div>
    </article>
  );
}

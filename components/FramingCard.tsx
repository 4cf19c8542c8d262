import { namesEntity } from '../lib/corpus/contrast';
import type { ArticleRecord, FramingRecord, PassageRecord } from '../lib/corpus/types';
import { ArticleMetaLine } from './ArticleMetaLine';
import { ContestedTerms, DescriptorChips } from './DescriptorChips';
import { useMentions } from './hooks/useEntity';
import { PassageList } from './PassageList';
import { ToneMeter } from './ToneMeter';

interface Props {
  entity: string;
  article: ArticleRecord;
  framing: FramingRecord | undefined;
  onOpenArticle: (article: string) => void;
  onSave?: (p: PassageRecord) => void;
}

/** One corpus article's framing of one entity, in fixed slots so cards compare row by row. */
export function FramingCard({ entity, article, framing, onOpenArticle, onSave }: Props) {
  const mentions = useMentions(entity, article.id);
  const named = namesEntity(framing);
  return (
    <section className={`framing-card ${named ? '' : 'silent'}`} aria-labelledby={`card-${article.id}`} id={`card-${article.id}`} tabIndex={-1}>
      <h3 id={`card-${article.id}`}>
        <button type="button" className="link-button" onClick={() => onOpenArticle(article.id)}>
          {article.title}
        </button>
      </h3>
      <ArticleMetaLine article={article} />
      <p className="summary">{framing?.summary ?? 'does not mention it'}</p>
      {named && framing && (
        <dl className="slots">
          <dt>Calls it</dt>
          <dd>
            <DescriptorChips descriptors={framing.descriptors} />
          </dd>
          <dt>Contested terms</dt>
          <dd>
            <ContestedTerms terms={framing.contested} />
          </dd>
          <dt>Tone</dt>
          <dd>
            <ToneMeter tone={framing.tone} words={framing.toneWords} />
          </dd>
          <dt>Passages</dt>
          <dd>
            <PassageList article={article.id} ordinals={framing.passages} mentions={mentions ?? []} onSave={onSave} />
          </dd>
        </dl>
      )}
      {!named && framing && framing.passages.length > 0 && (
        <PassageList article={article.id} ordinals={framing.passages} mentions={mentions ?? []} initial={2} onSave={onSave} />
      )}
    </section>
  );
}

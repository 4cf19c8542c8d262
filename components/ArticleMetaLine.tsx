import { formatArticleDate, formatFirstPublisher } from '../lib/corpus/format';
import type { ArticleRecord } from '../lib/corpus/types';

/** Author, outlet, first publisher and date; an inferred date says so. */
export function ArticleMetaLine({ article }: { article: ArticleRecord }) {
  const date = formatArticleDate(article.date);
  const first = formatFirstPublisher(article);
  return (
    <p className="meta">
      <span>{article.author === 'not stated' ? 'Author not stated' : article.author}</span>
      {' · '}
      <span>{article.outlet === 'not stated' ? 'Outlet not stated' : article.outlet}</span>
      {first && <span> (first published by {first})</span>}
      {' · '}
      <span className={date.inferred ? 'inferred' : undefined} title={article.date.status === 'not stated' ? article.date.inferred.basis : undefined}>
        {date.text}
      </span>
    </p>
  );
}

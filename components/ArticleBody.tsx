import type { ArticleRecord } from '../lib/corpus/types';
import { ArticleMetaLine } from './ArticleMetaLine';

/** An article's title, metadata and body, paragraph by paragraph, as plain text. */
export function ArticleBody({ article }: { article: ArticleRecord }) {
  return (
    <article className="article-body" aria-labelledby={`title-${article.id}`}>
      <h2 id={`title-${article.id}`}>{article.title}</h2>
      {article.subtitle && <p className="subtitle">{article.subtitle}</p>}
      <ArticleMetaLine article={article} />
      {article.body.split('\n\n').map((para, i) => (
        <p key={i}>{para}</p>
      ))}
    </article>
  );
}

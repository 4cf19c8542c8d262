import type { ArticleRecord } from '../lib/corpus/types';
import { ArticleMetaLine } from './ArticleMetaLine';

interface Props {
  articles: ArticleRecord[];
  onOpen: (id: string) => void;
}

/** The corpus articles, each a button that opens its text. */
export function ArticleList({ articles, onOpen }: Props) {
  return (
    <ol className="article-list" aria-label="Corpus articles">
      {articles.map((a) => (
        <li key={a.id}>
          <button type="button" className="link-button article-title" onClick={() => onOpen(a.id)}>
            {a.title}
          </button>
          <ArticleMetaLine article={a} />
          <p className="perspective">{a.perspective}</p>
        </li>
      ))}
    </ol>
  );
}

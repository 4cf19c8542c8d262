import { ArticleList } from '../ArticleList';
import { useArticles } from '../hooks/useCorpus';

/** The five corpus articles; each opens in the reader. */
export function ArticlesView({ onOpen }: { onOpen: (id: string) => void }) {
  const articles = useArticles();
  if (articles === undefined) return <p role="status">Loading the corpus…</p>;
  if (articles.length === 0) return <p role="status">Preparing the corpus… (first start)</p>;
  return (
    <section aria-labelledby="articles-heading">
      <h2 id="articles-heading">The corpus</h2>
      <p className="muted">Five articles (2017–2019) with sharply different views of the same war.</p>
      <ArticleList articles={articles} onOpen={onOpen} />
    </section>
  );
}

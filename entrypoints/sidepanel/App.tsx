import { useState } from 'react';
import { ArticleBody } from '../../components/ArticleBody';
import { ArticleList } from '../../components/ArticleList';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { useArticle, useArticles } from '../../components/hooks/useCorpus';

function Corpus() {
  const [open, setOpen] = useState<string | null>(null);
  const articles = useArticles();
  const article = useArticle(open);
  if (articles === undefined) return <p role="status">Loading the corpus…</p>;
  if (articles.length === 0) return <p role="status">Preparing the corpus… (first start)</p>;
  if (open && article) {
    return (
      <>
        <button type="button" className="back" onClick={() => setOpen(null)}>
          ← All articles
        </button>
        <ArticleBody article={article} />
      </>
    );
  }
  return <ArticleList articles={articles} onOpen={setOpen} />;
}

export function App() {
  return (
    <main className="panel">
      <h1 className="app-title">Crossframe</h1>
      <ErrorBoundary what="Could not read the corpus">
        <Corpus />
      </ErrorBoundary>
    </main>
  );
}

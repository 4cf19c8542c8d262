/** W3C Web Annotation selectors: the quote with its context, and its position in the page text. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface SnippetSource {
  kind: 'page' | 'corpus';
  url: string;
  title: string;
  /** Host name of the page ("www.bbc.com"), or "corpus" for a corpus passage. */
  site: string;
  /** For a corpus passage: the article id and the passage ordinal. */
  article?: string;
  passage?: number;
}

export interface SnippetRecord {
  id: string;
  created: number;
  updated: number;
  source: SnippetSource;
  selectors: [TextQuoteSelector, TextPositionSelector];
  note: string;
  tags: string[];
  /** Ids of the corpus entities named inside the quote. */
  entities: string[];
}

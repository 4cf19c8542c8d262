/**
 * W3C Web Annotation selectors: the quote with its context, and its position in the page text.
 * Kept here, not in lib/db, so that the anchoring code (which may run inside pages) imports nothing from the database layer.
 */
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

export type SnippetSelectors = [TextQuoteSelector, TextPositionSelector];

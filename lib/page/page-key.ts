/** The page's identity for single-page-app navigation: the URL without its fragment. */
export function pageKey(doc: Document): string {
  const href = doc.location?.href ?? '';
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

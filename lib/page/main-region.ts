import { Readability } from '@mozilla/readability';

/** Past this many elements Readability's cost grows beyond a frame budget; such pages are read without a main region. */
export const MAX_ELEMENTS_FOR_READABILITY = 15_000;

/**
 * The text nodes of the page's main article, found by Mozilla's Readability (Firefox Reader View) on a
 * clone of the document. Readability moves nodes rather than copying text, so each kept clone text node is
 * traced back to the live node it was cloned from. Returns null when the page has no article-like region.
 */
export function findMainTextNodes(doc: Document): Set<Text> | null {
  if (doc.getElementsByTagName('*').length > MAX_ELEMENTS_FOR_READABILITY) return null;
  const clone = doc.cloneNode(true) as Document;
  const twin = pairTextNodes(doc, clone);
  let article: { content: Element; title?: string | null } | null;
  try {
    article = new Readability<Element>(clone, { serializer: (el) => el as Element, keepClasses: true }).parse() as { content: Element; title?: string | null } | null;
  } catch {
    return null;
  }
  if (!article?.content) return null;
  const main = new Set<Text>();
  const walker = clone.createTreeWalker(article.content, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const live = twin.get(n as Text);
    if (live) main.add(live);
  }
  if (main.size === 0) return null;
  addHeadline(doc, article.title ?? '', main);
  return main;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Readability hands the headline back as the title and drops it from the content; it is part of the article. */
function addHeadline(doc: Document, title: string, main: Set<Text>): void {
  const wanted = squash(title);
  if (wanted.length < 8) return;
  for (const h of Array.from(doc.querySelectorAll('h1, h2'))) {
    const text = squash(h.textContent ?? '');
    if (text.length < 8 || !(text === wanted || wanted.includes(text) || text.includes(wanted))) continue;
    const walker = doc.createTreeWalker(h, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) main.add(n as Text);
    return;
  }
}

/** Clone text node → live text node, by walking both documents in document order. */
function pairTextNodes(live: Document, clone: Document): Map<Text, Text> {
  const pairs = new Map<Text, Text>();
  const a = live.createTreeWalker(live, 4);
  const b = clone.createTreeWalker(clone, 4);
  for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) pairs.set(y as Text, x as Text);
  return pairs;
}

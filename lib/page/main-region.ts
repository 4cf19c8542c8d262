import { Readability } from '@mozilla/readability';

/**
 * Readability runs in one piece (it cannot be sliced), so it only runs on pages of news-article size; the
 * real pages we test on have at most ~2,100 elements and 120,000 characters of text. Bigger pages use the
 * semantic fallback below.
 */
export const MAX_ELEMENTS_FOR_READABILITY = 5_000;
export const MAX_CHARS_FOR_READABILITY = 250_000;

/**
 * The text nodes of the page's main article, found by Mozilla's Readability (Firefox Reader View) on a
 * clone of the document. Readability moves nodes rather than copying text, so each kept clone text node is
 * traced back to the live node it was cloned from. Returns null when the page has no article-like region.
 */
export function findMainTextNodes(doc: Document, textLength = 0): Set<Text> | null {
  if (doc.getElementsByTagName('*').length > MAX_ELEMENTS_FOR_READABILITY || textLength > MAX_CHARS_FOR_READABILITY) {
    return semanticMainRegion(doc, textLength);
  }
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

/**
 * For pages too big for Readability: the page's own markup for its main content (article, articleBody,
 * main), when one such element holds at least a third of the page's text. Cheap: a selector and one walk.
 */
function semanticMainRegion(doc: Document, textLength: number): Set<Text> | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const el of Array.from(doc.querySelectorAll('[itemprop="articleBody"], article, main, [role="main"]'))) {
    const length = el.textContent?.length ?? 0;
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  if (!best || bestLength < textLength / 3) return null;
  const main = new Set<Text>();
  const walker = doc.createTreeWalker(best, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) main.add(n as Text);
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

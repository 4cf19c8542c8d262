import { Readability } from '@mozilla/readability';
import type { PageText } from './collect';

/**
 * Readability runs in one piece (it cannot be sliced), so it only runs on pages of news-article size; the
 * real pages we test on have at most ~2,100 elements and 120,000 characters of text. Bigger pages use the
 * semantic fallback below.
 */
export const MAX_ELEMENTS_FOR_READABILITY = 5_000;
export const MAX_CHARS_FOR_READABILITY = 250_000;
/** Some of Readability's passes grow with depth × size: 2,500 levels took it most of a second. News pages: ~25. */
export const MAX_DEPTH_FOR_READABILITY = 250;

/**
 * The text nodes of the page's main article, found by Mozilla's Readability (Firefox Reader View) on a
 * clone of the document. Readability moves nodes rather than copying text, so each kept clone text node is
 * traced back to the live node it was cloned from. Returns null when the page has no article-like region.
 */
export function* findMainTextNodesSteps(doc: Document, page: PageText): Generator<void, Set<Text> | null> {
  // Cheap checks first: counting a huge page's elements is itself a long task.
  if (page.length > MAX_CHARS_FOR_READABILITY || page.maxDepth > MAX_DEPTH_FOR_READABILITY || doc.getElementsByTagName('*').length > MAX_ELEMENTS_FOR_READABILITY) {
    return yield* semanticMainRegion(doc, page);
  }
  yield;
  return findMainTextNodes(doc);
}

/** Readability's main region, run in one piece: only for pages of news-article size (see findMainTextNodesSteps). */
export function findMainTextNodes(doc: Document): Set<Text> | null {
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
 * For pages too big or too deep for Readability: the page's own markup for its main content (article,
 * articleBody, main), when one such element holds at least a third of the page's text. Sliced.
 */
function* semanticMainRegion(doc: Document, page: PageText): Generator<void, Set<Text> | null> {
  const candidates = Array.from(doc.querySelectorAll('[itemprop="articleBody"], article, main, [role="main"]'));
  if (candidates.length === 0) return null;
  // Each candidate's share of the page text, from the collected text (no textContent of a huge subtree).
  const lengths = new Map<Element, number>();
  for (let i = 0; i < page.segments.length; i++) {
    const node = (page.segments[i] as { node: Text }).node;
    for (const c of candidates) if (c.contains(node)) lengths.set(c, (lengths.get(c) ?? 0) + node.length);
    if (i % 2000 === 1999) yield;
  }
  let best: Element | null = null;
  let bestLength = 0;
  for (const [el, length] of lengths) {
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  if (!best || bestLength < page.length / 3) return null;
  const main = new Set<Text>();
  for (let i = 0; i < page.segments.length; i++) {
    const node = (page.segments[i] as { node: Text }).node;
    if (best.contains(node)) main.add(node);
    if (i % 2000 === 1999) yield;
  }
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

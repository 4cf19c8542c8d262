/**
 * The publisher's own subject tags for the article: Open Graph `article:tag` and Google News
 * `news_keywords`, plus the classic `keywords`. Editors tag a story with what it is about ("ISIS",
 * "Syria"), even when the story itself only says "the Berlin attacker". They are a weak relevance signal
 * (see lib/entities/relevance.ts): never shown, never marked, and capped so that a site that stuffs every
 * page's keywords cannot make a page relevant.
 *
 * Ad keyword lists and tracking data live in scripts, not here; they are never read.
 */
const TAG_SELECTOR = ['meta[property="article:tag"]', 'meta[name="article:tag"]', 'meta[name="news_keywords"]', 'meta[name="keywords"]'].join(', ');

/** Tags are short; a page that puts a book in its keywords gets only its start read. */
export const MAX_TAG_CHARS = 2_000;
const MAX_TAG_ELEMENTS = 50;

/** The tags as one text, one tag per line (a line break ends any name, so two tags never join into one). */
export function readTopicTags(doc: Document): string {
  const head = doc.head;
  if (!head) return '';
  const tags: string[] = [];
  // Sites repeat their tags across article:tag, news_keywords and keywords.
  const seen = new Set<string>();
  let length = 0;
  for (const meta of Array.from(head.querySelectorAll(TAG_SELECTOR)).slice(0, MAX_TAG_ELEMENTS)) {
    // `value` is not standard, but some publishing systems write it instead of `content`.
    const raw = meta.getAttribute('content') ?? meta.getAttribute('value') ?? '';
    for (const tag of raw.split(',')) {
      const t = tag.trim();
      if (!t || seen.has(t.toLowerCase()) || length + t.length > MAX_TAG_CHARS) continue;
      seen.add(t.toLowerCase());
      tags.push(t);
      length += t.length + 1;
    }
  }
  return tags.join('\n');
}

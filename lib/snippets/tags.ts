/** Limits on a snippet's tags: short labels, a handful per snippet (a UI chip list, not a second note). */
export const MAX_TAG_LENGTH = 50;
export const MAX_TAGS = 30;

/**
 * A snippet's tags as stored: each trimmed with inner white space collapsed, empty ones dropped, duplicates removed
 * ignoring case (the first spelling is kept), order kept. Length limits are checked by the schema, not here.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    const key = tag.toLocaleLowerCase();
    if (tag.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

import type { CorpusInput } from './validate';

/**
 * Bump when the pipeline's output changes for the same input (new fields, different rules):
 * the background then re-seeds every installed copy.
 */
export const PIPELINE_VERSION = 4;

/** A stable 53-bit string hash (cyrb53); enough to tell corpus versions apart, not for security. */
export function hashString(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The corpus version: changes whenever an input (metadata, gazetteer, raw text) or the pipeline changes. */
export function corpusVersion(input: CorpusInput): string {
  const raw = Object.keys(input.raw)
    .sort()
    .map((k) => [k, input.raw[k]]);
  return `p${PIPELINE_VERSION}-${hashString(JSON.stringify([input.articles, input.entities, raw]))}`;
}

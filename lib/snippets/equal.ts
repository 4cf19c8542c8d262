import type { SnippetRecord } from '../db/snippet-types';

/** Structural equality of JSON-like values (what a snippet is made of). */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Whether two records are the same snippet with the same content. The trash state is left out: it is local to one
 * database, so a backup of a snippet that was deleted since is still "the same" snippet, not a conflict.
 */
export function sameSnippet(a: SnippetRecord, b: SnippetRecord): boolean {
  return equal({ ...a, deleted: undefined }, { ...b, deleted: undefined });
}

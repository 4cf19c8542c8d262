import type { BackgroundToContent } from './messages';

/**
 * The background's messages to a content script, checked without zod: the script that runs on every page
 * must not load the schemas for four messages that carry nothing but their type. Accepts exactly what
 * `BackgroundToContentSchema` accepts, and returns what it would (unknown keys dropped); a unit test holds
 * the two together.
 */
const TYPES: ReadonlySet<string> = new Set<BackgroundToContent['type']>(['content/ping', 'content/focus-marks', 'content/get-selection', 'content/save-selection']);

/** What zod's z.object accepts as an object: not null, not an array. */
function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

export function readContentMessage(raw: unknown): BackgroundToContent | null {
  if (!isRecord(raw)) return null;
  const type = raw.type;
  return typeof type === 'string' && TYPES.has(type) ? ({ type } as BackgroundToContent) : null;
}

/**
 * Whether the background's reply to a page report says the reader saved snippets on the page (what
 * `ReportReplySchema` accepts with `saved` above zero). Anything else, an error reply included, is not.
 */
export function saysSnippetsSaved(raw: unknown): boolean {
  if (!isRecord(raw)) return false;
  const saved = raw.saved;
  return typeof saved === 'number' && Number.isInteger(saved) && saved > 0 && saved <= 10_000_000;
}

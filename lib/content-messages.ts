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

/** The count of a reply to a page report, as `ReportReplySchema` reads it; null when it is not one. */
function savedCount(raw: unknown): number | null {
  if (!isRecord(raw)) return null;
  const saved = raw.saved;
  return typeof saved === 'number' && Number.isInteger(saved) && saved >= 0 && saved <= 10_000_000 ? saved : null;
}

/**
 * Whether the background took a page report and said so: null (no snippets saved on the page) or their count.
 * An error reply, or none (the message was lost), leaves the page to be reported again.
 */
export function isReportReply(raw: unknown): boolean {
  return raw === null || savedCount(raw) !== null;
}

/**
 * Whether the background's reply to a page report says the reader saved snippets on the page (what
 * `ReportReplySchema` accepts with `saved` above zero). Anything else, an error reply included, is not.
 */
export function saysSnippetsSaved(raw: unknown): boolean {
  return (savedCount(raw) ?? 0) > 0;
}

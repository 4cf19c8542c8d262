/**
 * Limits shared by the content scripts and the message schemas, in a module without zod: the gate script that
 * runs on every page imports them, and must not pay for the schemas.
 */

/** The most page text the content script reads (a very large page is cut there) and may hand over. */
export const MAX_PAGE_TEXT = 12_000_000;
export const MAX_URL = 4096;
export const MAX_TITLE = 1000;

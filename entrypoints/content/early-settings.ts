/**
 * The hand-off between the early-settings content script (document_start) and the main one (document_idle).
 * Content scripts of one extension share a global object per frame, out of the page's reach. Read at idle, the
 * settings' reply waited behind the page's queued tasks (7–14 ms on a typical article) before any mark could
 * be drawn; read at document_start, it is in long before idle.
 */
const HANDOFF = Symbol.for('crossframe.earlySettings');

export interface EarlySettings {
  /** The stored settings as last read or changed (undefined: none stored, or not read yet). */
  value: unknown;
  /** Settles when the first read has answered. */
  read: Promise<unknown>;
}

export function publishEarlySettings(early: EarlySettings): void {
  (globalThis as Record<symbol, unknown>)[HANDOFF] = early;
}

/** The early script's settings, or undefined where it did not run (a page already open when the extension was installed). */
export function earlySettings(): EarlySettings | undefined {
  return (globalThis as Record<symbol, unknown>)[HANDOFF] as EarlySettings | undefined;
}

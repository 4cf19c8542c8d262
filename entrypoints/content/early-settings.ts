import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../../lib/settings';

/**
 * The reader's settings, asked for at document start by the early-settings script
 * (entrypoints/early-settings.content.ts) and handed to the gate script at idle through the extension's
 * isolated world, which pages cannot reach. Where that script did not run (a page open before the extension
 * was installed), or once the gate has ruled the page out and let them go, the gate asks when it hands over.
 */
const HANDOFF = Symbol.for('crossframe.earlySettings');

/** Called by the early-settings script. */
export function publishEarlySettings(early: EarlySettings): void {
  (globalThis as unknown as Record<symbol, EarlySettings | undefined>)[HANDOFF] = early;
}

/** The early-settings script's settings, once (undefined where it did not run). */
export function takeEarlySettings(): EarlySettings | undefined {
  const shared = globalThis as unknown as Record<symbol, EarlySettings | undefined>;
  const early = shared[HANDOFF];
  delete shared[HANDOFF];
  return early;
}

export interface EarlySettings {
  /** The stored settings as last read or changed (undefined: none stored, or not read yet). */
  value: unknown;
  /** Settles when the first read has answered. */
  read: Promise<unknown>;
  /** Calls `callback` after each change, once `value` holds it. */
  onChange(callback: () => void): void;
  /** Stops following changes (the content script's context ended). */
  stop(): void;
}

export function readSettingsEarly(): EarlySettings {
  let changed = false;
  let changeCallback: (() => void) | null = null;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    changed = true;
    early.value = changes[SETTINGS_KEY]?.newValue;
    changeCallback?.();
  };
  const early: EarlySettings = {
    value: undefined,
    read: Promise.resolve(),
    onChange: (callback) => (changeCallback = callback),
    stop: () => browser.storage.onChanged.removeListener(onChanged),
  };
  // A change heard before the first read answers is newer than that answer.
  browser.storage.onChanged.addListener(onChanged);
  early.read = browser.storage.local
    .get(SETTINGS_KEY)
    .then((got) => {
      if (!changed) early.value = got[SETTINGS_KEY];
    })
    .catch(() => undefined);
  return early;
}

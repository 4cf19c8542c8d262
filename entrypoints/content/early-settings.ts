import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../../lib/settings';

/**
 * The reader's settings, asked for by the gate script the moment it hands a page over: the storage reply
 * arrives while the full script loads, so marks do not wait for it. A page that is never handed over never
 * asks (an unrelated page pays nothing for settings it has no use for).
 */
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

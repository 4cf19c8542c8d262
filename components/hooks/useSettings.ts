import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { readSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';

/** The reader's settings, live, and a setter that stores them (content scripts follow storage changes). */
export function useSettings(): [Settings | null, (next: Settings) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void browser.storage.local.get(SETTINGS_KEY).then((got) => setSettings(readSettings(got[SETTINGS_KEY])));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) setSettings(readSettings(changes[SETTINGS_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  // The control follows the click at once; should the write fail, it shows what is stored again.
  const save = useCallback(async (next: Settings) => {
    setSettings(next);
    try {
      await browser.storage.local.set({ [SETTINGS_KEY]: next });
    } catch {
      const got = await browser.storage.local.get(SETTINGS_KEY);
      setSettings(readSettings(got[SETTINGS_KEY]));
    }
  }, []);
  return [settings, save];
}

import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SETTINGS_KEY } from '../lib/settings';
import { publishEarlySettings, type EarlySettings } from './content/early-settings';

/**
 * Asks for the reader's settings as the page starts loading, so that the main content script has them when it
 * runs at document idle. No DOM access, nothing else: 1.5 KB, most of it the build’s wrapper.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    let changed = false;
    const early: EarlySettings = { value: undefined, read: Promise.resolve() };
    // A change heard before the first read answers is newer than that answer.
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
      changed = true;
      early.value = changes[SETTINGS_KEY]?.newValue;
    });
    early.read = browser.storage.local
      .get(SETTINGS_KEY)
      .then((got) => {
        if (!changed) early.value = got[SETTINGS_KEY];
      })
      .catch(() => undefined);
    publishEarlySettings(early);
  },
});

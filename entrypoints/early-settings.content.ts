import { defineContentScript } from 'wxt/utils/define-content-script';
import { publishEarlySettings, readSettingsEarly } from './content/early-settings';

/**
 * Asks for the reader's settings as the page starts loading, so that the gate script has them when it runs at
 * document idle: its first marks (lib/page/premark.ts) must know whether marking is allowed on this site, and
 * a read started at idle answered 19–47 ms later (measured on a typical article), after the marks were ready.
 * No DOM access, nothing else.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    publishEarlySettings(readSettingsEarly());
  },
});

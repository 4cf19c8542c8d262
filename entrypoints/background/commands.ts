import { browser, type Browser } from 'wxt/browser';
import type { BackgroundToContent } from '../../lib/messages';
import { lookupSelectionOf, saveSelectionOf } from './lookup';

function toContent(tab: Browser.tabs.Tab | undefined, msg: BackgroundToContent): void {
  if (tab?.id === undefined) return;
  browser.tabs.sendMessage(tab.id, msg, { frameId: 0 }).catch(() => {
    // No content script on this page (a browser page, a PDF, the extension's own pages): nothing to do.
  });
}

/** Keyboard shortcuts (manifest "commands"). */
export function installCommands(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'focus-marks') toContent(tab, { type: 'content/focus-marks' });
    else if (command === 'lookup-selection' && tab) lookupSelectionOf(tab);
    else if (command === 'save-selection' && tab) saveSelectionOf(tab);
  });
}

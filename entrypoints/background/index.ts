import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { installCommands } from './commands';
import { createLookupMenu, installLookupMenu } from './lookup';
import { ensureShippedCorpus } from './corpus';
import { installPanelButton } from './panel';
import { installRouter } from './router';
import { retryPending } from './snippets';
import { clearTabState } from './tab-state';

export default defineBackground(() => {
  // Listeners first and synchronously, so that an event that woke the worker is not missed.
  installRouter();
  installPanelButton();
  installCommands();
  installLookupMenu();
  browser.runtime.onInstalled.addListener(() => {
    createLookupMenu();
    void ensureShippedCorpus();
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document is loading: the old page's entities and badge no longer apply. (The content script
    // reports again after same-document navigations, which some browsers also announce as loading.)
    if (change.status === 'loading') void clearTabState(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void clearTabState(tabId));
  // Snippets kept from a failed save are retried at every start.
  void ensureShippedCorpus().then(() => retryPending());
});

import { browser } from 'wxt/browser';

/** Opens one of the extension's own pages in a new tab (the wide compare view, settings). */
export function openExtensionPage(path: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/compare.html') });
}

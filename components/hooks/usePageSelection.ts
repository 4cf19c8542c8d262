import { browser } from 'wxt/browser';

/** The text selected on the tab's page, read by its content script (the same message the shortcut uses). */
export async function readPageSelection(tabId: number): Promise<string | null> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'content/get-selection' }, { frameId: 0 })) as { text?: unknown } | undefined;
    return typeof reply?.text === 'string' ? reply.text : null;
  } catch {
    return null;
  }
}

/** Asks the page's content script to save its selection as a snippet (the same path as the menu and shortcut). */
export async function savePageSelection(tabId: number): Promise<string> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'content/save-selection' }, { frameId: 0 })) as { message?: unknown } | undefined;
    return typeof reply?.message === 'string' ? reply.message : 'Crossframe did not answer; try again.';
  } catch {
    return 'Crossframe can’t read this page, so nothing was saved.';
  }
}

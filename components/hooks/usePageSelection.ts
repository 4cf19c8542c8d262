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

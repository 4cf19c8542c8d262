import { browser, type Browser } from 'wxt/browser';

export type SenderKind = 'content' | 'extension';

/**
 * Who sent a message: our content script in a tab's top frame, or one of our own pages. Anything else
 * (another extension, a sub-frame, a page pretending) gets no answer.
 */
export function senderKind(sender: Browser.runtime.MessageSender): SenderKind | null {
  if (sender.id !== browser.runtime.id) return null;
  const ownOrigin = browser.runtime.getURL('/');
  if (sender.url?.startsWith(ownOrigin)) return 'extension';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0 && sender.frameId === 0) return 'content';
  return null;
}

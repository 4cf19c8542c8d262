import { browser, type Browser } from 'wxt/browser';
import { classifySender, type SenderKind } from '../../lib/senders';

export type { SenderKind };

export function senderKind(sender: Browser.runtime.MessageSender): SenderKind | null {
  return classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
}

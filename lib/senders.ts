/** The fields of a message sender we judge by (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type SenderKind = 'content' | 'extension';

/**
 * Who sent a message: our content script in a tab's top frame, or one of our own pages. Anything else
 * (another extension, a sub-frame, a page pretending) is null and gets no answer.
 */
export function classifySender(sender: SenderInfo, runtimeId: string, ownOrigin: string): SenderKind | null {
  if (sender.id !== runtimeId) return null;
  if (sender.url?.startsWith(ownOrigin)) return 'extension';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0 && sender.frameId === 0) return 'content';
  return null;
}

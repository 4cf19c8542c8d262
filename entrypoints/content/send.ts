import { browser } from 'wxt/browser';
import type { ContentToBackground } from '../../lib/messages';
import type { PageContext } from './private-context';

/** Sends a message to the background; resolves to its reply, not yet validated, or undefined when it failed. */
export async function sendToBackground(ctx: PageContext, msg: ContentToBackground): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(msg);
  } catch {
    // The background may be restarting, or the extension gone (reloaded, updated, removed; the call then
    // throws at once): a lost message must not break the page, and an orphan leaves the page as it was
    // (reading isInvalid ends the context, whose listeners undo everything).
    void ctx.isInvalid;
    return undefined;
  }
}

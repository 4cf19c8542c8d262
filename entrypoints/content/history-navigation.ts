import type { MutationBatch } from '../../lib/page/mutations';
import type { PageContext } from './private-context';

/**
 * Single-page apps: after a history navigation, `onNavigated` gets an empty batch of changes, and the session
 * compares the page's URL with the one it read. The app swaps its content after the URL changes, so it is
 * given 300 ms to settle first. Nothing fires once the content script's context has ended.
 */
export function onHistoryNavigation(ctx: PageContext, onNavigated: (batch: MutationBatch) => void): void {
  let settle: ReturnType<typeof setTimeout> | undefined;
  const recheck = () => {
    clearTimeout(settle);
    settle = setTimeout(() => onNavigated({ added: [], changedText: new Set(), removed: false, records: 1, flood: false }), 300);
  };
  window.addEventListener('popstate', recheck, { signal: ctx.signal });
  (window as unknown as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', recheck, { signal: ctx.signal });
  ctx.onInvalidated(() => clearTimeout(settle));
}

import { useEffect } from 'react';
import { browser } from 'wxt/browser';

export interface NavRequest {
  entity?: string;
  query?: string;
  tabId: number;
  at: number;
}

/**
 * Deep links into the panel: a click on a mark, the context menu or a shortcut leaves a request for this
 * window in session storage (the panel may not be open yet); the panel follows it and clears it.
 */
export function useNavRequests(tabId: number | null, onRequest: (r: NavRequest) => void): void {
  useEffect(() => {
    let key: string | null = null;
    let cancelled = false;
    const take = async () => {
      if (!key) return;
      const got = (await browser.storage.session.get(key))[key] as NavRequest | undefined;
      if (cancelled || !got) return;
      await browser.storage.session.remove(key);
      onRequest(got);
    };
    // Requests are filed under the window of the page's tab: the panel's own window, or the pinned tab's.
    const pinned = new URLSearchParams(location.search).has('tab');
    const windowId = pinned && tabId !== null ? browser.tabs.get(tabId).then((t) => t.windowId) : browser.windows.getCurrent().then((w) => w.id);
    void windowId.then((id) => {
      if (cancelled || id === undefined) return;
      key = `nav:${id}`;
      void take();
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const request = key && area === 'session' ? (changes[key]?.newValue as NavRequest | undefined) : undefined;
      if (!request) return;
      // The change carries the request: follow it at once, then clear it.
      onRequest(request);
      void browser.storage.session.remove(key as string);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      cancelled = true;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId, onRequest]);
}

import { browser, type Browser } from 'wxt/browser';

/** Where the side panel of a window finds the entity it was asked to show. */
export const navKey = (windowId: number) => `nav:${windowId}`;

export interface PanelNavRequest {
  entity?: string;
  /** A term to look up (from the context menu or the shortcut). */
  query?: string;
  tabId: number;
  at: number;
}

type FirefoxSidebar = { sidebarAction?: { open(): Promise<void> } };

/**
 * Opens the side panel and leaves it a request (an entity to show, a term to look up) for the tab's window.
 * Opening needs the reader's gesture, which an await would lose, so it runs first and synchronously.
 */
export function openPanelWith(
  tab: Browser.tabs.Tab,
  request: { entity?: string; query?: string } | null,
  opts: { open?: boolean } = {},
): Promise<{ opened: boolean }> {
  let opening: Promise<unknown> = Promise.resolve();
  if (opts.open !== false) {
    try {
      const sidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
      opening = browser.sidePanel ? browser.sidePanel.open({ tabId: tab.id as number }) : (sidebar?.open() ?? Promise.reject(new Error('no side panel API')));
    } catch (e) {
      opening = Promise.reject(e as Error);
    }
  }
  const stored = request
    ? browser.storage.session.set({ [navKey(tab.windowId)]: { ...request, tabId: tab.id as number, at: Date.now() } satisfies PanelNavRequest })
    : Promise.resolve();
  return Promise.allSettled([opening, stored]).then(([o]) => ({ opened: o.status === 'fulfilled' }));
}

/** Opens the side panel on an entity (a click on a mark or on the card's button). */
export function openPanelOnEntity(tab: Browser.tabs.Tab, entity: string): Promise<{ opened: boolean }> {
  return openPanelWith(tab, { entity });
}

/** The toolbar button opens the panel: Chrome by a panel behaviour, Firefox by toggling its sidebar. */
export function installPanelButton(): void {
  if (browser.sidePanel) {
    browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
    return;
  }
  const ff = browser as unknown as { browserAction?: { onClicked: { addListener(cb: () => void): void } }; sidebarAction?: { toggle(): Promise<void> } };
  ff.browserAction?.onClicked.addListener(() => {
    void ff.sidebarAction?.toggle();
  });
}

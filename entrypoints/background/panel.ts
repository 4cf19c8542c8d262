import { browser, type Browser } from 'wxt/browser';

/** Where the side panel of a window finds the entity it was asked to show. */
export const navKey = (windowId: number) => `nav:${windowId}`;

export interface PanelNavRequest {
  entity: string;
  tabId: number;
  at: number;
}

type FirefoxSidebar = { sidebarAction?: { open(): Promise<void> } };

/** Opens the side panel (it needs the reader's click, so this runs first and synchronously) and asks it to show an entity. */
export function openPanelOnEntity(tab: Browser.tabs.Tab, entity: string): Promise<{ opened: boolean }> {
  let opening: Promise<unknown>;
  try {
    const sidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
    opening = browser.sidePanel ? browser.sidePanel.open({ tabId: tab.id as number }) : (sidebar?.open() ?? Promise.reject(new Error('no side panel API')));
  } catch (e) {
    opening = Promise.reject(e as Error);
  }
  const request: PanelNavRequest = { entity, tabId: tab.id as number, at: Date.now() };
  const stored = browser.storage.session.set({ [navKey(tab.windowId)]: request });
  return Promise.allSettled([opening, stored]).then(([o]) => ({ opened: o.status === 'fulfilled' }));
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

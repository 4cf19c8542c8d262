import { browser, type Browser } from 'wxt/browser';
import { openPanelWith } from './panel';

export const LOOKUP_MENU_ID = 'crossframe-lookup';
export const SAVE_MENU_ID = 'crossframe-save';
/** A selection longer than this is cut before it is looked up: the look-up reads long text for the names it contains. */
export const MAX_SELECTION_CHARS = 200_000;

/** The context-menu item on selected text. Menus persist across browser sessions, so they are (re)made on install. */
export function createLookupMenu(): void {
  void browser.contextMenus.removeAll().finally(() => {
    browser.contextMenus.create({ id: LOOKUP_MENU_ID, title: 'Cross-reference “%s”', contexts: ['selection'] });
    browser.contextMenus.create({ id: SAVE_MENU_ID, title: 'Save “%s” as a Crossframe snippet', contexts: ['selection'] });
  });
}

/** Asks the page's content script to save its selection: it knows the page text the selectors refer to. */
export function saveSelectionOf(tab: Browser.tabs.Tab): void {
  if (tab.id === undefined) return;
  browser.tabs.sendMessage(tab.id, { type: 'content/save-selection' }, { frameId: 0 }).catch(() => undefined);
}

export function installLookupMenu(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (!tab) return;
    if (info.menuItemId === SAVE_MENU_ID) return saveSelectionOf(tab);
    if (info.menuItemId !== LOOKUP_MENU_ID) return;
    // Opening the panel needs the click: it happens first, the request is stored alongside.
    void openPanelWith(tab, { query: (info.selectionText ?? '').slice(0, MAX_SELECTION_CHARS) });
  });
}

/** The keyboard shortcut: the panel opens at once (the key press allows it), then the page's selection is read. */
export function lookupSelectionOf(tab: Browser.tabs.Tab): void {
  const opened = openPanelWith(tab, null);
  void (async () => {
    const reply = await browser.tabs.sendMessage(tab.id as number, { type: 'content/get-selection' }, { frameId: 0 }).catch(() => null);
    const text = typeof (reply as { text?: unknown } | null)?.text === 'string' ? (reply as { text: string }).text : '';
    await opened;
    await openPanelWith(tab, { query: text.slice(0, MAX_SELECTION_CHARS) }, { open: false });
  })();
}

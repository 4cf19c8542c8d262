import { browser, type Browser } from 'wxt/browser';
import { openPanelWith } from './panel';

export const LOOKUP_MENU_ID = 'crossframe-lookup';
/** A selection longer than this is cut before it is looked up: the look-up reads long text for the names it contains. */
export const MAX_SELECTION_CHARS = 200_000;

/** The context-menu item on selected text. Menus persist across browser sessions, so they are (re)made on install. */
export function createLookupMenu(): void {
  browser.contextMenus.remove(LOOKUP_MENU_ID).catch(() => undefined).finally(() => {
    browser.contextMenus.create({ id: LOOKUP_MENU_ID, title: 'Cross-reference “%s”', contexts: ['selection'] });
  });
}

export function installLookupMenu(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID || !tab) return;
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

import { OWN_ATTRIBUTE } from './collect';

export const HOST_TAG = 'crossframe-ui';

/**
 * Our one element on a page: a zero-size, fixed host with a shadow root, so the page's CSS cannot reach
 * inside and ours cannot leak out; it takes no space, so nothing on the page moves. It is created only
 * on pages that get marks.
 */
export class UiHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;

  constructor(doc: Document, css: string) {
    this.host = doc.createElement(HOST_TAG);
    this.host.setAttribute(OWN_ATTRIBUTE, '');
    // Inline styles survive page stylesheets that target unknown elements (all: initial resets inherited fonts too).
    this.host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; contain: layout style;';
    this.root = this.host.attachShadow({ mode: 'open' });
    const win = doc.defaultView as Window & typeof globalThis;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    // Constructed sheets are not subject to the page's CSP for inline styles.
    this.root.adoptedStyleSheets = [sheet];
    (doc.documentElement ?? doc.body).appendChild(this.host);
  }

  isOwn(node: Node | null): boolean {
    return !!node && (node === this.host || this.host.contains(node) || this.root.contains(node));
  }

  remove(): void {
    this.host.remove();
  }
}

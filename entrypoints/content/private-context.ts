import { browser } from 'wxt/browser';

/**
 * The content scripts' context, in place of WXT's (wxt.config.ts points WXT's import here). WXT's context
 * announces every start to the page, as a window message and a document event both named with the
 * extension's id: any page could tell that Crossframe is installed, and could end its work on that page by
 * sending the event back. This one tells the page nothing. A newer copy of the same script in the frame finds
 * the older one through the global object of the extension's isolated world, which pages cannot reach.
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(readonly contentScriptName: string) {
    // The slot holds the AbortController itself, a platform object whose shape no build of ours changes.
    const slot = Symbol.for(`crossframe.context.${contentScriptName}`);
    const shared = globalThis as unknown as Record<symbol, AbortController | undefined>;
    shared[slot]?.abort('A newer copy of the script started');
    shared[slot] = this.controller;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * Ended by a newer copy, or orphaned: the extension was reloaded, updated or removed. Nothing tells an
   * orphan; it finds out here, so the content script asks whenever a message to the extension fails.
   */
  get isInvalid(): boolean {
    if (!this.signal.aborted && browser.runtime?.id == null) this.controller.abort('The extension is gone');
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Runs `callback` once the context ends; returns a function that cancels it. */
  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback, { once: true });
    return () => this.signal.removeEventListener('abort', callback);
  }
}

/** What the content scripts use of their context. */
export type PageContext = Pick<ContentScriptContext, 'signal' | 'isInvalid' | 'onInvalidated'>;

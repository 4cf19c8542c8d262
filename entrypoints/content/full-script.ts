import { browser } from 'wxt/browser';
import type { Matcher } from '../../lib/entities/matcher';
import type { BackgroundToContent } from '../../lib/messages';
import type { PageGate } from '../../lib/page/gate';
import type { HandOver } from '../../lib/page/gate-session';
import type { EarlySettings } from './early-settings';
import type { PageContext } from './private-context';

/**
 * The hand-over between the gate script (the content script every page runs, index.ts) and the full content
 * script (entrypoints/content-full.ts), which only pages that pass the gate load: the matcher, the marks, the
 * card, snippets. Evaluating that script costs 9–16 ms on these machines, which an unrelated page must not pay.
 *
 * The gate script loads it with import() from the extension: a web-accessible resource, behind a URL that
 * changes every session in Chrome (use_dynamic_url) and is random per install in Firefox, so pages cannot
 * probe for it. Both run in the extension's isolated world; the full script publishes
 * its entry point there, out of the page's reach, under a symbol only this build uses.
 */
const SLOT = Symbol.for('crossframe.fullScript');

/** The background's messages the full script answers: the gate script reads the selection itself. */
export type PageMessage = Exclude<BackgroundToContent, { type: 'content/get-selection' }>;

/** The page, once the full script runs it. */
export interface FullPage {
  /** Answers a message from the background (already validated). */
  answer(msg: PageMessage): Promise<unknown>;
}

export interface FullScript {
  /** `matcher`: the gate script's (it ships the gazetteer, for its premark: lib/page/premark.ts). */
  start(ctx: PageContext, opts: { handOver: HandOver; gate: PageGate; matcher: () => Matcher; settings: EarlySettings; timing: Pick<Performance, 'mark'> | null }): FullPage;
}

type Shared = Record<symbol, FullScript | undefined>;

/** Called by the full script as it is evaluated. */
export function publishFullScript(script: FullScript): void {
  (globalThis as unknown as Shared)[SLOT] = script;
}

let loading: Promise<FullScript> | null = null;

/** Loads the full script once per page; rejects when it cannot be loaded. */
export function loadFullScript(): Promise<FullScript> {
  return (loading ??= (async () => {
    const shared = globalThis as unknown as Shared;
    // A slot left by an older copy of the extension in this frame is not ours.
    delete shared[SLOT];
    // Where the build writes the full script (an unlisted WXT script). The path stays a literal in the call:
    // scripts/lint-firefox.ts accepts web-ext's warning about a computed import() for this call alone.
    await import(/* @vite-ignore */ browser.runtime.getURL('/content-full.js'));
    const script = shared[SLOT];
    delete shared[SLOT];
    if (!script) throw new Error('The full content script did not start');
    return script;
  })());
}

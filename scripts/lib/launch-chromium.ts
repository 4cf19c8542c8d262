import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { SETTINGS_KEY, type Settings } from '../../lib/settings';
import { ROOT } from './static-server';

export const CHROME_DIST = resolve(ROOT, '.output/chrome-mv3');
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium with the built extension loaded, on a new or a reused profile; nothing resolves but 127.0.0.1. */
export async function launchWithExtension(
  opts: {
    profile?: string;
    dist?: string;
    headless?: boolean;
    extension?: boolean;
    args?: string[];
    /** null: the window's own size (headed runs). */
    viewport?: { width: number; height: number } | null;
  } = {},
): Promise<{ context: BrowserContext; profile: string }> {
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'crossframe-profile-'));
  const dist = opts.dist ?? CHROME_DIST;
  const extension = opts.extension ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    headless: opts.headless ?? true,
    viewport: opts.viewport === undefined ? { width: 1280, height: 900 } : opts.viewport,
    args: [
      ...(extension ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
      // Saved pages name scripts and styles on their original hosts: fail those lookups at once, nothing leaves 127.0.0.1.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ...(opts.args ?? []),
    ],
  });
  return { context, profile };
}

/** Stores the reader's settings in extension storage, as the options page does (`worker`: the extension's service worker). */
export async function storeSettings(worker: Worker, settings: Settings): Promise<void> {
  // The key goes in as an argument: the function runs in the worker, out of reach of this module's imports.
  await worker.evaluate(
    ([key, v]) => (self as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ [key]: v }),
    [SETTINGS_KEY, settings] as const,
  );
}

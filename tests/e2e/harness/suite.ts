import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type ExtensionBrowser } from './chromium';
import { waitForSeed } from './idb';
import { countContentMessages, instrumentPages } from './page-probes';
import { startServer, type TestServer } from './server';

export interface ChromiumSuite {
  server: TestServer;
  /** Replaceable: a test that restarts the browser assigns the new one here, and it is closed after the file. */
  browser: ExtensionBrowser;
}

export interface SuiteOptions {
  /** Chromium's extra command-line switches. */
  args?: string[];
  /** Wait until the corpus is seeded into IndexedDB. */
  seed?: boolean;
  /** Record what each page's own scripts see (`footprint`, `highlightedTexts`). */
  instrumentPages?: boolean;
  /** Count the messages each content script sends (`messagesFrom`). */
  countMessages?: boolean;
}

/**
 * The set-up every Chromium end-to-end file shares: the 127.0.0.1 test server and Chromium with the built
 * extension, started before the file's tests (hooks the file adds run after these) and closed after them.
 */
export function chromiumSuite(opts: SuiteOptions = {}): ChromiumSuite {
  const suite = {} as ChromiumSuite;
  beforeAll(async () => {
    suite.server = await startServer();
    suite.browser = await launchChromium(opts.args ? { args: opts.args } : {});
    if (opts.instrumentPages) await instrumentPages(suite.browser.context);
    if (opts.seed) await waitForSeed(suite.browser.worker);
    if (opts.countMessages) await countContentMessages(suite.browser.worker);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './server';

export const FIREFOX_DIST = resolve(ROOT, '.output/firefox-mv2');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'crossframe@crossframe.dev';
/** A fixed internal UUID, so that the test knows the moz-extension:// origin of the panel page. */
export const FIXED_UUID = '6f3d2c1a-8e4b-4a7d-9c2e-0b1a2c3d4e5f';

export interface FirefoxWithExtension {
  browser: Browser;
  openPanel(query?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the built extension installed. */
export async function launchFirefox(): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_UUID }),
      // No network beyond 127.0.0.1: no update, telemetry or safe-browsing traffic during tests.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_DIST);
  return {
    browser,
    async openPanel(query = '') {
      const page = await browser.newPage();
      // moz-extension pages never report "load" to the driver: start the navigation, then wait for content.
      await page.goto(`moz-extension://${FIXED_UUID}/sidepanel.html${query}`, { waitUntil: [], timeout: 3000 }).catch(() => {});
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * `npm run demo`: serves a sample news page on 127.0.0.1 and opens Chromium with the built extension on it.
 * Click the Crossframe toolbar button to open the side panel. Without a display it runs headless and saves
 * screenshots of the marked page and of the panel page instead.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, startServer } from './lib/static-server';

const dist = resolve(ROOT, '.output/chrome-mv3');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const server = await startServer();
const url = `${server.origin}/fixtures/sample-news.html`;
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'crossframe-demo-')), {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless,
  viewport: headless ? { width: 1280, height: 900 } : null,
  args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
console.log(`Crossframe demo: ${url}`);
if (headless) {
  const out = resolve(ROOT, 'tests/artifacts');
  mkdirSync(out, { recursive: true });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: resolve(out, 'demo-page.png') });
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${new URL(worker.url()).host}/sidepanel.html`);
  await panel.waitForTimeout(1500);
  await panel.screenshot({ path: resolve(out, 'demo-panel.png') });
  console.log(`No display: saved ${out}/demo-page.png and demo-panel.png`);
  await context.close();
  await server.close();
} else {
  console.log('Click the Crossframe button in the toolbar to open the side panel. Close the browser to stop.');
  context.on('close', () => void server.close());
}

/**
 * `npm run demo`: serves a sample news page on 127.0.0.1 and opens Chromium with the built extension on it.
 * Click the Crossframe toolbar button to open the side panel. Without a display it runs headless and saves
 * screenshots of the marked page and of the panel (opened as a tab, describing that page) instead.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from './lib/launch-chromium';
import { ROOT, startServer } from './lib/static-server';
import { launchChromium } from '../tests/e2e/harness/chromium';

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const server = await startServer();
const url = `${server.origin}/fixtures/sample-news.html`;
console.log(`Crossframe demo: ${url}`);
if (headless) {
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  await page.goto(url);
  const out = resolve(ROOT, 'tests/artifacts');
  mkdirSync(out, { recursive: true });
  const panel = await browser.openPanel(page);
  await panel.getByRole('heading', { level: 2 }).first().waitFor();
  await page.bringToFront();
  await page.screenshot({ path: resolve(out, 'demo-page.png') });
  await panel.screenshot({ path: resolve(out, 'demo-panel.png'), fullPage: true });
  console.log(`No display: saved ${out}/demo-page.png and demo-panel.png`);
  await browser.close();
  await server.close();
} else {
  const { context } = await launchWithExtension({ headless: false, viewport: null });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  console.log('Click the Crossframe button in the toolbar to open the side panel. Close the browser to stop.');
  context.on('close', () => void server.close());
}

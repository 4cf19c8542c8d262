import { describe, expect, it } from 'vitest';
import { waitForReport } from './harness/chromium';
import { footprint } from './harness/page-probes';
import { chromiumSuite } from './harness/suite';

describe('an open tab when the extension is reloaded or updated (Chromium)', () => {
  const env = chromiumSuite({ instrumentPages: true });

  it('leaves the page as it was once the orphaned content script next needs the extension', async () => {
    const page = await env.browser.context.newPage();
    const url = `${env.server.origin}/fixtures/sample-news.html?orphaned`;
    await page.goto(url);
    const report = (await waitForReport(env.browser.worker, url)).report!;
    const marks = async () => Object.values((await footprint(page)).highlights).reduce((n, v) => n + v, 0);
    expect(await marks()).toBe(report.marks);
    // The extension reloads, as on an update: Chrome puts no new copy in open tabs, and the old one is orphaned.
    await env.browser.worker.evaluate(() => (self as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await page.waitForTimeout(1000);
    // The page adds text that names a corpus entity: the orphan reads it, fails to report it, and stands down.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, convoys left Aleppo for Mosul.';
      document.querySelector('article')!.append(p);
    });
    await expect.poll(marks, { timeout: 10_000 }).toBe(0);
    expect(await page.$('crossframe-ui')).toBeNull();
    // The page itself is untouched and keeps working.
    expect(await page.textContent('article')).toContain('Later, convoys left Aleppo for Mosul.');
    await page.close();
  });
});

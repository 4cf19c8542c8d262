import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './harness/artifacts';
import { waitForReport } from './harness/chromium';
import { footprint, highlightedTexts, messagesFrom } from './harness/page-probes';
import { hasRealpages, realpageUrl, REALPAGES } from './harness/server';
import { chromiumSuite } from './harness/suite';

if (!hasRealpages()) console.warn(`real pages end-to-end: skipped, ${REALPAGES} is absent`);

/**
 * What a reader would expect Crossframe to mark on each page about Syria/ISIS, taken from the dataset's own
 * description of the page (INDEX.tsv), not from Crossframe's output.
 */
const EXPECTED: Record<string, string[]> = {
  'tpm-kobane-2015': ['isis', 'kurds', 'turkey'],
  'nyt-brussels-molenbeek-2015': ['isis', 'syria'],
  'nzz-syria-caesar-sanctions-de-2020': ['syria', 'bashar-al-assad'],
  'srf-druze-syria-de-2025': ['syria'],
  'cnnarabic-damascus-rebels-arabic': ['damascus', 'syria'],
  'aljazeera-idlib-ceasefire-2020': ['turkey', 'russia', 'vladimir-putin', 'bashar-al-assad'],
  'ap-us-halts-anti-is-ops-iraq-2020': ['isis', 'iraq', 'iran', 'united-states'],
  'bbc-iran-israeli-strikes-syria': ['iran', 'israel', 'syria', 'bashar-al-assad'],
  'bbc-mosul-monastery-destroyed': ['mosul', 'isis', 'iraq'],
  'bbc-un-ready-raqqa': ['raqqa', 'united-nations', 'syrian-democratic-forces', 'isis'],
  'cnn-kobani-isis-pushed-back-2014': ['isis', 'united-states'],
  'fakes-alalam-daesh-raqqa-2015': ['isis', 'raqqa'],
  'fakes-arabiya-isis-kurdish-town-2016': ['isis', 'kurds', 'turkey'],
  'fakes-dailysabah-raqqa-airstrikes-2015': ['raqqa', 'isis', 'global-coalition-against-isis'],
  'fakes-etilaf-deir-ezzor-civilians-2016': ['deir-ez-zor', 'isis', 'syrian-government'],
  'fakes-reuters-sdf-raqqa-2016': ['isis', 'raqqa', 'kurds'],
  'fakes-sana-isis-deir-ezzor-2017': ['isis', 'deir-ez-zor', 'russia'],
  'fakes-tass-coalition-raqqa-civilians-2017': ['global-coalition-against-isis', 'raqqa', 'syria'],
  'fakes-trt-hezbollah-fighters-killed-2017': ['hezbollah', 'syria'],
  'guardian-us-syria-pullout-kurds-2018': ['syria', 'kurds', 'vladimir-putin', 'syrian-democratic-forces', 'isis'],
  'nyt-baghdadi-raid-intelligence-2019': ['abu-bakr-al-baghdadi', 'isis'],
  'reuters-is-blast-kills-us-troops-manbij-2019': ['isis', 'syria'],
  'reuters-trump-call-changed-war-2018': ['donald-trump', 'turkey', 'isis', 'kurds'],
  'vox-israel-attacked-syria-2018': ['israel', 'syria', 'iran', 'hezbollah'],
  'wsj-trump-stop-arming-kurds': ['donald-trump', 'kurds', 'raqqa', 'isis', 'syria'],
  // Relevant through its publisher's tags (the story says only "the Berlin attacker"); marked: the teasers.
  'westernjournalism-berlin-attacker-isis-2016': ['isis', 'mosul', 'iraq'],
};

const pages = hasRealpages()
  ? readFileSync(resolve(REALPAGES, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => {
      const [name, , , , topic] = l.split('\t') as string[];
      return { name: name as string, topic: topic as string };
    })
  : [];

describe.skipIf(!hasRealpages())('content script on the real pages of ../shared/realpages (Chromium)', () => {
  const env = chromiumSuite({ instrumentPages: true, countMessages: true });

  it('covers every page of the set', () => {
    expect(pages.length).toBe(45);
    for (const name of Object.keys(EXPECTED)) expect(pages.some((p) => p.name === name), name).toBe(true);
  });

  for (const p of pages.filter((x) => x.topic === 'syria-isis')) {
    it(`${p.name}: marks the entities a reader expects`, async () => {
      const page = await env.browser.context.newPage();
      const url = realpageUrl(env.server.origin, p.name);
      await page.goto(url);
      const tab = await waitForReport(env.browser.worker, url);
      expect(tab.report?.relevant).toBe(true);
      const ids = tab.report!.entities.map((e) => e.id);
      expect(ids).toEqual(expect.arrayContaining(EXPECTED[p.name] as string[]));
      const painted = await highlightedTexts(page);
      const paintedCount = Object.entries(painted).filter(([k]) => k !== 'crossframe-focus').reduce((n, [, v]) => n + v.length, 0);
      expect(paintedCount).toBe(tab.report!.marks);
      expect(paintedCount).toBeGreaterThan(0);
      // Every painted range covers a real surface the page reported.
      const surfaces = new Set(tab.report!.entities.flatMap((e) => e.surfaces));
      for (const texts of Object.values(painted)) for (const t of texts) expect(surfaces.has(t), `painted "${t}"`).toBe(true);
      if (p.name === 'tpm-kobane-2015' || p.name === 'nzz-syria-caesar-sanctions-de-2020') {
        // Show the article, where the marks are: scroll the first marked paragraph into view.
        await page.evaluate(() => {
          const reg = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights;
          const first = reg.get('crossframe-place') ?? [...reg.values()][0];
          const range = first ? [...first].find((r) => (r.startContainer.parentElement?.closest('p') ?? null) !== null) : undefined;
          range?.startContainer.parentElement?.closest('p')?.scrollIntoView({ block: 'center' });
        });
        await screenshot(page, `marked-${p.name}`);
      }
      await page.close();
    });
  }

  for (const p of pages.filter((x) => x.topic !== 'syria-isis')) {
    it(`${p.name} (${p.topic}): no mark, no DOM change, one small message`, async () => {
      const page = await env.browser.context.newPage();
      const url = realpageUrl(env.server.origin, p.name);
      await page.goto(url);
      const tab = await waitForReport(env.browser.worker, url);
      expect(tab.report).toMatchObject({ relevant: false, marks: 0, entities: [] });
      const f = await footprint(page);
      expect(f.highlights).toEqual({});
      expect(f.adoptedSheets).toBe(0);
      expect(f.ownNodes).toEqual([]);
      expect(await page.$('crossframe-ui')).toBeNull();
      expect(await messagesFrom(env.browser.worker, url)).toBe(1);
      await page.close();
    });
  }
});

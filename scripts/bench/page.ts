import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { loadCorpusOrThrow } from '../lib/read-corpus';
import type { Settings } from '../../lib/settings';
import { CHROME_DIST, launchWithExtension, storeSettings } from '../lib/launch-chromium';
import { arabicPage, DEEP_LEVELS, deepPage, framesAndShadowsPage, megabytesPage, rewritingPage } from '../lib/hard-pages';
import { realpageUrl, hasRealpages, ROOT, startServer, type TestServer } from '../lib/static-server';
import { ms, row } from './stats';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; worldName?: string; data?: { url?: string } };
}

const TRACE_CATEGORIES = 'toplevel,blink.user_timing,devtools.timeline,disabled-by-default-devtools.timeline,__metadata';

/** Runs `during` on a new page of `context` with Chromium's tracing on; returns its result and the trace. */
async function traced<T>(context: BrowserContext, during: (page: Page) => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const page = await context.newPage();
  const out = await tracedOn(context, page, () => during(page));
  await page.close();
  return out;
}

/** Runs `during` with Chromium's tracing on for `page`; returns its result and the trace. */
async function tracedOn<T>(context: BrowserContext, page: Page, during: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  const result = await during();
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  return { result, events };
}

/** One load's figures (NaN where a load without tracing cannot tell). */
interface Measured {
  /** From injection to the last mark drawn (to the end of the scan on a page that gets no mark). */
  toMarks: number;
  /** From injection to the marks' host on the page: the card and keyboard stepping work (NaN without marks). */
  toReady: number;
  /** From injection to the end of the scan: hits located, the report sent. */
  toReport: number;
  /** Crossframe's own main-thread time and its longest slice (from runSliced). */
  busy: number;
  longestSlice: number;
  /** The longest main-thread task of any origin (the page's own included) while Crossframe worked. */
  longestTask: number;
  /** The first frame after the marks were drawn: the one that paints them (0 on a page without marks). */
  marksFrame: number;
  /** Compiling and running the scripts every page runs: the gate at injection, the early-settings script at document start. */
  evaluate: number;
  /**
   * The full content script, on pages that pass the gate: compiling and running the module on the main thread
   * (`evaluateFull`), and parsing it on a background thread first (`parseFull`, off the main thread).
   */
  evaluateFull: number;
  parseFull: number;
  /** Parsing the gazetteer and building the matcher, before the scan. */
  build: number;
  marks: number;
  relevant: boolean;
}

/** The content script's own User Timing marks on a page, once its scan has ended. */
async function readMarks(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // Code for the page goes in as strings: tsx would wrap named functions in a helper the page does not have.
  await page.waitForFunction("performance.getEntriesByName('crossframe:scan-end').length > 0", undefined, { timeout: 60_000 });
  return (await page.evaluate(`({
      injected: performance.getEntriesByName('crossframe:injected')[0].startTime,
      start: performance.getEntriesByName('crossframe:scan-start')[0].startTime,
      end: performance.getEntriesByName('crossframe:scan-end')[0].startTime,
      drawn: performance.getEntriesByName('crossframe:marks-drawn')[0]?.startTime,
      ready: performance.getEntriesByName('crossframe:marks-ready')[0]?.startTime,
      detail: performance.getEntriesByName('crossframe:scan-end')[0].detail,
      // A page the gate rules out never builds the matcher.
      build: (performance.getEntriesByName('crossframe:build-end')[0]?.startTime ?? 0) - (performance.getEntriesByName('crossframe:build-start')[0]?.startTime ?? 0),
    })`)) as { injected: number; start: number; end: number; drawn?: number; ready?: number; build: number; detail: { relevant: boolean; marks: number; busyMs: number; longestSliceMs: number } };
}

/** A load without tracing: the wall-clock figures, which tracing inflates (by a fifth on the typical article). */
async function measureUntraced(context: BrowserContext, url: string): Promise<Measured> {
  const page = await context.newPage();
  try {
    const t = await readMarks(page, url);
    return { toMarks: (t.drawn ?? t.end) - t.injected, toReady: (t.ready ?? NaN) - t.injected, toReport: t.end - t.injected, build: t.build, busy: t.detail.busyMs, longestSlice: t.detail.longestSliceMs, longestTask: NaN, marksFrame: NaN, evaluate: NaN, evaluateFull: NaN, parseFull: NaN, marks: t.detail.marks, relevant: t.detail.relevant };
  } finally {
    await page.close();
  }
}

/** Loads a page with tracing on; returns the content script's timings and the longest main-thread task during its work. */
async function measure(context: BrowserContext, url: string): Promise<Measured> {
  const { result: t, events } = await traced(context, (page) => readMarks(page, url));
  const mark = (n: string) => events.find((e) => e.cat.includes('user_timing') && e.name === n);
  const s = mark('crossframe:injected');
  const e = mark('crossframe:scan-end');
  const evaluation = (script: string) =>
    Math.max(
      0,
      ...events
        .filter((ev) => ev.name === 'EvaluateScript' && ev.dur !== undefined && String(ev.args?.data?.url ?? '').includes(`content-scripts/${script}`))
        .map((ev) => (ev.dur as number) / 1000),
    );
  // Every page evaluates both: the early-settings script at document start, the gate at idle.
  const evaluate = evaluation('content.js') + evaluation('early-settings.js');
  const sum = (f: (ev: TraceEvent) => boolean) => events.filter((ev) => ev.dur !== undefined && f(ev)).reduce((a, ev) => a + (ev.dur as number) / 1000, 0);
  const isFull = (ev: TraceEvent) => String(ev.args?.data?.url ?? '').endsWith('/content-full.js');
  // Our isolated world runs one module, the full script; its evaluation names the world, not the file.
  const evaluateFull = sum((ev) => (ev.name === 'v8.compileModule' && isFull(ev)) || (ev.name === 'v8.evaluateModule' && ev.args?.worldName === 'Crossframe'));
  const parseFull = sum((ev) => ev.name === 'v8.parseOnBackground' && isFull(ev));
  const longestTask = !s || !e ? 0 : longestTaskWhere(events, (ev) => ev.pid === s.pid && ev.tid === s.tid && ev.ts + (ev.dur as number) >= s.ts && ev.ts <= e.ts);
  const marksFrame = paintingFrame(events, mark('crossframe:marks-drawn'));
  return { toMarks: (t.drawn ?? t.end) - t.injected, toReady: (t.ready ?? NaN) - t.injected, toReport: t.end - t.injected, build: t.build, busy: t.detail.busyMs, longestSlice: t.detail.longestSliceMs, longestTask, marksFrame, evaluate, evaluateFull, parseFull, marks: t.detail.marks, relevant: t.detail.relevant };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const medianAndWorst = (xs: number[]) => `${ms(median(xs))} (worst ${ms(Math.max(...xs))})`;

/**
 * Loads a page `runs` times with tracing (for the script's evaluation and the longest task, which only a trace
 * shows) and `runs` times without, interleaved; our own timings come from the loads without tracing.
 */
async function summarize(context: BrowserContext, label: string, url: string, runs = 5): Promise<number> {
  const tracedRuns: Measured[] = [];
  const plain: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    tracedRuns.push(await measure(context, url));
    plain.push(await measureUntraced(context, url));
  }
  const r0 = plain[0]!;
  const m = (results: Measured[], f: (r: Measured) => number) => ms(median(results.map(f)));
  const worst = (results: Measured[], f: (r: Measured) => number) => ms(Math.max(...results.map(f)));
  console.log(`  ${label}: ${r0.relevant ? `${r0.marks} marks` : 'not relevant, no mark'}`);
  row('    document idle → last mark drawn (wall clock)', `${m(plain, (r) => r.toMarks)} (${m(tracedRuns, (r) => r.toMarks)} with tracing)`);
  if (r0.marks > 0) row('    document idle → card and keyboard stepping ready', `${m(plain, (r) => r.toReady)} (${m(tracedRuns, (r) => r.toReady)} with tracing)`);
  if (r0.relevant) row('    document idle → scan done, report sent', `${m(plain, (r) => r.toReport)} (${m(tracedRuns, (r) => r.toReport)} with tracing)`);
  row('    Crossframe main-thread time / longest slice', `${m(plain, (r) => r.busy)} / ${m(plain, (r) => r.longestSlice)} (worst ${worst(plain, (r) => r.longestSlice)})`);
  row('    gazetteer parsed and matcher built (pages past the gate)', m(plain, (r) => r.build));
  row('    with tracing: gate and early-settings scripts’ evaluation', m(tracedRuns, (r) => r.evaluate));
  if (r0.relevant) {
    row('    with tracing: full script evaluation (main thread)', m(tracedRuns, (r) => r.evaluateFull));
    row('    with tracing: full script parse (background thread)', m(tracedRuns, (r) => r.parseFull));
  }
  row('    with tracing: all evaluations + build + scan and marks', m(tracedRuns, (r) => r.evaluate + r.evaluateFull + r.build + r.busy));
  row('    with tracing: longest task meanwhile (page’s own included)', `${m(tracedRuns, (r) => r.longestTask)} (worst ${worst(tracedRuns, (r) => r.longestTask)})`);
  if (r0.marks > 0) row('    with tracing: the frame that paints the marks', `${m(tracedRuns, (r) => r.marksFrame)} (worst ${worst(tracedRuns, (r) => r.marksFrame)})`);
  return median(plain.map((r) => r.busy));
}

/**
 * Tasks, or animation frames (their rendering included), over 50 ms as the page itself sees them (the Long
 * Tasks and Long Animation Frames APIs, no tracing), from its DOMContentLoaded to `settleMs` after its load
 * event, the page's own included: per load, their durations.
 */
async function longTasksAfterDcl(context: BrowserContext, url: string, runs: number, settleMs: number, type: 'longtask' | 'long-animation-frame'): Promise<number[][]> {
  const out: number[][] = [];
  for (let r = 0; r < runs; r++) {
    const page = await context.newPage();
    await page.addInitScript(`(() => {
      const seen = (window.__benchLong = []);
      new PerformanceObserver((list) => { for (const e of list.getEntries()) seen.push({ start: e.startTime, duration: e.duration }); }).observe({ type: '${type}', buffered: true });
    })()`);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(settleMs);
    out.push(
      (await page.evaluate(`(() => {
        const dcl = performance.getEntriesByType('navigation')[0].domContentLoadedEventStart;
        return window.__benchLong.filter((t) => t.start >= dcl).map((t) => t.duration);
      })()`)) as number[],
    );
    await page.close();
  }
  return out;
}

/**
 * The longest task or animation frame over 50 ms (the Long Tasks and Long Animation Frames APIs, no tracing)
 * in the 1.5 s after `action` starts; 0 if none.
 */
async function longestLongTaskAfter(page: Page, action: () => Promise<unknown>): Promise<number> {
  await page.evaluate(`(() => {
    const seen = (window.__benchAfter = []);
    const from = performance.now();
    for (const type of ['longtask', 'long-animation-frame'])
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.startTime >= from) seen.push(e.duration); }).observe({ type });
  })()`);
  await action();
  await page.waitForTimeout(1500);
  const seen = (await page.evaluate('window.__benchAfter')) as number[];
  await page.close();
  return Math.max(0, ...seen);
}

/** "n long tasks in r loads (longest x ms)". */
const longTaskSummary = (loads: number[][]) => {
  const all = loads.flat();
  return `${all.length} over 50 ms in ${loads.length} loads${all.length ? ` (longest ${ms(Math.max(...all))})` : ''}`;
};

/** Stores the reader's settings as the options page does. */
async function setSettings(context: BrowserContext, settings: Settings): Promise<void> {
  await storeSettings(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')), settings);
}

/**
 * The longest main-thread task while the marks appear on a page that has loaded and settled with marks off,
 * when the reader switches them on: no work of the page's own is pending then.
 */
async function marksSwitchedOnLate(context: BrowserContext, url: string, runs: number, untraced = false): Promise<number[]> {
  const longest: number[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      await setSettings(context, { enabled: false, disabledSites: [] });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction("performance.getEntriesByName('crossframe:scan-end').length > 0", undefined, { timeout: 60_000 });
      await page.waitForTimeout(2000);
      const switchOn = async () => {
        await setSettings(context, { enabled: true, disabledSites: [] });
        await page.waitForFunction('CSS.highlights.size > 0', undefined, { timeout: 30_000 });
      };
      if (untraced) longest.push(await longestLongTaskAfter(page, switchOn));
      else longest.push(await longestTaskAfter(context, page, switchOn));
    }
  } finally {
    await setSettings(context, { enabled: true, disabledSites: [] });
  }
  return longest;
}

/**
 * The floor under any mark on a page: the longest task once one word gets a styled highlight, on the loaded
 * page in a browser without the extension (the style added, and settled, before).
 */
async function oneHighlightWithout(url: string, runs: number): Promise<number[]> {
  const { context } = await launchWithExtension({ extension: false });
  const longest: number[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(`{ const s = document.createElement('style'); s.textContent = '::highlight(bench) { background-color: rgba(0, 150, 255, 0.24); }'; document.head.append(s); }`);
      await page.waitForTimeout(2000);
      longest.push(
        await longestTaskAfter(context, page, () =>
          page.evaluate(
            `{ const t = document.querySelector('article p').firstChild; CSS.highlights.set('bench', new Highlight(new StaticRange({ startContainer: t, startOffset: 0, endContainer: t, endOffset: 5 }))); }`,
          ),
        ),
      );
    }
  } finally {
    await context.close();
  }
  return longest;
}

/**
 * Traces `action` on a loaded `page`, then closes the page; returns the longest task of the page's main thread
 * from the action on, in milliseconds (a User Timing mark from the page tells its thread in the trace).
 */
async function longestTaskAfter(context: BrowserContext, page: Page, action: () => Promise<unknown>): Promise<number> {
  const { events } = await tracedOn(context, page, async () => {
    await page.evaluate("performance.mark('bench:action')");
    await action();
    await page.waitForTimeout(1000);
  });
  await page.close();
  const mark = events.find((e) => e.cat.includes('user_timing') && e.name === 'bench:action');
  if (!mark) throw new Error('The page’s mark is missing from the trace');
  return longestTaskWhere(events, (e) => e.pid === mark.pid && e.tid === mark.tid && e.ts >= mark.ts);
}

/**
 * The task of the first frame painted after `drawn` (our marks are drawn, and the host added, in one task just
 * before): a main-thread task holding a Paint event, in milliseconds (0 if there is none).
 */
function paintingFrame(events: TraceEvent[], drawn: TraceEvent | undefined): number {
  if (!drawn) return 0;
  const main = (ev: TraceEvent) => ev.pid === drawn.pid && ev.tid === drawn.tid;
  const paint = events.filter((ev) => main(ev) && ev.name === 'Paint' && ev.ts >= drawn.ts).sort((a, b) => a.ts - b.ts)[0];
  if (!paint) return 0;
  const task = events.find((ev) => main(ev) && ev.name === 'RunTask' && ev.ph === 'X' && ev.ts <= paint.ts && ev.ts + (ev.dur as number) >= paint.ts);
  return task ? (task.dur as number) / 1000 : 0;
}

/** The longest of a trace's tasks that `where` selects, in milliseconds (0 if none). */
function longestTaskWhere(events: TraceEvent[], where: (e: TraceEvent) => boolean): number {
  return Math.max(0, ...events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined && where(e)).map((e) => (e.dur as number) / 1000));
}

/** mark.js on the same page with the same aliases: one DOM pass per keyword. */
async function markJs(page: Page, aliases: string[]): Promise<number> {
  await page.addScriptTag({ content: readFileSync(resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8') });
  return (await page.evaluate(`new Promise((done) => {
    const t0 = performance.now();
    new Mark(document.body).mark(${JSON.stringify(aliases)}, {
      separateWordSearch: false,
      accuracy: 'exactly',
      diacritics: false,
      exclude: ['script', 'style', 'noscript', 'textarea', 'input'],
      done: () => done(performance.now() - t0),
    });
  })`)) as number;
}

/**
 * The longest main-thread task of a page's renderer from navigation until `settleMs` after its load event, in
 * `context` (with or without the extension): on the 10 MB page without it, what the browser itself costs (style,
 * layout and paint of 10 MB of text); on a page that rewrites itself, ours and the page's together.
 */
async function longestRendererTask(context: BrowserContext, url: string, runs: number, settleMs: number): Promise<number[]> {
  const longest: number[] = [];
  for (let r = 0; r < runs; r++) {
    const { events } = await traced(context, async (page) => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(settleMs);
    });
    const mains = new Set(
      events
        .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    longest.push(longestTaskWhere(events, (e) => mains.has(`${e.pid}:${e.tid}`)));
  }
  return longest;
}

/** `longestRendererTask` in a browser without the extension. */
async function longestTaskWithout(url: string, runs: number, settleMs = 1500): Promise<number[]> {
  const { context } = await launchWithExtension({ extension: false });
  try {
    return await longestRendererTask(context, url, runs, settleMs);
  } finally {
    await context.close();
  }
}

/**
 * The extension built again with the User Timing marks the figures come from (CROSSFRAME_TIMING_MARKS=1),
 * beside the shipped build, which has none: pages can read them.
 */
function buildWithTimingMarks(): string {
  const outDir = resolve(ROOT, '.output/bench');
  try {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, CROSSFRAME_TIMING_MARKS: '1', CROSSFRAME_OUT_DIR: outDir }, stdio: 'pipe' });
  } catch (e) {
    // The build's own output, only when it failed (its warnings would bury the figures).
    const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer };
    console.error(`${stdout ?? ''}${stderr ?? ''}`);
    throw e;
  }
  return resolve(outDir, 'chrome-mv3');
}

export async function benchPage(): Promise<void> {
  const bundle = resolve(CHROME_DIST, 'content-scripts/content.js');
  if (!existsSync(bundle)) throw new Error('Build first: npm run build');
  console.log('\nContent script in Chromium (headless; medians of 5 loads with tracing and 5 without, interleaved)');
  const scripts = [
    ['early-settings script (every page, document start)', resolve(CHROME_DIST, 'content-scripts/early-settings.js')],
    ['gate script (every page, document idle; with the gazetteer)', bundle],
    ['full script (pages past the gate)', resolve(CHROME_DIST, 'content-full.js')],
  ] as const;
  for (const [label, file] of scripts)
    row(label, `${(statSync(file).size / 1024).toFixed(1)} KB (${(gzipSync(readFileSync(file)).length / 1024).toFixed(1)} KB gzipped)`);
  const server: TestServer = await startServer();
  const { context } = await launchWithExtension({ dist: buildWithTimingMarks() });
  try {
    await context.waitForEvent('serviceworker').catch(() => undefined);
    const typical = hasRealpages() ? realpageUrl(server.origin, 'tpm-kobane-2015') : `${server.origin}/fixtures/sample-news.html`;
    const ours = await summarize(context, 'typical article (tpm-kobane-2015, real page, 60 KB)', typical);
    await summarize(context, 'short article (sample-news fixture)', `${server.origin}/fixtures/sample-news.html`);
    const big = server.route('/bench/one-megabyte.html', megabytesPage('One megabyte of Syria news', 1024 * 1024));
    await summarize(context, '1 MB page of news text', big, 3);
    const tenMb = server.route('/bench/ten-megabytes.html', megabytesPage('Ten megabytes of Syria news', 10 * 1024 * 1024));
    await summarize(context, '10 MB page of news text (hard page)', tenMb, 3);
    const switchedOn = await marksSwitchedOnLate(context, tenMb, 3);
    row('    marks switched on once it has loaded: longest task', medianAndWorst(switchedOn));
    const switchedOnUntraced = await marksSwitchedOnLate(context, tenMb, 5, true);
    row('    same, no tracing: longest task or frame over 50 ms (0: none)', medianAndWorst(switchedOnUntraced));
    const floor = await oneHighlightWithout(tenMb, 3);
    row('    without the extension: one highlighted word, longest task', medianAndWorst(floor));
    const bare = await longestTaskWithout(tenMb, 3);
    row('    same page without the extension: its longest task while loading', medianAndWorst(bare));
    // The same question without tracing, which inflates frames: what the page's own Long Tasks API reports.
    const { context: plain } = await launchWithExtension({ extension: false });
    try {
      for (const type of ['longtask', 'long-animation-frame'] as const) {
        row(`    no tracing, DOMContentLoaded to 3 s after load: ${type} entries`, longTaskSummary(await longTasksAfterDcl(context, tenMb, 5, 3000, type)));
        row('    same, without the extension', longTaskSummary(await longTasksAfterDcl(plain, tenMb, 5, 3000, type)));
      }
    } finally {
      await plain.close();
    }
    // The other hard pages of the end-to-end tests (scripts/lib/hard-pages.ts).
    const deep = server.route('/bench/deep.html', deepPage());
    await summarize(context, `DOM ${DEEP_LEVELS.toLocaleString('en')} elements deep (hard page)`, deep, 3);
    await summarize(context, '150 iframes and 300 shadow roots (hard page)', server.route('/bench/frames.html', framesAndShadowsPage()), 3);
    await summarize(context, 'right-to-left Arabic article (hard page)', server.route('/bench/arabic.html', arabicPage()), 3);
    const rewriting = server.route('/bench/rewriting.html', rewritingPage());
    await summarize(context, 'page rewriting itself every 3 ms (hard page)', rewriting, 3);
    row('    its longest task over 5 s after load (page’s own included)', medianAndWorst(await longestRendererTask(context, rewriting, 3, 5000)));
    row('    same, without the extension', medianAndWorst(await longestTaskWithout(rewriting, 3, 5000)));
    const unrelated = hasRealpages() ? realpageUrl(server.origin, 'bbc-basement-billion-firm') : `${server.origin}/fixtures/unrelated-news.html`;
    await summarize(context, 'unrelated page (bbc-basement-billion-firm, 418 KB)', unrelated);
    await summarize(context, 'unrelated short page (fixture)', `${server.origin}/fixtures/unrelated-news.html`);
    // Baseline: mark.js in the same browser, same page, same aliases (as written in the gazetteer).
    const aliases = [...new Set(loadCorpusOrThrow().entities.entities.flatMap((e) => [...e.aliases, ...(e.demonyms ?? [])]))];
    const page = await context.newPage();
    await page.goto(typical, { waitUntil: 'domcontentloaded' });
    const baseline = await markJs(page, aliases);
    await page.close();
    row(`mark.js 8.11 on the typical article, ${aliases.length} aliases`, `${ms(baseline)} → Crossframe is ${(baseline / ours).toFixed(0)}× faster`);
  } finally {
    await context.close();
    await server.close();
  }
}

import type { CompiledGazetteer } from '../entities/compile';
import type { Matcher } from '../entities/matcher';
import { MAX_PAGE_TEXT } from '../limits';
import type { EntitySummary, PageReport, PageSnippetDraft, SaveReply } from '../messages';
import { SelectionError } from '../snippets/selectors';
import { analyzePageSteps, finishAnalysisSteps, locateMainSteps, type PageAnalysis, type PageHit } from './analyze';
import { Card, CARD_CSS } from './card';
import type { PageGate } from './gate';
import { endReading, type GateReading } from './gate-session';
import { collectText, isExcludedWithAncestors, type PageText } from './collect';
import { Highlighter, usesPlainMarks, type DrawnMark, type HighlightEnv } from './highlight';
import { markAtPoint, markRects } from './hit-test';
import { markCap, markSpecs, MARKS_PER_SLICE, toMarkSpec } from './mark-specs';
import { MarkNavigator } from './mark-navigator';
import { mergeBatches, MutationWatcher, type MutationBatch } from './mutations';
import { pageKey } from './page-key';
import { PERF_MARKS_DRAWN, PERF_MARKS_READY, PERF_SCAN_END, PERF_SCAN_START } from './perf-marks';
import type { Premarked } from './premark';
import { nodeAtStart } from './positions';
import { pageReport, TRUNCATED_NOTE } from './page-report';
import { HitSummary } from './report';
import { selectorsForRange, selectorsForSentence } from './snippet-capture';
import { clearSnippets, paintSnippets, type FoundSnippet } from './snippet-marks';
import { Toast, TOAST_CSS } from './toast';
import { addSlice, runSliced, yieldToPage, type SliceStats } from './slices';
import { UiHost } from './ui-host';

/**
 * On a huge page that has loaded (marks switched on by the reader), marks painted per frame: each frame that
 * paints highlights there repaints the page's text, and 1,000 at once with our host made a 53 ms frame on the
 * 10 MB page. While a page loads, one paint stays cheaper (a frame per batch made 70–160 ms tasks then).
 */
const PLAIN_MARKS_PER_FRAME = 250;
/** Pages beyond this much text are read up to it, and the panel says so. */
export const MAX_PAGE_CHARS = MAX_PAGE_TEXT;

export type SessionState = 'idle' | 'scanning' | 'irrelevant' | 'marked' | 'disabled' | 'error';

export interface SessionDeps {
  doc: Document;
  /** The full gazetteer's matcher, asked for once the page passes the gate (building it costs milliseconds). */
  matcher: () => Matcher;
  /**
   * The look every page gets first (lib/page/gate.ts): a page that names no entity of the decisive level is
   * not analysed further. Without it, every page gets the full analysis.
   */
  gate?: PageGate;
  /**
   * Asked for when something is first painted (the first use of CSS.highlights costs milliseconds, which a
   * page that is never marked does not pay). null where the CSS Custom Highlight API is missing: the page
   * is analysed and reported, not marked.
   */
  highlightEnv: () => HighlightEnv | null;
  isVisible: (el: Element) => boolean;
  /**
   * Sends the page's report; after a full scan, `fresh` is true and the reply may carry saved snippets.
   * `answered`: the background's reply to the gate script's report of this same reading, which is not sent again.
   */
  report: (report: PageReport, fresh: boolean, answered?: unknown) => void;
  summaries: (ids: string[]) => Promise<EntitySummary[]>;
  openEntity: (id: string) => void;
  saveSnippet: (draft: PageSnippetDraft) => Promise<SaveReply>;
  /** Whether marks may be drawn here (the reader's global and per-site settings). */
  markingAllowed: () => boolean;
  /** Settles when the settings have been read: the scan starts at once, marks wait for it. */
  settingsReady?: Promise<unknown>;
  /**
   * Where to put User Timing marks around each scan, for the bench; null or absent in the shipped build. The
   * page's own scripts read the same performance timeline, so marks there would tell every page we are here.
   */
  timing?: Pick<Performance, 'mark'> | null;
}

/**
 * Everything the full content script does on a page the gate script handed over: the analysis in short
 * slices, marks in one batch, the hover/focus card, keyboard stepping, snippets, and following the page as it
 * changes (a rescan still looks through the gate first). A page found not to be about Syria or ISIS is left
 * unchanged and gets one small report.
 */
export class PageSession {
  state: SessionState = 'idle';
  private builtMatcher: Matcher | null = null;
  private analysis: PageAnalysis | null = null;
  /** The last scan stopped at the gate: the page names no decisive entity. */
  private ruledOutByGate = false;
  private hits: PageHit[] = [];
  /** What the report says of `hits`, kept in step with them (none until a page is found relevant). */
  private summary: HitSummary | null = null;
  private capped = false;
  private highlighter: Highlighter | null = null;
  private ui: { host: UiHost; card: Card; nav: MarkNavigator } | null = null;
  /** Our host element with only the toast: a page that is not marked can still confirm a save. */
  private bare: UiHost | null = null;
  private toast: Toast | null = null;
  /** Counts full scans: saved snippets are found again after each one. */
  epoch = 0;
  private watcher: MutationWatcher | null = null;
  private listeners: AbortController | null = null;
  private scanAbort: AbortController | null = null;
  private readonly summaryCache = new Map<string, EntitySummary>();
  private cardMark: DrawnMark | null = null;
  private hoverTimer: ReturnType<typeof setTimeout> | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private url: string;
  /** Text nodes already read: a batch of changes never counts them twice (a rescan may already have seen them). */
  /** Text nodes already read, built on the first change the page makes (a huge page has 50,000). */
  private scannedNodes: Set<Node> | null = null;
  /** Changes that arrived during a scan, handled when it ends. */
  private deferred: MutationBatch | null = null;
  /** `deps.highlightEnv()`, once asked for. */
  private env: HighlightEnv | null | undefined;
  /** Counts the drawings of the marks: a drawing spread over frames stops when a newer one (or removal) began. */
  private marksRun = 0;
  /** Marks the last drawing puts on the page, some maybe still to come (a drawing spread over frames). */
  private marksPlanned = 0;
  /** Stops the gate script's reading that the current scan waits for (GateReading.stopReading), and its marking. */
  private stopGateReading: (() => void) | null = null;

  constructor(private readonly deps: SessionDeps) {
    this.url = pageKey(deps.doc);
  }

  private get matcher(): Matcher {
    return (this.builtMatcher ??= this.deps.matcher());
  }

  private get g(): CompiledGazetteer {
    return this.matcher.gazetteer;
  }

  private highlightEnv(): HighlightEnv | null {
    if (this.env === undefined) this.env = this.deps.highlightEnv();
    return this.env;
  }

  /**
   * Takes over a page from the gate script (lib/page/gate-session.ts): `pending` are the changes it had not
   * looked at yet, handled after the first scan; `follow`, whether it was following the page's changes, in
   * which case this session follows them from now on, not only once its first scan is done.
   */
  adopt(pending: MutationBatch | null, follow: boolean): void {
    if (pending) this.deferred = mergeBatches(this.deferred, pending);
    if (follow) this.watch();
  }

  /**
   * Scans the page from scratch. `initial`: the gate's reading of the page, taken by the gate script before
   * it handed the page over, so that the page is not read twice; not used if the page has navigated since.
   */
  async start(initial?: GateReading): Promise<void> {
    if (initial && initial.url !== pageKey(this.deps.doc)) {
      endReading(initial);
      initial = undefined;
    }
    this.scanAbort?.abort();
    const abort = new AbortController();
    this.scanAbort = abort;
    // A newer scan no longer needs an older scan's reading, nor does a navigation (onBatch).
    this.dropGateReading();
    const stopThisReading = initial?.stopReading || initial?.premark ? () => endReading(initial as GateReading) : null;
    this.stopGateReading = stopThisReading;
    this.url = pageKey(this.deps.doc);
    this.state = 'scanning';
    const perf = this.deps.timing;
    if (!initial) perf?.mark(PERF_SCAN_START);
    let analysis: PageAnalysis;
    const stats: SliceStats = initial?.stats ?? { slices: 0, busyMs: 0, longestSliceMs: 0 };
    let stopped = false;
    /** The background's reply to the gate script's report, when this scan is of the reading it reported. */
    let answered: unknown;
    /** The hits the gate script found, and maybe drew, while this script loaded. */
    let pre: Premarked | null = null;
    try {
      const gate = initial?.gate ?? (this.deps.gate ? await runSliced(this.deps.gate.pageSteps(this.deps.doc, MAX_PAGE_CHARS), 8, abort.signal, stats) : null);
      stopped = !!gate && !gate.pass;
      pre = initial?.premark ? await initial.premark.take() : null;
      // Its marks are this session's from now on: cleared or redrawn like any other.
      if (pre?.highlighter) this.takeHighlighter(pre.highlighter);
      // The gate script's reading of the page, when it went on reading after the title decided.
      let text = pre?.analysis.text ?? gate?.text ?? (initial?.text ? await initial.text : null);
      if (this.stopGateReading === stopThisReading) this.stopGateReading = null;
      if (abort.signal.aborted) return;
      // The page navigated while the gate script read it: read it again.
      if (initial && initial.url !== pageKey(this.deps.doc)) {
        this.url = pageKey(this.deps.doc);
        text = null;
        pre = null;
      }
      if (stopped && text && gate === initial?.gate) answered = initial.reply;
      analysis =
        stopped && text
          ? ruledOut(text)
          : await runSliced(
              pre
                ? // The hits the gate script found: the main region still, if the decision needs it.
                  finishAnalysisSteps(this.deps.doc, this.matcher, pre.analysis, true)
                : // A page relevant whatever its main region gets its marks before the region is looked for.
                  analyzePageSteps(this.deps.doc, this.matcher, { isVisible: this.deps.isVisible, maxChars: MAX_PAGE_CHARS, deferMain: true, text: text ?? undefined }),
              8,
              abort.signal,
              stats,
            );
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      this.state = 'error';
      throw e;
    }
    await this.deps.settingsReady;
    if (abort.signal.aborted) return;
    this.analysis = analysis;
    this.ruledOutByGate = stopped;
    this.epoch++;
    this.scannedNodes = null;
    this.hits = analysis.relevance.relevant ? analysis.hits : [];
    if (analysis.relevance.relevant) {
      // Drawn by the gate script already, unless the settings or the page changed since.
      const drew = await this.applyMarks(abort.signal, stats, false, pre?.highlighter && this.highlighter === pre.highlighter ? { text: analysis.text, capped: pre.capped } : undefined);
      if (abort.signal.aborted) return;
      if (drew) perf?.mark(PERF_MARKS_DRAWN);
      perf?.mark(PERF_MARKS_READY);
    } else {
      this.state = 'irrelevant';
      this.unmark();
    }
    // A page that is not relevant has nothing to summarize (and one the gate ruled out has no matcher).
    const summary = analysis.relevance.relevant ? new HitSummary(this.g) : null;
    try {
      // Where each hit sits (article or elsewhere), for the report.
      if (analysis.mainPending) await runSliced(locateMainSteps(this.deps.doc, this.matcher, analysis), 8, abort.signal, stats);
      if (summary) await runSliced(summary.addSteps(this.hits), 8, abort.signal, stats);
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      throw e;
    }
    this.summary = summary;
    perf?.mark(PERF_SCAN_END, {
      detail: { relevant: analysis.relevance.relevant, marks: this.highlighter?.marks().length ?? 0, busyMs: stats.busyMs, longestSliceMs: stats.longestSliceMs, slices: stats.slices },
    });
    this.sendReport(true, answered);
    this.watch();
    const deferred = this.deferred;
    this.deferred = null;
    if (deferred) await this.onBatch(deferred);
  }

  /** Settings changed: draw or remove the marks accordingly, without rescanning. */
  async refreshMarking(): Promise<void> {
    if (!this.analysis?.relevance.relevant) return;
    // Still allowed and drawn (another site's setting changed): nothing to redraw.
    if (this.deps.markingAllowed() && this.state === 'marked' && this.highlighter) return;
    await this.applyMarks(undefined, undefined, true);
    this.sendReport();
  }

  focusMarks(): boolean {
    if (!this.ui || !this.highlighter || this.highlighter.marks().length === 0) return false;
    this.ui.nav.focus();
    return true;
  }

  /** Removes every trace from the page (extension disabled, updated or reloaded). */
  destroy(): void {
    this.scanAbort?.abort();
    this.dropGateReading();
    this.watcher?.stop();
    this.watcher = null;
    this.unmark();
    if (this.env) clearSnippets(this.env);
    this.bare?.remove();
    this.bare = null;
    this.toast = null;
    this.state = 'idle';
  }

  /** The text the last full scan read: the background looks for the reader's saved snippets in it. */
  scannedText(): PageText | null {
    return this.analysis?.text ?? null;
  }

  /** Paints the saved snippets found in `page` (from `scannedText`), unless the page was read again since. */
  paintSaved(page: PageText, found: readonly FoundSnippet[]): void {
    const env = this.highlightEnv();
    if (!env || this.analysis?.text !== page) return;
    paintSnippets(env, page, found);
  }


  /**
   * Saves the reader's selection, or (from a mark's card, with nothing selected) the sentence around the mark.
   * The selectors refer to the page text that re-anchoring will read on the next visit.
   */
  async saveSelection(mark?: DrawnMark): Promise<SaveReply> {
    const doc = this.deps.doc;
    const page = this.analysis?.text;
    const reply = await (async (): Promise<SaveReply> => {
      if (!page) return { ok: false, message: 'Crossframe has not read this page yet.' };
      const selection = doc.defaultView?.getSelection();
      let selectors;
      try {
        if (selection && !selection.isCollapsed && selection.rangeCount > 0) selectors = selectorsForRange(page, selection.getRangeAt(0));
        else if (mark) selectors = selectorsForSentence(page, mark.start);
      } catch (e) {
        if (e instanceof SelectionError) return { ok: false, message: 'Select some text of the page first.' };
        throw e;
      }
      if (!selectors) return { ok: false, message: 'Select some text of the page first.' };
      const entities = [...new Set(this.matcher.find(selectors[0].exact).map((m) => this.g.entities[m.entity]!.id))];
      return this.deps.saveSnippet({ url: doc.location?.href ?? '', title: (doc.title ?? '').slice(0, 1000), selectors, entities });
    })();
    this.notify(reply.message, reply.ok ? 'ok' : 'error');
    return reply;
  }

  private notify(message: string, kind: 'ok' | 'error'): void {
    if (!this.toast) {
      // In the marks' host when there is one, else in a host of its own (the page is not marked).
      const host = this.ui?.host ?? (this.bare ??= new UiHost(this.deps.doc, TOAST_CSS));
      this.toast = new Toast(host.root);
    }
    this.toast.show(message, kind);
  }


  /**
   * Draws the marks in batches, each its own task; `stats` receives the main-thread time spent. `loaded`: the
   * page has settled (the reader switched marks on), and a huge page gets a frame per batch.
   */
  private async applyMarks(signal?: AbortSignal, stats?: SliceStats, loaded = false, predrawn?: { text: PageText; capped: boolean }): Promise<boolean> {
    if (!this.deps.markingAllowed() || !this.highlightEnv() || !this.analysis) {
      this.unmark();
      this.state = this.deps.markingAllowed() ? 'marked' : 'disabled';
      return true;
    }
    const text = this.analysis.text;
    if (predrawn?.text === text && this.highlighter) {
      // The gate script drew these very marks (lib/page/premark.ts): only our host and keyboard stepping are missing.
      const t0 = performance.now();
      this.capped = predrawn.capped;
      this.marksRun++;
      this.marksPlanned = this.highlighter.marks().length;
      this.ensureUi();
      this.marked();
      if (stats) addSlice(stats, performance.now() - t0);
      return false;
    }
    const { specs: wanted, capped } = markSpecs(this.g, text, this.hits);
    this.capped = capped;
    const run = ++this.marksRun;
    this.marksPlanned = wanted.length;
    const perFrame = loaded && usesPlainMarks(text);
    const perBatch = perFrame ? PLAIN_MARKS_PER_FRAME : MARKS_PER_SLICE;
    // The page was read again, or the marks were switched off (and maybe on again) since this drawing began.
    const superseded = () => signal?.aborted || this.analysis?.text !== text || run !== this.marksRun;
    if (perFrame && !this.ui) {
      // Our host in a frame of its own, before the marks: with the last batch it made that frame the longest.
      this.ensureUi();
      await afterNextFrame(this.deps.doc);
      if (superseded()) return false;
    }
    for (let i = 0; i < wanted.length || i === 0; i += perBatch) {
      if (i > 0) {
        await (perFrame ? afterNextFrame(this.deps.doc) : yieldToPage());
        if (superseded()) return false;
      }
      const t0 = performance.now();
      // The ::highlight rules come with the content script (manifest CSS): nothing to add to the page here.
      const highlighter = (this.highlighter ??= new Highlighter(this.highlightEnv() as HighlightEnv));
      const batch = wanted.slice(i, i + perBatch);
      if (i === 0) highlighter.draw(text, batch, { paint: false });
      else highlighter.append(text, batch, { paint: false });
      if (perFrame && i + perBatch < wanted.length) highlighter.paint();
      if (i + perBatch >= wanted.length) {
        // Painted with the last batch (once, unless a loaded huge page gets a frame per batch), and our host
        // element (in the top layer) added in the same task, unless it came first (a loaded huge page):
        // each visible change costs the page a frame (on a loaded 10 MB page, 23–36 ms for either alone), and
        // while a huge page still loads, a frame of its own for the host made the longest task 28–181 ms, not 27–55.
        this.ensureUi();
        highlighter.paint();
      }
      if (stats) addSlice(stats, performance.now() - t0);
    }
    this.marked();
    return true;
  }

  /** The marks are all drawn and our host is there: keyboard stepping starts over, the card gets its summaries. */
  private marked(): void {
    this.ui!.nav.reset();
    this.state = 'marked';
    void this.loadSummaries(this.entityIds(this.hits));
  }

  /** Marks drawn elsewhere (the gate script's) become this session's, in place of any it had. */
  private takeHighlighter(highlighter: Highlighter): void {
    if (this.highlighter && this.highlighter !== highlighter) this.unmark();
    this.highlighter = highlighter;
  }

  /** Stops the gate script's reading the current scan waits for, if any. */
  private dropGateReading(): void {
    this.stopGateReading?.();
    this.stopGateReading = null;
  }

  private unmark(): void {
    // A drawing still spread over frames stops at its next batch.
    this.marksRun++;
    this.marksPlanned = 0;
    this.highlighter?.clear();
    this.highlighter = null;
    this.listeners?.abort();
    this.listeners = null;
    // A toast that lived in the marks' host goes with it.
    if (this.ui && this.toast && this.ui.host.root.contains(this.toast.el)) this.toast = null;
    this.ui?.host.remove();
    this.ui = null;
    this.cardMark = null;
  }

  private ensureUi(): void {
    const doc = this.deps.doc;
    const win = doc.defaultView as Window & typeof globalThis;
    if (this.ui) return;
    const host = new UiHost(doc, CARD_CSS + TOAST_CSS);
    const card = new Card(
      host.root,
      () => this.cardMark && this.open(this.cardMark),
      () => void this.saveSelection(this.cardMark ?? undefined),
    );
    const nav = new MarkNavigator(host.root, {
      marks: () => this.highlighter?.marks() ?? [],
      describe: (m, i, total) => {
        const s = this.summaryCache.get(this.g.entities[m.entity]!.id);
        const known = s ? ` Named in ${s.articles} of ${s.totalArticles} corpus articles.` : '';
        return `${m.surface} (${this.g.entities[m.entity]!.type}), ${i + 1} of ${total}.${known}`;
      },
      onSelect: (m) => this.focusMark(m),
      onOpen: (m) => this.open(m),
    });
    this.ui = { host, card, nav };
    this.listen(win, card);
  }

  /** Pointer and keyboard wiring; everything is passive and nothing of the page's is prevented. */
  private listen(win: Window, card: Card): void {
    this.listeners = new AbortController();
    const signal = this.listeners.signal;
    let x = 0;
    let y = 0;
    let frame = 0;
    const check = () => {
      frame = 0;
      const mark = this.highlighter ? markAtPoint(this.deps.doc, this.highlighter, x, y) : null;
      if (mark) this.hoverMark(mark);
      else this.scheduleHide();
    };
    win.addEventListener(
      'pointermove',
      (e) => {
        if (this.ui?.host.isOwn(e.target as Node)) return;
        x = e.clientX;
        y = e.clientY;
        if (!frame) frame = win.requestAnimationFrame(check);
      },
      { passive: true, capture: true, signal },
    );
    win.addEventListener(
      'click',
      (e) => {
        if (!this.highlighter || this.ui?.host.isOwn(e.target as Node)) return;
        const target = e.target as Element | null;
        if (target?.closest?.('a, button, input, select, textarea, label, summary, [role="button"], [role="link"], [contenteditable]')) return;
        if (!(win.getSelection()?.isCollapsed ?? true)) return;
        const mark = markAtPoint(this.deps.doc, this.highlighter, e.clientX, e.clientY);
        if (mark) this.open(mark);
      },
      { passive: true, signal },
    );
    win.addEventListener('scroll', () => this.hideCard(), { passive: true, capture: true, signal });
    win.addEventListener('keydown', (e) => e.key === 'Escape' && this.hideCard(), { passive: true, signal });
    card.el.addEventListener('pointerenter', () => this.cancelHide(), { signal });
    card.el.addEventListener('pointerleave', () => this.scheduleHide(), { signal });
  }

  private hoverMark(mark: DrawnMark): void {
    this.cancelHide();
    if (this.cardMark === mark && this.ui?.card.visible) return;
    if (this.hoverTimer) clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => this.showCard(mark), 180);
  }

  private focusMark(mark: DrawnMark | null): void {
    this.highlighter?.focus(mark);
    if (!mark) {
      this.hideCard();
      return;
    }
    const rect = markRects(this.deps.doc, mark)[0];
    const win = this.deps.doc.defaultView as Window;
    if (rect && (rect.top < 0 || rect.bottom > win.innerHeight)) {
      win.scrollBy({ top: rect.top - win.innerHeight / 2, behavior: 'instant' as ScrollBehavior });
    }
    this.showCard(mark);
  }

  private showCard(mark: DrawnMark): void {
    if (!this.ui) return;
    const rect = markRects(this.deps.doc, mark)[0];
    if (!rect) return;
    const entity = this.g.entities[mark.entity]!;
    this.cardMark = mark;
    const win = this.deps.doc.defaultView as Window;
    this.ui.card.show({ name: entity.name, type: entity.type, surface: mark.surface, summary: this.summaryCache.get(entity.id) ?? null }, rect, {
      width: win.innerWidth,
      height: win.innerHeight,
    });
    if (!this.summaryCache.has(entity.id)) void this.loadSummaries([entity.id]).then(() => this.cardMark === mark && this.ui?.card.visible && this.showCard(mark));
  }

  private scheduleHide(): void {
    if (this.hoverTimer) clearTimeout(this.hoverTimer);
    this.hoverTimer = null;
    if (!this.ui?.card.visible || this.hideTimer) return;
    this.hideTimer = setTimeout(() => this.hideCard(), 350);
  }

  private cancelHide(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  private hideCard(): void {
    this.cancelHide();
    if (this.ui?.nav.button === this.ui?.host.root.activeElement) return;
    this.ui?.card.hide();
    this.cardMark = null;
  }

  private open(mark: DrawnMark): void {
    this.deps.openEntity(this.g.entities[mark.entity]!.id);
  }

  /** The distinct entities of some hits, without a copy per hit. */
  private entityIds(hits: readonly PageHit[]): string[] {
    const seen = new Set<number>();
    for (const h of hits) seen.add(h.entity);
    return [...seen].map((e) => this.g.entities[e]!.id);
  }

  private async loadSummaries(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.summaryCache.has(id));
    if (missing.length === 0) return;
    try {
      for (const s of await this.deps.summaries(missing.slice(0, 2000))) this.summaryCache.set(s.id, s);
    } catch {
      // The card says the framing is loading; the next hover asks again.
    }
  }

  private sendReport(fresh = false, answered?: unknown): void {
    const a = this.analysis;
    if (!a) return;
    const relevant = a.relevance.relevant;
    const notes: string[] = [];
    if (a.text.truncated) notes.push(TRUNCATED_NOTE);
    if (this.capped) notes.push(`Too many names to mark: the first ${markCap(a.text)} are marked.`);
    if (relevant && this.state === 'disabled') notes.push('Marks are switched off for this site.');
    const fields = {
      relevant,
      score: a.relevance.score,
      entities: relevant ? (this.summary?.entities() ?? []) : [],
      marks: this.highlighter?.marks().length ?? 0,
      capped: this.capped,
    };
    this.deps.report(pageReport(this.deps.doc, fields, notes), fresh, answered);
  }

  private watch(): void {
    if (this.watcher) return;
    const doc = this.deps.doc;
    this.watcher = new MutationWatcher(doc.documentElement, (n) => this.ui?.host.isOwn(n) ?? false, (b) => void this.onBatch(b));
    this.watcher.start();
  }

  /** Handles a batch of page changes: a new page (single-page-app navigation) or a flood rescans once; added text is scanned alone. */
  async onBatch(batch: MutationBatch): Promise<void> {
    if (this.state === 'scanning') {
      // A navigation while the scan waits for the gate script's reading: that reading is of the old page.
      if (pageKey(this.deps.doc) !== this.url) this.dropGateReading();
      this.deferred = mergeBatches(this.deferred, batch);
      return;
    }
    if (pageKey(this.deps.doc) !== this.url) {
      this.unmark();
      await this.start();
      return;
    }
    const stale = [...batch.changedText].some((n) => this.highlighter?.isMarked(n)) || (batch.removed && this.highlighter?.marks().some((m) => !m.range.startContainer.isConnected));
    if (batch.flood || stale) {
      await this.start();
      return;
    }
    if (this.ruledOutByGate && this.deps.gate) {
      // Only a decisive name can make this page relevant: the gate looks at the new text for one. (A page that
      // passed the gate and was found not relevant goes on below: any name adds to its score.)
      if (this.deps.gate.changesMayBeRelevant(this.deps.doc, batch)) await this.start();
      return;
    }
    const scanned = (this.scannedNodes ??= new Set(this.analysis?.text.segments.map((seg) => seg.node)));
    const fresh: PageHit[] = [];
    const pages: Array<{ page: ReturnType<typeof collectText>; hits: PageHit[] }> = [];
    for (const node of batch.added) {
      if (!node.isConnected) continue;
      const root = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!root || isExcludedWithAncestors(root)) continue;
      const page = collectText(root);
      // Only the added node's own text (the parent of an added text node holds older text too), and only visible text.
      const hits = this.matcher
        .find(page.text)
        .filter((m) => {
          const at = nodeAtStart(page, m.start);
          return !!at && !scanned.has(at) && (node.nodeType === 1 || at === node) && this.deps.isVisible(at.parentElement as Element);
        })
        .map((m) => ({ ...m, inMain: false }));
      for (const seg of page.segments) if (node.nodeType === 1 || seg.node === node) scanned.add(seg.node);
      if (hits.length) pages.push({ page, hits });
      fresh.push(...hits);
    }
    if (fresh.length === 0) return;
    if (!this.analysis?.relevance.relevant) {
      // New text may make the page relevant: decide on the whole page again.
      await this.start();
      return;
    }
    this.hits = [...this.hits, ...fresh];
    this.summary?.add(fresh);
    if (this.highlighter && this.deps.markingAllowed()) {
      for (const { page, hits } of pages) {
        // Counted against the marks still to come too, while a drawing is spread over frames.
        const room = markCap(this.analysis.text) - Math.max(this.highlighter.marks().length, this.marksPlanned);
        // Names beyond the room are not marked: the note must say so now, not after a later batch.
        if (hits.length > room) this.capped = true;
        if (room <= 0) break;
        this.highlighter.append(page, hits.slice(0, room).map((h) => toMarkSpec(this.g, h)));
      }
      void this.loadSummaries(this.entityIds(fresh));
    }
    this.sendReport();
  }
}

/** After the browser has painted its next frame (at once in a hidden tab, which paints none). */
function afterNextFrame(doc: Document): Promise<void> {
  const win = doc.defaultView;
  if (!win?.requestAnimationFrame || doc.visibilityState === 'hidden') return yieldToPage();
  return new Promise((resolve) => win.requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** What the analysis says of a page the gate ruled out: not relevant, no hit. */
function ruledOut(text: PageText): PageAnalysis {
  return {
    text,
    hits: [],
    titleHits: [],
    tagHits: [],
    relevance: { relevant: false, score: 0, tagScore: 0, coreEntities: 0 },
    mainFound: false,
    mainPending: false,
    gatedOut: true,
  };
}

import { isReportReply, saysSnippetsSaved } from '../content-messages';
import { MAX_PAGE_TEXT } from '../limits';
import type { PageReport } from '../messages';
import { walkText, type PageText } from './collect';
import type { GateResult, PageGate } from './gate';
import type { Premark } from './premark';
import { mergeBatches, MutationWatcher, type MutationBatch } from './mutations';
import { pageKey } from './page-key';
import { PERF_SCAN_END, PERF_SCAN_START } from './perf-marks';
import { ruledOutReport } from './page-report';
import { runSliced, type SliceStats } from './slices';


/** The gate's look at a page, for the full content script to go on from. */
export interface GateReading {
  /** The page it was taken of (`pageKey`): after a single-page-app navigation, it is not used. */
  url: string;
  gate: GateResult;
  stats: SliceStats;
  /**
   * The page's text, still being read when the title alone decided (the full script loads meanwhile); null
   * when that reading was stopped, and the full script must read the page itself.
   */
  text?: Promise<PageText | null>;
  /** Stops that reading (its `text` then resolves to null): the full script no longer needs it. */
  stopReading?: () => void;
  /** The marks the gate script draws from this reading while the full script loads (set at hand-over). */
  premark?: Premark;
  /**
   * The background's reply to the report the gate sent of this reading (not yet validated): the full script
   * goes on from it rather than report the same page twice.
   */
  reply?: unknown;
}

/** Stops the gate's reading of a page and the marks it started drawing from it (those not taken over). */
export function endReading(reading: GateReading): void {
  reading.stopReading?.();
  reading.premark?.discard();
}

/** Why the gate hands a page over to the full content script. */
export interface HandOver {
  /** The gate's look at the page as it is now; null when the page changed since, and must be read again. */
  initial: GateReading | null;
  /**
   * Whether the gate was following the page's changes (a page it had ruled out): the full script then
   * follows them from the start, beginning with `pending`, the changes not yet looked at.
   */
  watched: boolean;
  pending: MutationBatch | null;
}

export interface GateSessionDeps {
  doc: Document;
  gate: PageGate;
  /** Sends the report of a page the gate ruled out; resolves to the background's reply, not yet validated. */
  report: (report: PageReport) => Promise<unknown>;
  /** Loads the full content script and gives it the page; from then on it answers for the page. */
  handOver: (why: HandOver) => void;
  /** Follow the page's changes (tests turn the watcher's timing down). */
  watchOptions?: ConstructorParameters<typeof MutationWatcher>[3];
  timing?: Pick<Performance, 'mark'> | null;
}

export type GateState = 'scanning' | 'irrelevant' | 'handed-over' | 'stopped';

/**
 * What the content script does on every page before anything else is loaded: the gate (lib/page/gate.ts)
 * looks for a decisive Syria/ISIS name. A page with one is handed over to the full content script, which
 * builds the matcher, marks and reports. A page without one gets one small report, and only the gate looks at
 * the text it adds later: a page that names no decisive entity cannot be relevant (lib/entities/relevance.ts).
 * Nothing here changes the page.
 */
export class GateSession {
  state: GateState = 'scanning';
  private abort: AbortController | null = null;
  private watcher: MutationWatcher | null = null;
  private url: string;
  /** The last look that ruled the page out: a save asked for on this page hands it over as it was read. */
  private last: GateReading | null = null;
  /** Ends a reading of the page's text that outlived the hand-over (the extension went away). */
  private readonly stopped = new AbortController();
  /** Changes that arrived while the gate was reading the page. */
  private deferred: MutationBatch | null = null;

  constructor(private readonly deps: GateSessionDeps) {
    this.url = pageKey(deps.doc);
  }

  /** Looks at the page from scratch. */
  async start(): Promise<void> {
    if (this.state === 'handed-over' || this.state === 'stopped') return;
    this.abort?.abort();
    this.abort = null;
    this.url = pageKey(this.deps.doc);
    this.state = 'scanning';
    this.last = null;
    this.deps.timing?.mark(PERF_SCAN_START);
    const stats: SliceStats = { slices: 0, busyMs: 0, longestSliceMs: 0 };
    const { gate: pageGate, doc } = this.deps;
    // The title first, in this task: a page whose title names a decisive entity starts loading the full script
    // at once, and its text is read here while that script loads. The hand-over comes first, so that the
    // script's request leaves before the reading is set up (1–2 ms of first calls on a cold page).
    if (pageGate.titleMayBeRelevant(doc)) {
      const reading = new AbortController();
      this.stopped.signal.addEventListener('abort', () => reading.abort(), { once: true });
      // Started in a microtask: after this task's synchronous hand-over.
      const text = Promise.resolve()
        .then(() => runSliced(walkText(doc.body ?? doc.documentElement, { maxChars: MAX_PAGE_TEXT }), 8, reading.signal, stats))
        .catch(() => null);
      this.handOver({ initial: { url: this.url, gate: { pass: true, text: null }, stats, text, stopReading: () => reading.abort() } });
      return;
    }
    // Made only now: the title path has nothing to abort.
    const abort = (this.abort = new AbortController());
    let gate: GateResult;
    try {
      gate = await runSliced(pageGate.bodySteps(doc, MAX_PAGE_TEXT), 8, abort.signal, stats);
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      throw e;
    }
    if (abort.signal.aborted) return;
    if (gate.pass) {
      this.handOver({ initial: { url: this.url, gate, stats } });
      return;
    }
    this.state = 'irrelevant';
    this.last = { url: this.url, gate, stats };
    this.deps.timing?.mark(PERF_SCAN_END, { detail: { relevant: false, marks: 0, busyMs: stats.busyMs, longestSliceMs: stats.longestSliceMs, slices: stats.slices } });
    this.watch();
    const reply = await this.deps.report(ruledOutReport(this.deps.doc, gate.text?.truncated ?? false));
    if (this.state === 'irrelevant' && this.last?.gate === gate) {
      // Kept with the reading: whatever hands the page over next, the full script need not report it again
      // (unless the background failed to take the report).
      if (isReportReply(reply)) this.last = { ...this.last, reply };
      // The reader saved snippets on this page: the full script finds them and paints them.
      if (saysSnippetsSaved(reply)) this.handOver({ initial: this.last });
    }
    const deferred = this.deferred;
    this.deferred = null;
    if (deferred) this.onBatch(deferred);
  }

  /** The reader asked to save a selection here: only the full script can. */
  handOverForSave(): void {
    this.handOver({ initial: this.state === 'irrelevant' ? this.last : null });
  }

  /** Stops following the page (the extension went away). */
  stop(): void {
    this.abort?.abort();
    this.stopped.abort();
    this.watcher?.stop();
    this.watcher = null;
    this.state = 'stopped';
  }

  /** Handles a batch of page changes (also called with an empty batch after a history navigation). */
  onBatch(batch: MutationBatch): void {
    if (this.state === 'scanning') {
      this.deferred = mergeBatches(this.deferred, batch);
      return;
    }
    if (this.state !== 'irrelevant') return;
    // A new page (single-page-app navigation) or too many changes to follow: look at the page again.
    if (pageKey(this.deps.doc) !== this.url || batch.flood) void this.start();
    else if (this.deps.gate.changesMayBeRelevant(this.deps.doc, batch)) this.handOver({ initial: null });
  }

  private watch(): void {
    if (this.watcher) return;
    this.watcher = new MutationWatcher(this.deps.doc.documentElement, () => false, (b) => this.onBatch(b), this.deps.watchOptions);
    this.watcher.start();
  }

  private handOver(why: Omit<HandOver, 'watched' | 'pending'>): void {
    if (this.state === 'handed-over' || this.state === 'stopped') return;
    this.abort?.abort();
    // Changes the gate has not looked at yet go with the page, so that none is lost between the two scripts.
    const watched = this.watcher !== null;
    const pending = mergeBatches(this.deferred, this.watcher?.stopAndTake() ?? null);
    this.deferred = null;
    this.watcher = null;
    this.state = 'handed-over';
    this.deps.handOver({ ...why, watched, pending: pending.records > 0 ? pending : null });
  }
}

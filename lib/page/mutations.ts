export interface MutationBatch {
  /** Roots of the subtrees added since the last batch (not our own nodes). */
  added: Node[];
  /** Text nodes whose text changed. */
  changedText: Set<Node>;
  /** Nodes were removed. */
  removed: boolean;
  records: number;
  /** Too many changes to follow one by one: the page should be rescanned once instead. */
  flood: boolean;
}

export interface WatchOptions {
  /** Quiet time before a batch is handed over. */
  debounceMs?: number;
  /** A page that never goes quiet still gets a batch this often. */
  maxWaitMs?: number;
  /** More records than this in one batch is a flood. */
  floodRecords?: number;
}

/**
 * Follows a page's changes through one MutationObserver, coalescing them into debounced batches. A page
 * that rewrites itself constantly produces one batch flagged as a flood (one rescan), not thousands of
 * small scans; details stop being collected once a batch is a flood, so memory stays flat.
 */
export class MutationWatcher {
  private observer: MutationObserver | null = null;
  private batch: MutationBatch = emptyBatch();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstAt = 0;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly floodRecords: number;

  constructor(
    private readonly target: Node,
    private readonly isOwn: (node: Node) => boolean,
    private readonly onBatch: (batch: MutationBatch) => void,
    opts: WatchOptions = {},
  ) {
    this.debounceMs = opts.debounceMs ?? 400;
    this.maxWaitMs = opts.maxWaitMs ?? 2000;
    this.floodRecords = opts.floodRecords ?? 2000;
  }

  start(): void {
    if (this.observer) return;
    const Observer = (this.target.ownerDocument?.defaultView ?? globalThis).MutationObserver;
    this.observer = new Observer((records) => this.collect(records));
    this.observer.observe(this.target, { childList: true, characterData: true, subtree: true });
  }

  /** Stops, and returns the changes collected but not yet handed over (null: none). */
  stopAndTake(): MutationBatch | null {
    if (this.observer) this.collect(this.observer.takeRecords());
    const pending = this.batch.records > 0 ? this.batch : null;
    this.stop();
    return pending;
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.batch = emptyBatch();
  }

  private collect(records: MutationRecord[]): void {
    const b = this.batch;
    if (b.records === 0) this.firstAt = Date.now();
    b.records += records.length;
    if (b.records > this.floodRecords) b.flood = true;
    if (!b.flood) {
      for (const r of records) {
        if (this.isOwn(r.target)) continue;
        if (r.type === 'characterData') b.changedText.add(r.target);
        else {
          for (const n of Array.from(r.addedNodes)) if (!this.isOwn(n)) b.added.push(n);
          if (r.removedNodes.length > 0) b.removed = true;
        }
      }
    }
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstAt + this.maxWaitMs - Date.now()));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    const b = this.batch;
    this.batch = emptyBatch();
    if (b.records > 0 && (b.flood || b.added.length > 0 || b.changedText.size > 0 || b.removed)) this.onBatch(b);
  }
}

function emptyBatch(): MutationBatch {
  return { added: [], changedText: new Set(), removed: false, records: 0, flood: false };
}

/** One batch for the changes of two (those that arrived while a scan was running, and the next ones). */
export function mergeBatches(a: MutationBatch | null, b: MutationBatch | null): MutationBatch {
  if (!a) return b ?? emptyBatch();
  if (!b) return a;
  return {
    added: [...a.added, ...b.added],
    changedText: new Set([...a.changedText, ...b.changedText]),
    removed: a.removed || b.removed,
    records: a.records + b.records,
    flood: a.flood || b.flood,
  };
}

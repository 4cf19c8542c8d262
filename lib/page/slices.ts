/** What a sliced run cost the page's main thread. */
export interface SliceStats {
  slices: number;
  /** Main-thread time spent in our slices, in milliseconds. */
  busyMs: number;
  longestSliceMs: number;
}

/**
 * Runs a generator of work in slices of at most about `budgetMs`, giving the page's own tasks a turn in
 * between; `stats` (optional) receives what the run cost the main thread.
 */
export async function runSliced<T>(steps: Generator<void, T>, budgetMs = 8, signal?: AbortSignal, stats?: SliceStats): Promise<T> {
  // Start in a task of our own, not inside the caller's (at injection, the one that evaluated our bundle).
  await yieldToPage();
  if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
  let sliceStart = performance.now();
  const close = () => {
    if (stats) addSlice(stats, performance.now() - sliceStart);
  };
  for (;;) {
    const step = steps.next();
    if (step.done) {
      close();
      return step.value;
    }
    if (performance.now() - sliceStart >= budgetMs) {
      close();
      await yieldToPage();
      if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
      sliceStart = performance.now();
    }
  }
}

/** Counts one slice of `took` milliseconds of main-thread work. */
export function addSlice(stats: SliceStats, took: number): void {
  stats.slices++;
  stats.busyMs += took;
  stats.longestSliceMs = Math.max(stats.longestSliceMs, took);
}

/** Lets the page's own tasks run before we continue. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs a generator of work in slices of at most `budgetMs`, giving the page's own tasks a turn in between. */
export async function runSliced<T>(steps: Generator<void, T>, budgetMs = 8, signal?: AbortSignal): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= budgetMs) {
      await yieldToPage();
      if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
      sliceStart = performance.now();
    }
  }
}

function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Times `fn` after warm-up runs; returns the median and the spread in milliseconds. */
export function time(fn: () => unknown, runs = 15, warmup = 3): { median: number; min: number; max: number } {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)] as number, min: samples[0] as number, max: samples.at(-1) as number };
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

export function row(label: string, value: string): void {
  console.log(`  ${label.padEnd(52)} ${value}`);
}

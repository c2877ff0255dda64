// Samples this process's resident set size (Node heap + DuckDB's native memory) every 50 ms
// while a step runs. Limits: a spike shorter than the interval can be missed.

import { toMb } from './stats.ts';

export interface Sampled<T> {
  readonly value: T;
  readonly seconds: number;
  readonly peakRssMb: number;
}

export async function withRssSampling<T>(
  step: () => Promise<T>,
  intervalMs = 50,
): Promise<Sampled<T>> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  const started = performance.now();
  try {
    const value = await step();
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds, peakRssMb: toMb(peak) };
  } finally {
    clearInterval(timer);
  }
}

// Rating a figure against its benchmark bands and a user target: red/amber/green with the
// band's source. Amber = within 5 % (relative) of the target on the wrong side.

import type { Benchmark, KpiDefinition, RatingBand } from './types.ts';

export type RagStatus = 'green' | 'amber' | 'red';

export interface Rating {
  readonly band: RatingBand | null;
  readonly bandSource: string | null;
  readonly target: number | null;
  readonly targetMet: boolean | null;
  readonly status: RagStatus | null;
}

export const AMBER_MARGIN = 0.05;

export function bandOf(value: number, benchmark: Benchmark): RatingBand | null {
  for (const b of benchmark.bands) {
    if ((b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max))
      return b.rating;
  }
  return null;
}

export function rate(
  kpi: KpiDefinition,
  value: number | null,
  target: number | null,
  channel: string | null,
): Rating {
  const bm = kpi.benchmark;
  const applies = bm !== undefined && (bm.channel === undefined || bm.channel === channel);
  const band = value !== null && applies && bm ? bandOf(value, bm) : null;
  const targetMet =
    value === null || target === null
      ? null
      : kpi.direction === 'higher'
        ? value >= target
        : value <= target;
  return {
    band,
    bandSource: applies && bm ? bm.source : null,
    target,
    targetMet,
    status: statusOf(kpi, value, target, targetMet, band),
  };
}

function statusOf(
  kpi: KpiDefinition,
  value: number | null,
  target: number | null,
  targetMet: boolean | null,
  band: RatingBand | null,
): RagStatus | null {
  if (value === null) return null;
  if (target !== null) {
    if (targetMet) return 'green';
    const gap = kpi.direction === 'higher' ? target - value : value - target;
    return gap <= Math.abs(target) * AMBER_MARGIN ? 'amber' : 'red';
  }
  if (band === null) return null;
  return band === 'poor' ? 'red' : band === 'average' ? 'amber' : 'green';
}

// Rating a figure against its benchmark bands and a user target: red/amber/green with the
// band's source. Amber = within 5 % (relative) of the target on the wrong side. A benchmark only
// applies to its channel (ASA: calls), currency (cost per resolution: €) and scale (CES mean).

import type { Band, Benchmark, KpiDefinition, RatingBand } from './types.ts';

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
  return benchmark.bands.find((b) => inBand(value, b))?.rating ?? null;
}

function inBand(v: number, b: Band): boolean {
  return (
    (b.gt === undefined || v > b.gt) &&
    (b.gte === undefined || v >= b.gte) &&
    (b.lt === undefined || v < b.lt) &&
    (b.lte === undefined || v <= b.lte)
  );
}

/** What a figure is about, beyond its value: decides whether a benchmark applies. */
export interface RatingContext {
  /** The figure's scale ('1-7') when the KPI is reported per scale. */
  readonly scale?: string | null;
  /** The workspace currency, for currency benchmarks. */
  readonly currency?: string;
}

export function rate(
  kpi: KpiDefinition,
  value: number | null,
  target: number | null,
  channel: string | null,
  { scale = null, currency }: RatingContext = {},
): Rating {
  const bm = (scale !== null ? kpi.benchmarkForScale?.(scale) : undefined) ?? kpi.benchmark;
  const applies =
    bm !== undefined &&
    (bm.channel === undefined || bm.channel === channel) &&
    (bm.currency === undefined || bm.currency === currency);
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

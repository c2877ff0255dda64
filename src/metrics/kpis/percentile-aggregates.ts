// p50/p90/p95 aggregates for a duration, and reading them back: averages never travel alone.

import { quantile, type Aggregate, type Expr } from '../expr.ts';
import type { AggValues, Percentiles } from '../types.ts';

export function percentileAggregates(of: Expr, where: Expr): Record<string, Aggregate> {
  return {
    p50: quantile(of, 0.5, where),
    p90: quantile(of, 0.9, where),
    p95: quantile(of, 0.95, where),
  };
}

/** As the aggregates return them: durations stay in seconds (display units are the formatters'). */
export function readPercentiles(a: AggValues): Percentiles {
  const v = (k: string) => a[k] ?? null;
  return { p50: v('p50'), p90: v('p90'), p95: v('p95') };
}

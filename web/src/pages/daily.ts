// The per-day (or per-hour, for one- and two-day periods) series of KPIs over the period, for
// sparklines and trend charts. Limits: one query for all KPIs asked; null where a day has no data.

import { apiUrl } from '../api/client.ts';
import { matches, type GroupKeys } from '../api/rows.ts';
import type { KpiId, KpiResponse, KpiRow } from '../api/types.ts';
import { useApi, type Loaded } from '../api/use-api.ts';
import { addDays, daysBetween } from '../format/dates.ts';
import type { View } from '../state/view-context.ts';

/** Day for periods of three days or more, hour below that (a one-day sparkline needs points). */
export const trendGrain = (view: View): 'day' | 'hour' =>
  daysBetween(view.range.from, view.range.to) >= 2 ? 'day' : 'hour';

export function useDaily(
  view: View,
  kpis: readonly KpiId[],
  grain = trendGrain(view),
  { percentiles = true }: { percentiles?: boolean } = {},
): Loaded<KpiResponse> & { url: string } {
  const url = apiUrl('kpis', { ...view.base, kpis, grain, percentiles });
  return { ...useApi<KpiResponse>(url), url };
}

/** The bucket labels of the period, so days without data still get a (null) point. */
export function buckets(view: View, grain: 'day' | 'hour'): string[] {
  const days: string[] = [];
  for (let d = view.range.from; d <= view.range.to; d = addDays(d, 1)) days.push(d);
  if (grain === 'day') return days;
  return days.flatMap((d) =>
    Array.from({ length: 24 }, (_, h) => `${d} ${String(h).padStart(2, '0')}:00`),
  );
}

/** A KPI's rows by bucket, one per bucket (CES: its largest scale). */
export function byBucket(rows: readonly KpiRow[], kpi: KpiId): Map<string, KpiRow> {
  const out = new Map<string, KpiRow>();
  for (const r of rows) {
    if (r.kpi !== kpi) continue;
    // Hourly labels carry the UTC offset ('… 10:00+02:00'); the chart's buckets are local times.
    const key = String(r.keys['period'] ?? '').slice(0, 16);
    const had = out.get(key);
    if (!had || r.n > had.n) out.set(key, r);
  }
  return out;
}

export function series(
  view: View,
  rows: readonly KpiRow[],
  kpi: KpiId,
  grain: 'day' | 'hour',
  pick: (r: KpiRow) => number | null = (r) => r.value,
): (number | null)[] {
  const m = byBucket(rows, kpi);
  return buckets(view, grain).map((b) => {
    const r = m.get(b);
    return r ? pick(r) : null;
  });
}

/** The series of one group's figure (e.g. voice) from rows broken down by that group. */
export const groupSeries = (
  view: View,
  rows: readonly KpiRow[],
  kpi: KpiId,
  grain: 'day' | 'hour',
  group: GroupKeys,
): (number | null)[] =>
  series(
    view,
    rows.filter((r) => matches(r, kpi, group)),
    kpi,
    grain,
  );

/** A trend point; hollow and larger where its n is below the minimum sample (KPIS.md: warn). */
export type SamplePoint = { value: number; symbol?: string; symbolSize?: number } | null;

/** A KPI's points over the given buckets, small samples marked; `small` says if any is. */
export function samplePoints(
  rows: readonly KpiRow[],
  kpi: KpiId,
  keys: readonly string[],
  minSample: number,
  pick: (r: KpiRow) => number | null = (r) => r.value,
): { points: SamplePoint[]; small: boolean } {
  const m = byBucket(rows, kpi);
  let small = false;
  const points = keys.map((b): SamplePoint => {
    const r = m.get(b);
    const v = r ? pick(r) : null;
    if (!r || v === null) return null;
    if (r.n >= minSample) return { value: v };
    small = true;
    return { value: v, symbol: 'emptyCircle', symbolSize: 10 };
  });
  return { points, small };
}

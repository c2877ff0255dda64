// Finding KPI rows in an API answer by KPI, group keys and scale.
// Limits: keys compare as strings (weekday 3 equals "3"); a missing key matches only null; a
// period label without a UTC offset matches the buckets of that local time.

import type { KpiId, KpiRow } from './types.ts';

export type GroupKeys = Readonly<Record<string, string | number | null>>;

/** Null keys travel as '' (the API's `group=agent=` means null). */
const isNull = (v: unknown) => v === null || v === undefined || v === '';
const same = (a: unknown, b: unknown) => (isNull(a) ? isNull(b) : String(a) === String(b));

const OFFSET = /^.{16}[+-]\d\d:\d\d$/;
/**
 * Buckets below a day carry their UTC offset ('2026-10-25 02:00+02:00'); a label without one
 * (a chart's local bucket, a staffing interval) means every bucket at that local time, as the
 * drill-down reads it. Two labels with offsets must be equal.
 */
function samePeriod(a: unknown, b: unknown): boolean {
  if (isNull(a) || isNull(b)) return isNull(a) && isNull(b);
  const x = String(a);
  const y = String(b);
  return OFFSET.test(x) && OFFSET.test(y) ? x === y : x.slice(0, 16) === y.slice(0, 16);
}

export function matches(row: KpiRow, kpi: KpiId, group: GroupKeys = {}): boolean {
  if (row.kpi !== kpi) return false;
  return Object.entries(group).every(([k, v]) =>
    k === 'period' ? samePeriod(row.keys[k], v) : same(row.keys[k], v),
  );
}

/** All rows of a KPI for a group (several for CES, one per scale). */
export const rowsFor = (rows: readonly KpiRow[], kpi: KpiId, group: GroupKeys = {}): KpiRow[] =>
  rows.filter((r) => matches(r, kpi, group));

/** The first row of a KPI for a group, or null. */
export const rowFor = (rows: readonly KpiRow[], kpi: KpiId, group: GroupKeys = {}): KpiRow | null =>
  rows.find((r) => matches(r, kpi, group)) ?? null;

/** The row of the previous period that corresponds to `row` (same KPI, keys and scale). */
export function previousOf(prev: readonly KpiRow[] | undefined, row: KpiRow): KpiRow | null {
  if (!prev) return null;
  const keys = Object.fromEntries(Object.entries(row.keys).filter(([k]) => k !== 'period'));
  return prev.find((r) => matches(r, row.kpi, keys) && r.scale === row.scale) ?? null;
}

/** The group keys of a row as strings, null as '' (for drill-down URLs and the URL state). */
export function groupOf(row: KpiRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(row.keys)) out[k] = v === null ? '' : String(v);
  return out;
}

// KpiRows as CSV: one line per row, group keys as columns, then the figure and what it was
// computed from. Limits: numbers unrounded, percentages in percent; nested counts stay out.

import type { KpiRow } from '../engine/index.ts';
import { toCsv, type CsvCell } from './csv.ts';

export const KPI_CSV_COLUMNS = [
  'value',
  'n',
  'numerator',
  'denominator',
  'ci_low',
  'ci_high',
  'p50',
  'p90',
  'p95',
  'unit',
  'variant',
  'status',
  'target',
  'settings',
] as const;

export interface KpiCsvSeries {
  /** `current` or `previous` (only written when a comparison was asked for). */
  readonly series: string;
  readonly rows: readonly KpiRow[];
}

/** `k=v; k=v` in the order the KPI lists its settings. */
export function settingsText(s: KpiRow['settings']): string {
  return Object.entries(s)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

export function kpiRowsToCsv(series: readonly KpiCsvSeries[]): string {
  const withSeries = series.length > 1;
  const keyCols: string[] = [];
  for (const { rows } of series)
    for (const r of rows)
      for (const k of Object.keys(r.keys)) if (!keyCols.includes(k)) keyCols.push(k);
  const columns = [
    ...(withSeries ? ['series'] : []),
    'kpi',
    ...keyCols,
    'scale',
    ...KPI_CSV_COLUMNS,
  ];
  const lines: CsvCell[][] = [];
  for (const { series: name, rows } of series) {
    for (const r of rows) {
      lines.push([
        ...(withSeries ? [name] : []),
        r.kpi,
        ...keyCols.map((k) => r.keys[k] ?? null),
        r.scale,
        r.value,
        r.n,
        r.numerator,
        r.denominator,
        r.ci_low,
        r.ci_high,
        r.percentiles?.p50 ?? null,
        r.percentiles?.p90 ?? null,
        r.percentiles?.p95 ?? null,
        r.unit,
        r.variant,
        r.rating.status,
        r.rating.target,
        settingsText(r.settings),
      ]);
    }
  }
  return toCsv(columns, lines);
}

// A KpiReport as one flat table of raw values, for CSV and NDJSON (the CLI's report and the API's
// kpis.csv): the figure, what it was computed from (counts, parts, exclusions, formula, settings),
// its period and filters. Limits: numbers unrounded; nested records become one column per key.

import type { KpiQuery } from './query.ts';
import type { KpiRow, ReportPeriod } from './result.ts';

export type TableCell = string | number | boolean | null;

export interface ReportTable {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, TableCell>>[];
}

/** One report (or its previous period); `period` and `query` add the period and filter columns. */
export interface TableSeries {
  /** `current` or `previous`; a `series` column is written when there is more than one. */
  readonly series?: string;
  readonly rows: readonly KpiRow[];
  readonly period?: ReportPeriod;
  readonly query?: Pick<KpiQuery, 'filters' | 'grain'> & Partial<Pick<KpiQuery, 'by'>>;
}

const FIGURE = ['scale', 'value', 'unit', 'n', 'numerator', 'denominator', 'ci_low', 'ci_high'];
const PERCENTILES = ['p50', 'p90', 'p95'] as const;
const DEFINITION = [
  'rating_status',
  'rating_band',
  'band_source',
  'target',
  'target_met',
  'variant',
  'formula',
  'settings',
  'warnings',
];
const SCOPE = ['period_from', 'period_to', 'timezone', 'grain', 'filters'];
/** Nested records of a row, flattened as `counts.offered`, `parts.talk_s`, … */
const NESTED = ['excluded', 'counts', 'parts'] as const;

/** `k=v; k=v` in the order given. */
export function keyValues(o: Readonly<Record<string, unknown>>, sep = '='): string {
  return Object.entries(o)
    .map(([k, v]) => `${k}${sep}${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join('; ');
}

export function reportTable(series: readonly TableSeries[]): ReportTable {
  const withSeries = series.length > 1;
  const withScope = series.length > 0 && series.every((s) => s.period !== undefined);
  const all = series.flatMap((s) => s.rows);
  // The query's keys first, so a report without rows has the same header as one with rows.
  const asked = series.map((s) => ({
    ...Object.fromEntries((s.query?.by ?? []).map((k) => [k, null])),
    ...(s.query?.grain ? { period: null } : {}),
  }));
  const keyCols = union([...asked, ...all.map((r) => r.keys)]);
  const nested = NESTED.flatMap((name) =>
    union(all.map((r) => r[name] ?? {})).map((k) => `${name}.${k}`),
  );
  const columns = [
    ...(withSeries ? ['series'] : []),
    'kpi',
    ...keyCols,
    ...FIGURE,
    ...PERCENTILES,
    ...nested,
    ...DEFINITION,
    ...(withScope ? SCOPE : []),
  ];
  const rows = series.flatMap((s) =>
    s.rows.map((r) => {
      const out: Record<string, TableCell> = {
        ...(withSeries ? { series: s.series ?? null } : {}),
        kpi: r.kpi,
        scale: r.scale,
        value: r.value,
        unit: r.unit,
        n: r.n,
        numerator: r.numerator,
        denominator: r.denominator,
        ci_low: r.ci_low,
        ci_high: r.ci_high,
        rating_status: r.rating.status,
        rating_band: r.rating.band,
        band_source: r.rating.bandSource,
        target: r.rating.target,
        target_met: r.rating.targetMet,
        variant: r.variant,
        formula: r.formula,
        settings: keyValues(r.settings),
        warnings: r.warnings.join('; '),
      };
      for (const k of keyCols) out[k] = r.keys[k] ?? null;
      for (const p of PERCENTILES) out[p] = r.percentiles?.[p] ?? null;
      for (const name of NESTED) {
        for (const [k, v] of Object.entries(r[name] ?? {})) out[`${name}.${k}`] = v;
      }
      if (withScope && s.period) {
        out['period_from'] = s.period.from;
        out['period_to'] = s.period.to;
        out['timezone'] = s.period.timezone;
        out['grain'] = s.query?.grain ?? null;
        out['filters'] = keyValues(s.query?.filters ?? {});
      }
      return out;
    }),
  );
  return { columns, rows };
}

/** Keys of several records in first-seen order. */
function union(records: readonly Readonly<Record<string, unknown>>[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

// KpiRows as CSV: one line per row, through the same flat table as the CLI's report CSV
// (engine reportTable): group keys, the figure, its counts, parts and exclusions as one column
// each, definition and settings, and — given the report's period and query — period and filters.
// Limits: numbers unrounded, percentages in percent.

import { keyValues, reportTable, type TableSeries } from '../engine/report-table.ts';
import { toCsv } from './csv.ts';

/** A report (spread it: `{ series: 'current', ...report }`) or just its rows. */
export type KpiCsvSeries = TableSeries;

export function kpiRowsToCsv(series: readonly KpiCsvSeries[]): string {
  const { columns, rows } = reportTable(series);
  return toCsv(
    columns,
    rows.map((r) => columns.map((c) => r[c])),
  );
}

/** `k=v; k=v` in the order the KPI lists its settings. */
export const settingsText = (s: Readonly<Record<string, string | number>>): string => keyValues(s);

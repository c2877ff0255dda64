// What the data holds: distinct values per dimension (for filters) and the first and last local
// day across contacts, cases and surveys (the period of a report without bounds).

import type { WorkspaceSettings } from '../metrics/settings.ts';
import { COLUMN_OF } from './query.ts';
import type { ReportPeriod } from './result.ts';
import { DIMENSION_VALUES } from './rollup-plan.ts';
import { ensureRollups } from './rollups.ts';
import type { Row, Runner } from './runner.ts';

const TIME_OF = [
  ['contacts', 'offered_at'],
  ['cases', 'created_at'],
  ['surveys', 'responded_at'],
] as const;

type ColumnDimension = keyof typeof COLUMN_OF;

export type DimensionValues = Readonly<Record<ColumnDimension, readonly string[]>> & {
  readonly period: ReportPeriod;
};

export async function dataPeriod(runner: Runner, s: WorkspaceSettings): Promise<ReportPeriod> {
  const d = runner.dialect;
  // Local time is monotone in the instant, so the local day of min/max is the min/max local day:
  // converting two values instead of every row keeps this lookup cheap on millions of rows.
  const localDay = (v: string) => `CAST(${d.localTime(v, s.timezone)} AS DATE)`;
  const parts = TIME_OF.map(([t, c]) => {
    const col = d.quoteIdent(c);
    return `SELECT ${localDay(`min(${col})`)} AS lo, ${localDay(`max(${col})`)} AS hi FROM ${t}`;
  });
  const [p] = await runner.all(
    `SELECT CAST(min(lo) AS VARCHAR) AS lo, CAST(max(hi) AS VARCHAR) AS hi FROM (${parts.join(' UNION ALL ')}) x`,
  );
  return {
    from: (p?.['lo'] as string | null) ?? null,
    to: (p?.['hi'] as string | null) ?? null,
    timezone: s.timezone,
  };
}

/**
 * `rollups` (default true): read the daily rollups (rollups.ts), a fraction of the rows. They
 * hold the same values: case and survey facts take a missing value from their contacts, whose
 * values the contacts' rollup holds anyway; and the same first and last day.
 */
export async function listDimensions(
  runner: Runner,
  s: WorkspaceSettings,
  { rollups = true }: { rollups?: boolean } = {},
): Promise<DimensionValues> {
  const d = runner.dialect;
  const names = Object.keys(COLUMN_OF) as ColumnDimension[];
  let rows: Row[];
  let period: ReportPeriod;
  if (rollups) {
    // Built with the rollups: a few hundred rows instead of a scan of every rollup.
    const tables = (await ensureRollups(runner, s))
      .filter((t) => TIME_OF.some(([, c]) => c === t.timeField))
      .map((t) => t.table);
    const values = await runner.all(`SELECT col, value FROM ${DIMENSION_VALUES} ORDER BY value`);
    rows = values.map((r) => ({
      i: names.findIndex((n) => COLUMN_OF[n] === r['col']),
      v: r['value'],
    }));
    period = await rollupPeriod(runner, tables, s);
  } else {
    const cols = names.map((n) => d.quoteIdent(COLUMN_OF[n]));
    // One scan per table: a grouping set per dimension, then the values merged across tables.
    const perTable = TIME_OF.map(
      ([t]) => `SELECT ${cols.map((c, i) => `CAST(${c} AS VARCHAR) AS v${i}`).join(', ')}
        FROM ${t} GROUP BY GROUPING SETS (${cols.map((c) => `(${c})`).join(', ')})`,
    );
    const pick = names.map(
      (_, i) => `SELECT ${i} AS i, v${i} AS v FROM u WHERE v${i} IS NOT NULL AND v${i} <> ''`,
    );
    rows = await runner.all(`
      WITH u AS MATERIALIZED (${perTable.join(' UNION ALL ')})
      SELECT DISTINCT i, v FROM (${pick.join(' UNION ALL ')}) x ORDER BY i, v`);
    period = await dataPeriod(runner, s);
  }
  const entries = names.map(
    (name, i) =>
      [name, rows.filter((r) => Number(r['i']) === i).map((r) => String(r['v']))] as const,
  );
  const values = Object.fromEntries(entries) as Record<ColumnDimension, string[]>;
  return { ...values, period };
}

/** The first and last local day in the rollups' `day` columns. */
async function rollupPeriod(
  runner: Runner,
  tables: readonly string[],
  s: WorkspaceSettings,
): Promise<ReportPeriod> {
  const parts = tables.map((t) => `SELECT min(day) AS lo, max(day) AS hi FROM ${t}`);
  const [p] = await runner.all(
    `SELECT CAST(min(lo) AS VARCHAR) AS lo, CAST(max(hi) AS VARCHAR) AS hi FROM (${parts.join(' UNION ALL ')}) x`,
  );
  return {
    from: (p?.['lo'] as string | null) ?? null,
    to: (p?.['hi'] as string | null) ?? null,
    timezone: s.timezone,
  };
}

// Daily rollups: per source and time field, one row per local day and dimension values (channel,
// queue, team, agent, category) holding every count and exact partial sum that the KPIs ask for
// under the workspace's settings. A query whose aggregates are all counts and sums, at a grain of
// a day or longer, reads the rollup (≈ 12× fewer rows on the demo) instead of the records.
// Pure: the plan and its SQL; rollups.ts builds and checks the tables.
// Exactness: counts add up, and sums are kept as exact decimals until the query adds them, so a
// figure from a rollup equals the one from the records to the last digit.
// Limits: no percentiles (they need the records), no sub-day grain, no time-of-day slot.

import { KPIS } from '../metrics/registry.ts';
import type { WorkspaceSettings } from '../metrics/settings.ts';
import type { KpiSource } from '../metrics/types.ts';
import type { Dialect } from './dialect.ts';
import { isSubDay, type KpiQuery } from './query.ts';
import { renderAggregate, renderExpr } from './render-expr.ts';
import { sourceRelation } from './sources.ts';
import type { ZoneOffsets } from './zone-offsets.ts';

/** The dimension columns a rollup keeps (the stored ones of query.ts's COLUMN_OF). */
export const ROLLUP_KEYS = ['channel', 'queue', 'team', 'agent_id', 'category'] as const;

export interface RollupColumn {
  readonly column: string;
  readonly fn: 'count' | 'sum';
  /** What the rollup stores per row: a count or an exact partial sum. */
  readonly partial: string;
}

export interface RollupTable {
  readonly source: KpiSource;
  readonly timeField: string;
  readonly table: string;
  /** The relation the rows come from; a query on another relation (other settings) cannot use it. */
  readonly relation: string;
  readonly timezone: string;
  /** Keyed by the aggregate's SQL as the compiler renders it for a query on the records. */
  readonly columns: ReadonlyMap<string, RollupColumn>;
}

/** Every rollup of a workspace under settings `s`, one per (source, time field) the KPIs use. */
export function rollupPlan(s: WorkspaceSettings, d: Dialect): RollupTable[] {
  const tables = new Map<
    string,
    { source: KpiSource; timeField: string; cols: Map<string, RollupColumn> }
  >();
  for (const k of Object.values(KPIS)) {
    const key = `${k.source}|${k.timeField}`;
    const t = tables.get(key) ?? { source: k.source, timeField: k.timeField, cols: new Map() };
    tables.set(key, t);
    for (const agg of Object.values(k.aggregates(s))) {
      if (agg.fn === 'quantile') continue;
      const sql = renderAggregate(agg, d);
      if (t.cols.has(sql)) continue;
      const where = agg.where ? renderExpr(agg.where, d) : null;
      const partial =
        agg.fn === 'count' ? d.countIf(where) : d.partialSumIf(renderExpr(agg.of, d), where);
      t.cols.set(sql, { column: `a${t.cols.size}`, fn: agg.fn, partial });
    }
  }
  return [...tables.values()].map((t) => ({
    source: t.source,
    timeField: t.timeField,
    table: `rollup_${t.source}_${t.timeField}`,
    relation: sourceRelation(t.source, d, s),
    timezone: s.timezone,
    columns: t.cols,
  }));
}

/**
 * The body of a rollup table; `zone` covers the time field's whole range (or per-row conversion).
 * Rows without a time keep a NULL day, as a query on the records keeps them in a NULL bucket.
 */
export function rollupTableSql(t: RollupTable, d: Dialect, zone?: ZoneOffsets | null): string {
  const local = d.localTime(d.quoteIdent(t.timeField), t.timezone, zone);
  const keys = ROLLUP_KEYS.map((c) => d.quoteIdent(c));
  const parts = [...t.columns.values()].map((c) => `${c.partial} AS ${c.column}`);
  return `SELECT CAST(${local} AS DATE) AS day, ${[...keys, ...parts].join(', ')}
    FROM (${t.relation}) src
    GROUP BY ${[1, ...keys.map((_, i) => i + 2)].join(', ')}
    ORDER BY day`;
}

/** The table of distinct dimension values over all rollups (GET /dimensions reads it). */
export const DIMENSION_VALUES = 'rollup_dimension_values';

/**
 * Its body: `col` (a dimension column's name) and `value` (one of its values as text, never
 * empty), distinct over `tables` (rollups hold every value their records hold).
 */
export function dimensionValuesSql(
  tables: readonly string[],
  columns: readonly string[],
  d: Dialect,
): string {
  const picks = tables.flatMap((t) =>
    columns.map(
      (c) =>
        `SELECT DISTINCT ${d.literal(c)} AS col, CAST(${d.quoteIdent(c)} AS VARCHAR) AS value FROM ${t}`,
    ),
  );
  return `SELECT DISTINCT col, value FROM (${picks.join(' UNION ALL ')}) x
    WHERE value IS NOT NULL AND value <> '' ORDER BY col, value`;
}

/** Whether a query's shape allows a rollup: a grain of a day or more, no time-of-day slot. */
export function rollupFits(q: KpiQuery): boolean {
  if (isSubDay(q.grain)) return false;
  return [...q.by, ...Object.keys(q.filters)].every((dim) => dim !== 'slot');
}

/**
 * The merge expressions for a group's aggregates (SQL as rendered for the records → merge SQL),
 * or null when the rollup lacks one of them or was built from another relation or time zone.
 */
export function rollupAggregates(
  t: RollupTable,
  aggregates: readonly string[],
  relation: string,
  timezone: string,
  d: Dialect,
): Map<string, string> | null {
  if (t.relation !== relation || t.timezone !== timezone) return null;
  const out = new Map<string, string>();
  for (const sql of aggregates) {
    const c = t.columns.get(sql);
    if (!c) return null;
    out.set(sql, c.fn === 'count' ? d.mergeCount(c.column) : d.mergeSum(c.column));
  }
  return out;
}

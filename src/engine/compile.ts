// Compiles a KpiQuery into ONE SQL statement: a group per (source, time field) that groups the
// source by the requested keys and computes every aggregate its KPIs need. Pure: no I/O.
// Groups are stacked by name (column `_g` says which), so a query is one round trip and the
// engine plans all groups together.

import { KPIS } from '../metrics/registry.ts';
import type { WorkspaceSettings } from '../metrics/settings.ts';
import type { KpiId, KpiSource } from '../metrics/types.ts';
import type { Dialect } from './dialect.ts';
import { isSubDay, type Dimension, type KpiQuery } from './query.ts';
import { instantPeriod, scope } from './scope.ts';
import { quantileSets, renderAggregate } from './render-expr.ts';
import { rollupAggregates, rollupFits, type RollupTable } from './rollup-plan.ts';
import { dailyCosts, sourceRelation } from './sources.ts';
import type { Row } from './runner.ts';
import type { ZoneOffsets } from './zone-offsets.ts';

export interface CompiledGroup {
  /** The value of column `_g` in this group's result rows. */
  readonly index: number;
  readonly source: KpiSource | 'costs';
  readonly timeField: string;
  readonly kpis: readonly KpiId[];
  /** For each KPI, its aggregate names → result column. */
  readonly columns: Readonly<Partial<Record<KpiId, Readonly<Record<string, string>>>>>;
  /** Each column's value over no rows (counts and sums 0, percentiles none). */
  readonly empty: Readonly<Record<string, 0 | null>>;
  /** The daily rollup table this group reads instead of the records, if any. */
  readonly rollup?: string;
  /**
   * 2 when the counts and sums come from the rollup and the percentiles from the records: each
   * key then has one row from each part, to be merged (mergeParts).
   */
  readonly parts?: number;
}

/** Joins the rows of a group read in two parts: one row per group and key, columns filled in. */
export function mergeParts(rows: readonly Row[], compiled: CompiledQuery): Row[] {
  const split = new Set(compiled.groups.filter((g) => (g.parts ?? 1) > 1).map((g) => g.index));
  if (split.size === 0) return [...rows];
  const out: Row[] = [];
  const seen = new Map<string, Row>();
  for (const r of rows) {
    if (!split.has(Number(r['_g']))) {
      out.push(r);
      continue;
    }
    // `_g`, `_s` and the key columns (k0…, kp); aggregate columns are named g…_a….
    const key = JSON.stringify(
      Object.keys(r)
        .filter((c) => c === '_s' || c === '_g' || c.startsWith('k'))
        .map((c) => r[c] ?? null),
    );
    const had = seen.get(key);
    if (!had) {
      const copy = { ...r };
      seen.set(key, copy);
      out.push(copy);
      continue;
    }
    for (const [c, v] of Object.entries(r)) if (v !== null && v !== undefined) had[c] = v;
  }
  return out;
}

export interface CompiledQuery {
  readonly sql: string;
  /** Output key columns, in order: the `by` dimensions (`k0`…), then `period` (`kp`) with a grain. */
  readonly keys: readonly string[];
  readonly groups: readonly CompiledGroup[];
}

/** Dimensions a cost row can be attributed to. */
export const COST_DIMENSIONS: readonly Dimension[] = ['channel', 'team'];

interface GroupPlan {
  readonly source: KpiSource;
  readonly timeField: string;
  readonly kpis: KpiId[];
}

/**
 * `zone`: the time zone's offsets over the query's period (zone-offsets.ts), so local time is
 * arithmetic rather than a conversion per row; without it the dialect converts each row.
 * `rollups`: the daily rollups that are current (rollups.ts); a group they cover reads one.
 */
export function compileQuery(
  q: KpiQuery,
  s: WorkspaceSettings,
  d: Dialect,
  zone?: ZoneOffsets | null,
  rollups: readonly RollupTable[] = [],
): CompiledQuery {
  const plans = new Map<string, GroupPlan>();
  for (const id of q.kpis) {
    const k = KPIS[id];
    const key = `${k.source}|${k.timeField}`;
    const g = plans.get(key) ?? { source: k.source, timeField: k.timeField, kpis: [] };
    g.kpis.push(id);
    plans.set(key, g);
  }
  const groups: CompiledGroup[] = [];
  const selects: string[] = [];
  for (const p of plans.values()) {
    const index = groups.length;
    const rollup = rollupFits(q)
      ? rollups.find((t) => t.source === p.source && t.timeField === p.timeField)
      : undefined;
    const g = compileGroup(index, p, sourceRelation(p.source, d, s), q, s, d, zone, rollup);
    groups.push(g.group);
    selects.push(...g.sqls);
  }
  if (q.kpis.includes('cost_per_resolution') && costsAttributable(q)) {
    const g = compileCosts(groups.length, q, d);
    groups.push(g.group);
    selects.push(g.sql);
  }
  const keys = keyNames(q);
  // Sub-day buckets sort by their UTC start: on the DST-end night 02:00+02:00 comes first.
  const time = q.grain ? [isSubDay(q.grain) ? 'ks' : 'kp'] : [];
  const order = ['_g', ...(q.previous ? ['_s'] : []), ...q.by.map((_, i) => `k${i}`), ...time].join(
    ', ',
  );
  const sql = `SELECT * FROM (${d.unionAllByName(selects)}) u ORDER BY ${order}`;
  return { sql, keys, groups };
}

/** Costs carry only channel and team, and at least a day: other breakdowns cannot get a cost. */
export function costsAttributable(q: KpiQuery): boolean {
  const dims = [...q.by, ...(Object.keys(q.filters) as Dimension[])];
  return !isSubDay(q.grain) && dims.every((dim) => COST_DIMENSIONS.includes(dim));
}

function compileGroup(
  index: number,
  p: GroupPlan,
  rel: string,
  q: KpiQuery,
  s: WorkspaceSettings,
  d: Dialect,
  zone?: ZoneOffsets | null,
  rollup?: RollupTable,
): { group: CompiledGroup; sqls: string[] } {
  const aliases = new Map<string, string>();
  const columns: Partial<Record<KpiId, Record<string, string>>> = {};
  const empty: Record<string, 0 | null> = {};
  const aggregatesOf = (id: KpiId) =>
    Object.entries(KPIS[id].aggregates(s)).filter(([, a]) => q.percentiles || a.fn !== 'quantile');
  const quantiles = quantileSets(
    p.kpis.flatMap((id) => aggregatesOf(id).map(([, a]) => a)),
    d,
  );
  for (const id of p.kpis) {
    const cols: Record<string, string> = {};
    for (const [name, agg] of aggregatesOf(id)) {
      const sql = renderAggregate(agg, d, quantiles);
      const alias = aliases.get(sql) ?? `g${index}_a${aliases.size}`;
      aliases.set(sql, alias);
      empty[alias] = agg.fn === 'quantile' ? null : 0;
      cols[name] = alias;
    }
    columns[id] = cols;
  }
  const group = { index, source: p.source, timeField: p.timeField, kpis: p.kpis, columns, empty };
  const ts = d.quoteIdent(p.timeField);
  const comparing = Boolean(q.previous && q.from);
  /** `both`: the current and the previous period (column `_s`); else the current one only. */
  const fromRecords = (aggs: readonly (readonly [string, string])[], both = comparing) =>
    groupedSelect({
      index,
      rel,
      local: d.localTime(ts, s.timezone, zone),
      offset: d.utcOffsetSeconds(ts, s.timezone, zone),
      aggs: aggs.map(([sql, alias]) => `${sql} AS ${alias}`),
      q,
      d,
      period: instantPeriod(ts, both && q.previous ? { ...q, from: q.previous.from } : q, s, d),
      series: !comparing
        ? undefined
        : both && q.from
          ? `CASE WHEN ${ts} < ${d.localMidnight(q.from, s.timezone)} THEN 1 ELSE 0 END`
          : '0',
    });
  // Counts and sums can come from a rollup; percentiles only from the records. A group with
  // both reads each part where it can and the runner joins their rows (mergeParts). The
  // previous period is compared by value only: its percentiles are not computed, which halves
  // the costliest part of a comparison (the records' sort).
  const additive = [...aliases].filter(([, alias]) => empty[alias] === 0);
  const ranked = [...aliases].filter(([, alias]) => empty[alias] === null);
  const merged =
    rollup &&
    additive.length > 0 &&
    rollupAggregates(
      rollup,
      additive.map(([sql]) => sql),
      rel,
      s.timezone,
      d,
    );
  if (!rollup || !merged) {
    if (!comparing || ranked.length === 0 || additive.length === 0)
      return { group, sqls: [fromRecords([...aliases])] };
    const sqls = [fromRecords(additive), fromRecords(ranked, false)];
    return { group: { ...group, parts: 2 }, sqls };
  }
  const sqls = [
    groupedSelect({
      index,
      rel: `SELECT * FROM ${rollup.table}`,
      local: 'CAST(day AS TIMESTAMP)',
      aggs: additive.map(([raw, alias]) => `${merged.get(raw)} AS ${alias}`),
      q,
      d,
      period: dayPeriod(q, d),
      series: daySeries(q, d),
    }),
  ];
  if (ranked.length > 0) sqls.push(fromRecords(ranked, false));
  return { group: { ...group, rollup: rollup.table, parts: sqls.length }, sqls };
}

/** Period bounds on a local `day` column (rollups, daily costs), the previous period included. */
function dayPeriod(q: KpiQuery, d: Dialect): string[] {
  const first = q.previous?.from ?? q.from;
  return [
    first && `day >= DATE ${d.literal(first)}`,
    q.to && `day <= DATE ${d.literal(q.to)}`,
  ].filter((x): x is string => Boolean(x));
}

/** With a previous period: `_s` of a local `day` column. */
function daySeries(q: KpiQuery, d: Dialect): string | undefined {
  return q.previous && q.from
    ? `CASE WHEN day < DATE ${d.literal(q.from)} THEN 1 ELSE 0 END`
    : undefined;
}

function compileCosts(index: number, q: KpiQuery, d: Dialect) {
  const cost = `g${index}_cost`;
  // The row count tells "no cost data" (no value) from a cost of 0 (sumSmall gives 0 for both).
  const rows = `g${index}_cost_rows`;
  const sql = groupedSelect({
    index,
    rel: dailyCosts(d),
    local: 'CAST(day AS TIMESTAMP)',
    aggs: [`${d.sumSmall('amount')} AS ${cost}`, `${d.countIf(null)} AS ${rows}`],
    q,
    d,
    period: dayPeriod(q, d),
    series: daySeries(q, d),
  });
  const group: CompiledGroup = {
    index,
    source: 'costs',
    timeField: 'day',
    kpis: ['cost_per_resolution'],
    columns: { cost_per_resolution: { cost, cost_rows: rows } },
    empty: { [cost]: 0, [rows]: 0 },
  };
  return { group, sql };
}

export function keyNames(q: KpiQuery): string[] {
  return [...q.by, ...(q.grain ? ['period'] : [])];
}

interface SelectParts {
  index: number;
  rel: string;
  local: string;
  /** UTC offset in seconds of a row's instant; needed for sub-day grains. */
  offset?: string;
  aggs: string[];
  q: KpiQuery;
  d: Dialect;
  period: string[];
  /** With a previous period: 1 for its rows, 0 for the current period's (column `_s`). */
  series?: string | undefined;
}

/**
 * One group's rows: `_g`, the keys (`k0`…, `kp` as text) and its aggregate columns; below a day
 * also `ks`, the bucket's UTC start in epoch seconds, for ordering.
 */
function groupedSelect(parts: SelectParts): string {
  const { index, rel, local, offset, aggs, q, d, period, series } = parts;
  const sc = scope(rel, local, period, q, d);
  const keys = q.by.map((dim, i) => `${sc.keyExpr(dim)} AS k${i}`);
  if (series) keys.unshift(`${series} AS _s`);
  const withOffset = isSubDay(q.grain) && offset !== undefined;
  if (q.grain) keys.push(`${d.bucket('t_local', q.grain)} AS kb`);
  if (withOffset) keys.push(`${offset} AS ko`);
  const inner = `
    SELECT ${[...keys, ...aggs].join(', ')}
    FROM ${sc.from}
    ${sc.where.length ? `WHERE ${sc.where.join(' AND ')}` : ''}
    ${keys.length ? `GROUP BY ${keys.map((_, i) => i + 1).join(', ')}` : ''}`;
  const outerKeys = [...(series ? ['_s'] : []), ...q.by.map((_, i) => `k${i}`)];
  if (q.grain && withOffset) {
    outerKeys.push(`${d.concat(d.formatBucket('kb', q.grain), d.formatUtcOffset('ko'))} AS kp`);
    outerKeys.push(`(${d.localDayNumber('kb')} * 86400 + ${d.secondsOfDay('kb')} - ko) AS ks`);
  } else if (q.grain) outerKeys.push(`${d.formatBucket('kb', q.grain)} AS kp`);
  const aggAliases = aggs.map((a) => a.slice(a.lastIndexOf(' AS ') + 4));
  return `SELECT ${[`${index} AS _g`, ...outerKeys, ...aggAliases].join(', ')} FROM (${inner}) g`;
}

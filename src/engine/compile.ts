// Compiles a KpiQuery into SQL statements, one per (source, time field): each groups the
// source by the requested keys and computes every aggregate its KPIs need. Pure: no I/O.

import { KPIS } from '../metrics/registry.ts';
import type { WorkspaceSettings } from '../metrics/settings.ts';
import type { KpiId, KpiSource } from '../metrics/types.ts';
import type { Dialect } from './dialect.ts';
import type { Dimension, KpiQuery } from './query.ts';
import { instantPeriod, scope } from './scope.ts';
import { renderAggregate } from './render-expr.ts';
import { dailyCosts, sourceRelation } from './sources.ts';

export interface CompiledStatement {
  readonly source: KpiSource | 'costs';
  readonly timeField: string;
  readonly kpis: readonly KpiId[];
  readonly sql: string;
  /** Output key columns, in order: the `by` dimensions, then `period` when a grain is set. */
  readonly keys: readonly string[];
  /** For each KPI, its aggregate names → result column. */
  readonly columns: Readonly<Partial<Record<KpiId, Readonly<Record<string, string>>>>>;
}

/** Dimensions a cost row can be attributed to. */
export const COST_DIMENSIONS: readonly Dimension[] = ['channel', 'team'];

export function compileQuery(q: KpiQuery, s: WorkspaceSettings, d: Dialect): CompiledStatement[] {
  const groups = new Map<string, { source: KpiSource; timeField: string; kpis: KpiId[] }>();
  for (const id of q.kpis) {
    const k = KPIS[id];
    const key = `${k.source}|${k.timeField}`;
    const g = groups.get(key) ?? { source: k.source, timeField: k.timeField, kpis: [] };
    g.kpis.push(id);
    groups.set(key, g);
  }
  const out = [...groups.values()].map((g) => compileGroup(g.source, g.timeField, g.kpis, q, s, d));
  if (q.kpis.includes('cost_per_resolution') && costsAttributable(q)) out.push(compileCosts(q, d));
  return out;
}

/** Costs carry only channel and team, and at least a day: other breakdowns cannot get a cost. */
export function costsAttributable(q: KpiQuery): boolean {
  const dims = [...q.by, ...(Object.keys(q.filters) as Dimension[])];
  const subDay = q.grain === '15m' || q.grain === '30m' || q.grain === 'hour';
  return !subDay && dims.every((dim) => COST_DIMENSIONS.includes(dim));
}

function compileGroup(
  source: KpiSource,
  timeField: string,
  kpis: KpiId[],
  q: KpiQuery,
  s: WorkspaceSettings,
  d: Dialect,
): CompiledStatement {
  const aliases = new Map<string, string>();
  const columns: Partial<Record<KpiId, Record<string, string>>> = {};
  for (const id of kpis) {
    const cols: Record<string, string> = {};
    for (const [name, agg] of Object.entries(KPIS[id].aggregates(s))) {
      const sql = renderAggregate(agg, d);
      const alias = aliases.get(sql) ?? `a${aliases.size}`;
      aliases.set(sql, alias);
      cols[name] = alias;
    }
    columns[id] = cols;
  }
  const aggs = [...aliases].map(([sql, alias]) => `${sql} AS ${alias}`);
  const ts = d.quoteIdent(timeField);
  const rel = sourceRelation(source, d, s);
  const sql = groupedSelect({
    rel,
    local: d.localTime(ts, s.timezone),
    aggs,
    q,
    d,
    period: instantPeriod(ts, q, s, d),
  });
  return { source, timeField, kpis, sql, keys: keyNames(q), columns };
}

function compileCosts(q: KpiQuery, d: Dialect): CompiledStatement {
  const period = [
    q.from && `day >= DATE ${d.literal(q.from)}`,
    q.to && `day <= DATE ${d.literal(q.to)}`,
  ].filter((x): x is string => Boolean(x));
  const sql = groupedSelect({
    rel: dailyCosts(d),
    local: 'CAST(day AS TIMESTAMP)',
    aggs: [`${d.sumIf('amount', null)} AS cost`],
    q,
    d,
    period,
  });
  return {
    source: 'costs',
    timeField: 'day',
    kpis: ['cost_per_resolution'],
    sql,
    keys: keyNames(q),
    columns: { cost_per_resolution: { cost: 'cost' } },
  };
}

export function keyNames(q: KpiQuery): string[] {
  return [...q.by, ...(q.grain ? ['period'] : [])];
}

interface SelectParts {
  rel: string;
  local: string;
  aggs: string[];
  q: KpiQuery;
  d: Dialect;
  period: string[];
}

function groupedSelect({ rel, local, aggs, q, d, period }: SelectParts): string {
  const sc = scope(rel, local, period, q, d);
  const keys = q.by.map((dim, i) => `${sc.keyExpr(dim)} AS k${i}`);
  if (q.grain) keys.push(`${d.bucket('t_local', q.grain)} AS kp`);
  const inner = `
    SELECT ${[...keys, ...aggs].join(', ')}
    FROM ${sc.from}
    ${sc.where.length ? `WHERE ${sc.where.join(' AND ')}` : ''}
    ${keys.length ? `GROUP BY ${keys.map((_, i) => i + 1).join(', ')}` : ''}`;
  if (!keys.length) return inner;
  const outerKeys = q.by.map((_, i) => `k${i}`);
  if (q.grain) outerKeys.push(`${d.formatBucket('kp', q.grain)} AS kp`);
  const aggAliases = aggs.map((a) => a.slice(a.lastIndexOf(' AS ') + 4));
  return `SELECT ${[...outerKeys, ...aggAliases].join(', ')} FROM (${inner}) g ORDER BY ${keys.map((_, i) => i + 1).join(', ')}`;
}

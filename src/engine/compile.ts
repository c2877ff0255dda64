// Compiles a KpiQuery into SQL statements, one per (source, time field): each groups the
// source by the requested keys and computes every aggregate its KPIs need. Pure: no I/O.

import { KPIS } from '../metrics/registry.ts';
import type { WorkspaceSettings } from '../metrics/settings.ts';
import type { KpiId, KpiSource } from '../metrics/types.ts';
import type { Dialect } from './dialect.ts';
import { COLUMN_OF, type Dimension, type KpiQuery } from './query.ts';
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
  if (q.kpis.includes('cost_per_resolution') && costsAttributable(q))
    out.push(compileCosts(q, s, d));
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
    ts,
    local: d.localTime(ts, s.timezone),
    aggs,
    q,
    s,
    d,
    period: instantPeriod(ts, q, s, d),
  });
  return { source, timeField, kpis, sql, keys: keyNames(q), columns };
}

function compileCosts(q: KpiQuery, s: WorkspaceSettings, d: Dialect): CompiledStatement {
  const period = [
    q.from && `day >= DATE ${d.literal(q.from)}`,
    q.to && `day <= DATE ${d.literal(q.to)}`,
  ].filter((x): x is string => Boolean(x));
  const sql = groupedSelect({
    rel: dailyCosts(d),
    ts: 'day',
    local: 'CAST(day AS TIMESTAMP)',
    aggs: [`${d.sumIf('amount', null)} AS cost`],
    q,
    s,
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
  ts: string;
  local: string;
  aggs: string[];
  q: KpiQuery;
  s: WorkspaceSettings;
  d: Dialect;
  period: string[];
}

function groupedSelect({ rel, local, aggs, q, d, period }: SelectParts): string {
  const keyExpr = (dim: Dimension): string =>
    dim === 'weekday'
      ? d.weekday('t_local')
      : dim === 'slot'
        ? d.slot('t_local', q.slotMinutes)
        : d.quoteIdent(COLUMN_OF[dim]);
  const needsLocal =
    q.grain !== undefined ||
    [...q.by, ...Object.keys(q.filters)].some((k) => k === 'weekday' || k === 'slot');
  const keys = q.by.map((dim, i) => `${keyExpr(dim)} AS k${i}`);
  if (q.grain) keys.push(`${d.bucket('t_local', q.grain)} AS kp`);
  const where = [...period, ...filterConditions(q, keyExpr, d)];
  const inner = `
    SELECT ${[...keys, ...aggs].join(', ')}
    FROM (SELECT *${needsLocal ? `, ${local} AS t_local` : ''} FROM (${rel}) src) r
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ${keys.length ? `GROUP BY ${keys.map((_, i) => i + 1).join(', ')}` : ''}`;
  if (!keys.length) return inner;
  const outerKeys = q.by.map((_, i) => `k${i}`);
  if (q.grain) outerKeys.push(`${d.formatBucket('kp', q.grain)} AS kp`);
  const aggAliases = aggs.map((a) => a.slice(a.lastIndexOf(' AS ') + 4));
  return `SELECT ${[...outerKeys, ...aggAliases].join(', ')} FROM (${inner}) g ORDER BY ${keys.map((_, i) => i + 1).join(', ')}`;
}

function filterConditions(q: KpiQuery, keyExpr: (dim: Dimension) => string, d: Dialect): string[] {
  return Object.entries(q.filters).map(([dim, values]) => {
    const vals = (values ?? []).map((v) =>
      dim === 'weekday' ? Number(v) : dim === 'slot' ? slotMinute(v) : v,
    );
    return `${keyExpr(dim as Dimension)} IN (${vals.map((v) => d.literal(v)).join(', ')})`;
  });
}

function instantPeriod(ts: string, q: KpiQuery, s: WorkspaceSettings, d: Dialect): string[] {
  const out: string[] = [];
  if (q.from) out.push(`${ts} >= ${d.localMidnight(q.from, s.timezone)}`);
  if (q.to) out.push(`${ts} < ${d.localMidnight(nextDay(q.to), s.timezone)}`);
  return out;
}

export function nextDay(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function slotMinute(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return -1;
  return Number(m[1]) * 60 + Number(m[2]);
}

export function slotLabel(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

// The rows a query looks at: a source relation with its local time, the period and filters.
// Shared by the KPI compiler and the drill-down, so a figure's n and its rows always agree.

import type { WorkspaceSettings } from '../metrics/settings.ts';
import type { Dialect } from './dialect.ts';
import { COLUMN_OF, type Dimension, type KpiQuery } from './query.ts';

export interface Scope {
  /** `FROM …` body: the relation with a `t_local` column when local time is needed. */
  readonly from: string;
  readonly where: readonly string[];
  keyExpr(dim: Dimension): string;
}

export function scope(
  rel: string,
  local: string,
  period: readonly string[],
  q: KpiQuery,
  d: Dialect,
  forceLocal = false,
): Scope {
  const keyExpr = (dim: Dimension): string =>
    dim === 'weekday'
      ? d.weekday('t_local')
      : dim === 'slot'
        ? d.slot('t_local', q.slotMinutes)
        : d.quoteIdent(COLUMN_OF[dim]);
  const usesLocal =
    forceLocal ||
    q.grain !== undefined ||
    [...q.by, ...Object.keys(q.filters)].some((k) => k === 'weekday' || k === 'slot');
  const filters = Object.entries(q.filters).map(([dim, values]) => {
    const vals = (values ?? []).map((v) =>
      dim === 'weekday' ? Number(v) : dim === 'slot' ? slotMinute(v) : v,
    );
    return `${keyExpr(dim as Dimension)} IN (${vals.map((v) => d.literal(v)).join(', ')})`;
  });
  return {
    from: `(SELECT *${usesLocal ? `, ${local} AS t_local` : ''} FROM (${rel}) src) r`,
    where: [...period, ...filters],
    keyExpr,
  };
}

/** Period bounds on a UTC instant column: local midnight of `from` to local midnight after `to`. */
export function instantPeriod(ts: string, q: KpiQuery, s: WorkspaceSettings, d: Dialect): string[] {
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

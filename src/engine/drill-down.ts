// The rows behind a figure: the same source, period, filters and group as the KPI, restricted
// to the KPI's population, so the row count equals the figure's n. Paged.

import { KPIS } from '../metrics/registry.ts';
import type { WorkspaceSettings } from '../metrics/settings.ts';
import { withOverride } from '../metrics/settings-override.ts';
import type { KpiId, KpiSource } from '../metrics/types.ts';
import { isSubDay, kpiQuery, type Dimension, type KpiQueryInput } from './query.ts';
import { renderExpr } from './render-expr.ts';
import type { KeyValue } from './result.ts';
import { ensureDerived } from './derived.ts';
import type { Row, Runner } from './runner.ts';
import { instantPeriod, scope, slotMinute } from './scope.ts';
import { sourceRelation } from './sources.ts';

export interface DrillDownInput {
  readonly query: KpiQueryInput;
  /** Restrict to the records counted in this KPI's n; without it, all rows of `source`. */
  readonly kpi?: KpiId;
  readonly source?: KpiSource;
  /** One group of a report: dimension values and `period` (a bucket label of query.grain). */
  readonly group?: Readonly<Record<string, KeyValue>>;
  /** Survey figures given per scale (CES): only responses on this scale, as the row's `scale`. */
  readonly scale?: { readonly min: number; readonly max: number };
  readonly page?: number;
  readonly pageSize?: number;
}

export interface DrillDownResult {
  readonly source: KpiSource;
  readonly rows: readonly Row[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** The record key, so pages are stable when timestamps tie. */
const KEY: Readonly<Record<KpiSource, string>> = {
  contacts: 'contact_id',
  cases: 'case_key',
  surveys: 'response_id',
};

const TIME_FIELD: Readonly<Record<KpiSource, string>> = {
  contacts: 'offered_at',
  cases: 'created_at',
  surveys: 'responded_at',
};

export async function drillDown(
  runner: Runner,
  input: DrillDownInput,
  workspaceSettings: WorkspaceSettings,
): Promise<DrillDownResult> {
  const q = kpiQuery(input.query);
  // The same settings as the figure: the query's own over the workspace's.
  const s = withOverride(workspaceSettings, q.settings);
  await ensureDerived(runner);
  const d = runner.dialect;
  const def = input.kpi ? KPIS[input.kpi] : undefined;
  const source = def?.source ?? input.source ?? 'contacts';
  const ts = d.quoteIdent(def?.timeField ?? TIME_FIELD[source]);
  const rel = sourceRelation(source, d, s);
  const sc = scope(rel, d.localTime(ts, s.timezone), instantPeriod(ts, q, s, d), q, d, true);
  const where = [...sc.where];
  if (def) where.push(renderExpr(def.population(s), d));
  if (input.scale && source === 'surveys') {
    const { min, max } = input.scale;
    where.push(
      `${d.quoteIdent('scale_min')} = ${d.literal(min)} AND ${d.quoteIdent('scale_max')} = ${d.literal(max)}`,
    );
  }
  for (const [key, value] of Object.entries(input.group ?? {})) {
    if (key === 'period') {
      if (!q.grain) continue;
      const label = String(value);
      const bucket = d.formatBucket(d.bucket('t_local', q.grain), q.grain);
      // A sub-day label names its UTC offset ('… 02:00+01:00'); without one it means both
      // occurrences of a repeated local hour.
      const withOffset = isSubDay(q.grain) && /[+-]\d{2}:\d{2}$/.test(label);
      const expr = withOffset
        ? d.concat(bucket, d.formatUtcOffset(d.utcOffsetSeconds(ts, s.timezone)))
        : bucket;
      where.push(`${expr} = ${d.literal(label)}`);
      continue;
    }
    const expr = sc.keyExpr(key as Dimension);
    if (value === null) where.push(`${expr} IS NULL`);
    else
      where.push(
        `${expr} = ${d.literal(key === 'slot' ? slotMinute(String(value)) : key === 'weekday' ? Number(value) : value)}`,
      );
  }
  const body = `FROM ${sc.from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(10_000, Math.max(1, input.pageSize ?? 100));
  const [rows, count] = await Promise.all([
    runner.all(
      `SELECT * EXCLUDE (t_local) ${body} ORDER BY ${ts}, ${d.quoteIdent(KEY[source])} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    ),
    runner.all(`SELECT count(*) AS n ${body}`),
  ]);
  return { source, rows, total: Number(count[0]?.['n'] ?? 0), page, pageSize };
}

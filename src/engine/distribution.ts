// The distribution behind a duration KPI: how many records fall in each bin, counted in SQL over
// every row of the period and filters, with p50/p90/p95 of the same population. The measure and
// the population are the KPI's own percentile aggregate (wait: ASA's, handle: AHT's), so the
// bars and the p50/p90 marks always describe the same rows and the bins add up to the KPI's n.
// Limits: fixed bin ladders chosen by measure and channel (seconds for voice and chat, minutes
// and hours for e-mail); the last bin is open-ended.

import { KPIS } from '../metrics/registry.ts';
import type { WorkspaceSettings } from '../metrics/settings.ts';
import type { KpiId, Percentiles } from '../metrics/types.ts';
import { ensureDerived } from './derived.ts';
import { dataPeriod } from './dimensions.ts';
import { kpiQuery, type KpiQueryInput } from './query.ts';
import { renderExpr } from './render-expr.ts';
import type { ReportPeriod } from './result.ts';
import type { Runner } from './runner.ts';
import { instantPeriod, scope } from './scope.ts';
import { sourceRelation } from './sources.ts';

export const MEASURES = ['wait', 'handle'] as const;
export type Measure = (typeof MEASURES)[number];

/** The KPI whose population and percentile expression a measure bins. */
export const MEASURE_KPI: Readonly<Record<Measure, KpiId>> = { wait: 'asa', handle: 'aht' };

export type Ladder = 'live' | 'backlog' | 'mixed';

const minutes = (...m: number[]) => m.map((x) => x * 60);
const hours = (...h: number[]) => h.map((x) => x * 3600);
const LIVE_WAIT = [0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1800];
const LIVE_HANDLE = minutes(0, 1, 2, 3, 4, 5, 7, 10, 15, 20, 30);
/** Bin edges in seconds: live queues wait seconds, a mailbox waits hours. */
const EDGES: Readonly<Record<Measure, Readonly<Record<Ladder, readonly number[]>>>> = {
  wait: {
    live: LIVE_WAIT,
    backlog: [0, ...minutes(5, 15, 30), ...hours(1, 2, 4, 8, 16, 24, 48, 72)],
    mixed: [...LIVE_WAIT, ...hours(1, 4, 8, 24)],
  },
  handle: {
    live: LIVE_HANDLE,
    backlog: minutes(0, 1, 2, 5, 10, 15, 20, 30, 60),
    mixed: [...LIVE_HANDLE, ...hours(1)],
  },
};

const LIVE_CHANNELS = ['voice', 'chat'];
const BACKLOG_CHANNELS = ['email'];
/** The percentiles reported next to the bins, computed in one pass. */
const PS = [0.5, 0.9, 0.95] as const;

/** Live queues only → seconds; e-mail only → minutes and hours; anything else both. */
export function ladderFor(channels: readonly string[] | undefined): Ladder {
  if (!channels || channels.length === 0) return 'mixed';
  if (channels.every((c) => LIVE_CHANNELS.includes(c))) return 'live';
  if (channels.every((c) => BACKLOG_CHANNELS.includes(c))) return 'backlog';
  return 'mixed';
}

export function binEdges(measure: Measure, ladder: Ladder): readonly number[] {
  return EDGES[measure][ladder];
}

export interface DistributionBin {
  /** Seconds, inclusive. */
  readonly from: number;
  /** Seconds, exclusive; null for the open last bin. */
  readonly to: number | null;
  readonly count: number;
}

export interface Distribution {
  readonly measure: Measure;
  readonly kpi: KpiId;
  readonly unit: 'seconds';
  readonly ladder: Ladder;
  readonly period: ReportPeriod;
  readonly filters: Readonly<Record<string, readonly string[]>>;
  /** Records binned: the KPI's n for the same period and filters. */
  readonly n: number;
  readonly percentiles: Percentiles;
  readonly bins: readonly DistributionBin[];
}

export interface DistributionInput {
  readonly measure: Measure;
  /** Period and filters; `kpis`, `by` and `grain` are not used. */
  readonly query: KpiQueryInput;
}

export async function distribution(
  runner: Runner,
  { measure, query }: DistributionInput,
  s: WorkspaceSettings,
): Promise<Distribution> {
  const d = runner.dialect;
  const q = kpiQuery(query);
  const kpi = MEASURE_KPI[measure];
  const def = KPIS[kpi];
  if (def.source !== 'contacts') await ensureDerived(runner);
  const p50 = def.aggregates(s)['p50'];
  if (p50?.fn !== 'quantile' || !p50.where) {
    throw new Error(`${kpi} has no percentile aggregate to bin`);
  }
  const ladder = ladderFor(q.filters.channel);
  const edges = binEdges(measure, ladder);
  const ts = d.quoteIdent(def.timeField);
  const rel = sourceRelation(def.source, d, s);
  const sc = scope(rel, d.localTime(ts, s.timezone), instantPeriod(ts, q, s, d), q, d);
  const where = [...sc.where, renderExpr(p50.where, d)];
  const v = 'v';
  // Bin i holds [edge i, edge i+1); the first also takes anything below 0, so bins sum to n.
  const bins = edges.map((lo, i) => {
    const hi = edges[i + 1];
    const conds = [
      ...(i > 0 ? [`${v} >= ${lo}`] : []),
      ...(hi === undefined ? [] : [`${v} < ${hi}`]),
    ];
    return `${d.countIf(conds.length ? conds.join(' AND ') : null)} AS b${i}`;
  });
  const sql = `SELECT ${d.countIf(null)} AS n, ${bins.join(', ')},
      ${PS.map((p) => `${d.quantileIf(v, p, null, PS)} AS p${Math.round(p * 100)}`).join(', ')}
    FROM (SELECT ${renderExpr(p50.of, d)} AS ${v} FROM ${sc.from} WHERE ${where.join(' AND ')}) m`;
  const [[row], period] = await Promise.all([
    runner.all(sql),
    q.from && q.to
      ? Promise.resolve({ from: q.from, to: q.to, timezone: s.timezone })
      : dataPeriod(runner, s),
  ]);
  const num = (k: string) => (row?.[k] === null || row?.[k] === undefined ? null : Number(row[k]));
  return {
    measure,
    kpi,
    unit: 'seconds',
    ladder,
    period: {
      from: q.from ?? period.from,
      to: q.to ?? period.to,
      timezone: s.timezone,
    },
    filters: q.filters,
    n: num('n') ?? 0,
    percentiles: { p50: num('p50'), p90: num('p90'), p95: num('p95') },
    bins: edges.map((from, i) => ({ from, to: edges[i + 1] ?? null, count: num(`b${i}`) ?? 0 })),
  };
}

// Per-interval history for staffing: inbound contacts per local 15/30-minute interval (offered,
// outcomes, waits, handle time) next to the agents the `staffing` table planned for it.
// Limits: inbound only; a staffing row counts in the interval its piece starts in (no sub-slicing).
// `byQueue` keeps channel and queue apart, for planners that staff queues separately.

import { add, coalesce, col, count, lit, sum, type Aggregate } from '../metrics/expr.ts';
import { answered, offered, thresholdText } from '../metrics/kpis/contact-conditions.ts';
import { serviceLevel, serviceLevelFigure, slCounts } from '../metrics/kpis/service-level.ts';
import type { SlVariant, WorkspaceSettings } from '../metrics/settings.ts';
import type { Dialect } from './dialect.ts';
import {
  kpiQuery,
  type Dimension,
  type Grain,
  type KpiQuery,
  type KpiQueryInput,
} from './query.ts';
import { renderAggregate, renderExpr } from './render-expr.ts';
import type { ReportPeriod } from './result.ts';
import type { Row, Runner } from './runner.ts';
import { instantPeriod, scope, slotLabel } from './scope.ts';

export type IntervalMinutes = 15 | 30;

export interface IntervalHistoryOptions {
  /** Period (`from`, `to`, local days) and `filters`; `kpis`, `by` and `grain` are ignored. */
  readonly query: KpiQueryInput | KpiQuery;
  readonly intervalMinutes: IntervalMinutes;
  /** One row per interval, channel and queue instead of one per interval. */
  readonly byQueue?: boolean;
}

export interface IntervalHistoryRow {
  /** Local start, 'YYYY-MM-DD HH:MM'. Repeats once on the day DST ends (see `utcOffsetMinutes`). */
  readonly intervalStart: string;
  /** Local time minus UTC at the interval start (Amsterdam: 60 in winter, 120 in summer). */
  readonly utcOffsetMinutes: number;
  /** The interval start as a UTC instant, ISO 8601. */
  readonly startUtc: string;
  /** With `byQueue`: the row's channel and queue (null where the data has none); else null. */
  readonly channel: string | null;
  readonly queue: string | null;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Local time of day, 'HH:MM'. */
  readonly slot: string;
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly flowedOut: number;
  readonly answeredWithinT: number;
  readonly abandonedWithinT: number;
  readonly shortAbandons: number;
  /** Service level of the workspace's SL variant: numerator and denominator (additive). */
  readonly slNumerator: number;
  readonly slDenominator: number;
  /** Total waiting time of answered contacts, seconds. */
  readonly answeredWaitSeconds: number;
  /** Total waiting time of all offered contacts (answered, abandoned, flowed out), seconds. */
  readonly offeredWaitSeconds: number;
  /** Handled = answered; handle = talk + hold + after-contact work, seconds. */
  readonly handled: number;
  readonly handleSeconds: number;
  /** Paid agents the plan staffed, averaged over the interval and summed over queues; null without a plan. */
  readonly agentsStaffed: number | null;
  /**
   * Agents on duty (present, not on a break), averaged over the interval; null unless every
   * staffing row of the interval gives them.
   */
  readonly agentsOnDuty: number | null;
  /** Agent-time-weighted hourly rate of the plan; null where the plan gives none. */
  readonly hourlyRate: number | null;
}

export interface IntervalHistory {
  readonly intervalMinutes: IntervalMinutes;
  readonly rows: readonly IntervalHistoryRow[];
  readonly period: ReportPeriod;
  readonly filters: KpiQuery['filters'];
  readonly slVariant: SlVariant;
  /** T used for "answered within T", as text (per-channel overrides included). */
  readonly threshold: string;
  /** False when a filter (team, agent, category) cannot apply to the staffing table. */
  readonly staffingAttributable: boolean;
  readonly warnings: readonly string[];
}

/** Dimensions the `staffing` table can be filtered on. */
export const STAFFING_DIMENSIONS: readonly Dimension[] = ['channel', 'queue', 'weekday', 'slot'];

const part = (name: string) => coalesce(col(name), lit(0));
const wait = part('wait_s');
const handle = add(add(part('talk_s'), part('hold_s')), part('acw_s'));

/** Aggregates by result column; `c_` + lower case keeps SL names such as `AT` off SQL keywords. */
function contactAggregates(s: WorkspaceSettings): Record<string, Aggregate> {
  const sl = Object.entries(serviceLevel.aggregates(s)).map(([k, a]) => [column(k), a] as const);
  return {
    c_offered: count(offered),
    ...Object.fromEntries(sl),
    c_answered_wait: sum(wait, answered),
    c_offered_wait: sum(wait, offered),
    c_handled: count(answered),
    c_handle: sum(handle, answered),
  };
}
const column = (name: string) => `c_${name.toLowerCase()}`;
const STAFF_COLUMNS = [
  'staff_rows',
  'agent_minutes',
  'rated_minutes',
  'rated_cost',
  'duty_rows',
  'duty_minutes',
] as const;

/** The contact and staffing history per local interval of the period, in time order. */
export async function intervalHistory(
  runner: Runner,
  { query, intervalMinutes, byQueue = false }: IntervalHistoryOptions,
  s: WorkspaceSettings,
): Promise<IntervalHistory> {
  const d = runner.dialect;
  const q = kpiQuery({ ...query, by: [], grain: undefined });
  const grain: Grain = intervalMinutes === 15 ? '15m' : '30m';
  const attributable = Object.keys(q.filters).every((k) =>
    STAFFING_DIMENSIONS.includes(k as Dimension),
  );
  const [mx] = attributable
    ? await runner.all('SELECT max(interval_minutes) AS mx FROM staffing')
    : [];
  const maxMinutes = Number(mx?.['mx'] ?? 0);
  const aggs = contactAggregates(s);
  const contactCols = Object.keys(aggs);
  const keys = byQueue
    ? [`${d.quoteIdent('channel')} AS q_channel`, `${d.quoteIdent('queue')} AS q_queue`]
    : ['NULL AS q_channel', 'NULL AS q_queue'];
  const contactSide = contactSelect(aggs, q, s, d, grain, [...STAFF_COLUMNS], keys);
  const staffSide =
    maxMinutes > 0
      ? staffingSelect(q, s, d, grain, intervalMinutes, maxMinutes, contactCols, keys)
      : null;
  const all = [...contactCols, ...STAFF_COLUMNS];
  const union = staffSide ? `${contactSide} UNION ALL ${staffSide}` : contactSide;
  const inner = `SELECT b, off, q_channel, q_queue, ${all.map((c) => `sum(${c}) AS ${c}`).join(', ')} FROM (${union}) u GROUP BY b, off, q_channel, q_queue`;
  const sql = `SELECT ${d.formatBucket('b', grain)} AS label, ${d.weekday('b')} AS wd, ${d.slot('b', intervalMinutes)} AS slot_minute, off, q_channel, q_queue, ${all.join(', ')}
    FROM (${inner}) g`;
  // In UTC order: the repeated hour at DST end comes twice in a row (02:00, 02:30, 02:00, 02:30).
  const rows = (await runner.all(sql))
    .map((r) => toRow(r, s.service_level.variant, intervalMinutes))
    .sort(
      (x, y) => cmp(x.startUtc, y.startUtc) || cmp(x.channel, y.channel) || cmp(x.queue, y.queue),
    );
  const warnings = attributable
    ? []
    : [
        `the staffing table has only channel and queue: agents staffed are left empty for filters on ${Object.keys(
          q.filters,
        )
          .filter((k) => !STAFFING_DIMENSIONS.includes(k as Dimension))
          .join(', ')}`,
      ];
  return {
    intervalMinutes,
    rows,
    period: {
      from: q.from ?? rows[0]?.intervalStart.slice(0, 10) ?? null,
      to: q.to ?? rows.at(-1)?.intervalStart.slice(0, 10) ?? null,
      timezone: s.timezone,
    },
    filters: q.filters,
    slVariant: s.service_level.variant,
    threshold: thresholdText(s),
    staffingAttributable: attributable,
    warnings,
  };
}

function contactSelect(
  aggs: Record<string, Aggregate>,
  q: KpiQuery,
  s: WorkspaceSettings,
  d: Dialect,
  grain: Grain,
  zeros: readonly string[],
  keys: readonly string[],
): string {
  const ts = d.quoteIdent('offered_at');
  const sc = scope('SELECT * FROM contacts', d.localTime(ts, s.timezone), [], q, d, true);
  const where = [...instantPeriod(ts, q, s, d), ...sc.where, renderExpr(offered, d)];
  const cols = [
    ...Object.entries(aggs).map(([name, a]) => `${renderAggregate(a, d)} AS ${name}`),
    ...zeros.map((c) => `0 AS ${c}`),
  ];
  return `SELECT ${d.bucket('t_local', grain)} AS b, ${d.utcOffsetSeconds(ts, s.timezone)} AS off, ${keys.join(', ')}, ${cols.join(', ')}
    FROM ${sc.from} WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3, 4`;
}

/**
 * Staffing rows cut into pieces of at most one interval (a 60-minute row gives two 30-minute
 * pieces), so `agent_minutes / intervalMinutes` is the mean staffed agents of each interval.
 */
function staffingSelect(
  q: KpiQuery,
  s: WorkspaceSettings,
  d: Dialect,
  grain: Grain,
  m: number,
  maxMinutes: number,
  zeros: readonly string[],
  keys: readonly string[],
): string {
  const ks = Array.from({ length: Math.ceil(maxMinutes / m) }, (_, k) => `SELECT ${k} AS k`);
  const left = `(st.interval_minutes - n.k * ${m})`;
  const pieces = `
    SELECT st.channel, st.queue, st.agents_staffed, st.agents_on_duty, st.hourly_rate,
           ${d.addMinutes('st.interval_start', `n.k * ${m}`)} AS piece_at,
           CASE WHEN ${left} < ${m} THEN ${left} ELSE ${m} END AS piece_minutes
    FROM staffing st JOIN (${ks.join(' UNION ALL ')}) n ON n.k * ${m} < st.interval_minutes`;
  const filters = Object.fromEntries(
    Object.entries(q.filters).filter(([k]) => STAFFING_DIMENSIONS.includes(k as Dimension)),
  );
  const at = 'piece_at';
  const sc = scope(pieces, d.localTime(at, s.timezone), [], { ...q, filters }, d, true);
  const where = [...instantPeriod(at, q, s, d), ...sc.where];
  const agentMinutes = 'agents_staffed * piece_minutes';
  const rated = 'hourly_rate IS NOT NULL';
  const cols = [
    ...zeros.map((c) => `0 AS ${c}`),
    `${d.countIf(null)} AS staff_rows`,
    `${d.sumIf(agentMinutes, null)} AS agent_minutes`,
    `${d.sumIf(agentMinutes, rated)} AS rated_minutes`,
    `${d.sumIf(`${agentMinutes} * hourly_rate`, rated)} AS rated_cost`,
    `${d.countIf('agents_on_duty IS NOT NULL')} AS duty_rows`,
    `${d.sumIf('agents_on_duty * piece_minutes', 'agents_on_duty IS NOT NULL')} AS duty_minutes`,
  ];
  return `SELECT ${d.bucket('t_local', grain)} AS b, ${d.utcOffsetSeconds(at, s.timezone)} AS off, ${keys.join(', ')}, ${cols.join(', ')}
    FROM ${sc.from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} GROUP BY 1, 2, 3, 4`;
}

function toRow(r: Row, variant: SlVariant, intervalMinutes: number): IntervalHistoryRow {
  const n = (k: string) => Number(r[k] ?? 0);
  const c = (k: string) => n(column(k));
  const label = String(r['label']);
  const offMinutes = n('off') / 60;
  const startUtc = new Date(Date.parse(`${label.replace(' ', 'T')}:00Z`) - offMinutes * 60_000);
  const sl = serviceLevelFigure(
    slCounts(Object.fromEntries(SL_KEYS.map((k) => [k, c(k)]))),
    variant,
  );
  const minutes = n('agent_minutes');
  const text = (k: string) => (r[k] === null || r[k] === undefined ? null : String(r[k]));
  return {
    intervalStart: label,
    utcOffsetMinutes: offMinutes,
    startUtc: startUtc.toISOString(),
    channel: text('q_channel'),
    queue: text('q_queue'),
    weekday: n('wd'),
    slot: slotLabel(n('slot_minute')),
    offered: c('offered'),
    answered: c('A'),
    abandoned: c('Ab'),
    flowedOut: c('F'),
    answeredWithinT: c('AT'),
    abandonedWithinT: c('AbT'),
    shortAbandons: c('AbS'),
    slNumerator: sl.numerator ?? 0,
    slDenominator: sl.denominator ?? 0,
    answeredWaitSeconds: c('answered_wait'),
    offeredWaitSeconds: c('offered_wait'),
    handled: c('handled'),
    handleSeconds: c('handle'),
    agentsStaffed: n('staff_rows') > 0 ? minutes / intervalMinutes : null,
    agentsOnDuty:
      n('staff_rows') > 0 && n('duty_rows') === n('staff_rows')
        ? n('duty_minutes') / intervalMinutes
        : null,
    hourlyRate: n('rated_minutes') > 0 ? n('rated_cost') / n('rated_minutes') : null,
  };
}

const SL_KEYS = ['A', 'AT', 'Ab', 'AbT', 'AbS', 'F'] as const;

const cmp = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;

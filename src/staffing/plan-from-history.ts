// intervalPlan: the staffing plan from the workspace's own history. The interval history is read
// through src/engine per channel and queue; each queue is planned on its own (a queue's agents
// do not answer another queue), live queues with Erlang per interval, backlog queues (e-mail) per
// day against their response-time target; the rows then add the queues up.
// Limits: the only file in src/staffing that touches the store (through a Runner); the rest is pure.

import { intervalHistory, type IntervalMinutes } from '../engine/interval-history.ts';
import type { EngineName } from '../engine/dialect.ts';
import type { KpiQuery, KpiQueryInput } from '../engine/query.ts';
import type { ReportPeriod } from '../engine/result.ts';
import type { Runner } from '../engine/runner.ts';
import type { SlVariant, WorkspaceSettings } from '../metrics/settings.ts';
import { planBacklog } from './backlog-plan.ts';
import { combineQueues } from './combine-queues.ts';
import {
  planIntervals,
  totals,
  type IntervalPlan,
  type PlanMode,
  type PlanTotals,
  type ServiceTarget,
  type StaffingModel,
} from './interval-plan.ts';
import type { IntervalObservation } from './weekday-profile.ts';

export interface IntervalPlanOptions {
  /** Period and filters (channel, queue, team, …); `kpis`, `by` and `grain` are ignored. */
  readonly query?: KpiQueryInput;
  /** Default: settings.staffing.interval_minutes. */
  readonly intervalMinutes?: IntervalMinutes;
  /** Default: per channel, targets_by_channel (else targets, else 80 %) / its SL threshold T. */
  readonly target?: ServiceTarget;
  /** Default 'auto': Erlang A for a queue whose history has abandons, else Erlang C. */
  readonly model?: StaffingModel | 'auto';
  /** Default 'intervals'. */
  readonly mode?: PlanMode;
  /** Defaults: settings.staffing. */
  readonly shrinkage?: number;
  readonly maxOccupancy?: number;
  readonly hourlyRate?: number;
  /** Erlang A patience θ; default estimated per queue from its history. */
  readonly patienceSeconds?: number;
}

/** One queue's plan: live (Erlang per interval) or backlog (per day). */
export interface QueuePlan extends IntervalPlan {
  readonly queue: string | null;
  readonly channel: string | null;
  readonly kind: 'live' | 'backlog';
}

export interface IntervalPlanResult extends IntervalPlan {
  /** `interval` (or weekday × slot in a profile) for live queues; `day` for a backlog alone. */
  readonly grain: 'interval' | 'day';
  /** Every queue planned on its own; `rows` and `totals` add them up. */
  readonly queues: readonly QueuePlan[];
  readonly period: ReportPeriod;
  readonly filters: KpiQuery['filters'];
  readonly currency: string;
  /** The SL variant behind `observedServiceLevel`; Erlang's SL counts abandons against it. */
  readonly slVariant: SlVariant;
  readonly engine: EngineName;
}

/**
 * Erlang models contacts waiting live for a free agent. Without a channel filter the plan covers
 * voice; chat and messaging can be asked for (one contact per agent at a time in the model);
 * e-mail is a backlog, planned per day against its response-time target.
 */
const DEFAULT_CHANNELS = ['voice'];
export const BACKLOG_CHANNELS: readonly string[] = ['email'];

/** Reads the interval history of the period and plans each queue against its target. */
export async function intervalPlan(
  runner: Runner,
  options: IntervalPlanOptions,
  settings: WorkspaceSettings,
): Promise<IntervalPlanResult> {
  const asked = options.query?.filters?.channel;
  const channels = asked ?? DEFAULT_CHANNELS;
  const query = { ...options.query, filters: { ...options.query?.filters, channel: channels } };
  const notes = asked
    ? []
    : [
        'Planned for voice only: Erlang models contacts waiting live in a queue. Filter on channel to plan chat, messaging or e-mail.',
      ];
  const st = settings.staffing;
  const intervalMinutes = options.intervalMinutes ?? st.interval_minutes;
  const common = {
    shrinkage: options.shrinkage ?? st.shrinkage,
    maxOccupancy: options.maxOccupancy ?? st.max_occupancy,
    hourlyRate: options.hourlyRate ?? st.hourly_rate,
    intervalMinutes,
    model: options.model ?? 'auto',
    mode: options.mode ?? 'intervals',
    ...(options.patienceSeconds === undefined ? {} : { patienceSeconds: options.patienceSeconds }),
  } as const;
  const queues: QueuePlan[] = [];
  const warnings: string[] = [...notes];
  let period: ReportPeriod | null = null;
  let filters: KpiQuery['filters'] = {};
  for (const channel of channels) {
    const target = options.target ?? defaultTarget(settings, { filters: { channel: [channel] } });
    // Observed "within T" uses the target's T, so observed and predicted SL measure the same thing.
    const observed: WorkspaceSettings = {
      ...settings,
      service_level: {
        ...settings.service_level,
        threshold_s: target.thresholdSeconds,
        threshold_s_by_channel: {},
      },
    };
    const q = { ...query, filters: { ...query.filters, channel: [channel] } };
    const history = await intervalHistory(
      runner,
      { query: q, intervalMinutes, byQueue: true },
      observed,
    );
    period ??= history.period;
    filters = { ...history.filters, channel: channels };
    warnings.push(...history.warnings.filter((w) => !warnings.includes(w)));
    for (const [queue, rows] of byQueue(history.rows)) {
      const kind = BACKLOG_CHANNELS.includes(channel) ? 'backlog' : 'live';
      const plan =
        kind === 'backlog'
          ? planBacklog(rows, { ...common, target, concurrency: concurrencyOf(settings, channel) })
          : planIntervals(
              { rows, period: history.period },
              { ...common, target, concurrency: concurrencyOf(settings, channel) },
            );
      queues.push({ ...plan, queue, channel, kind });
      warnings.push(...plan.warnings.map((w) => `${queue ?? '(no queue)'}: ${w}`));
    }
  }
  const live = queues.filter((p) => p.kind === 'live');
  const shown = live.length ? live : queues.filter((p) => p.kind === 'backlog');
  if (live.length && shown.length < queues.length) {
    warnings.push('backlog queues are planned per day: see `queues` (or filter on their channel)');
  }
  const rows = combineQueues(shown.flatMap((p) => p.rows));
  const first = shown[0] ?? queues[0];
  const models = new Set(live.map((p) => p.model));
  return {
    mode: common.mode,
    model: models.size === 1 ? [...models][0]! : live.length ? 'erlang-a' : 'erlang-c',
    target: first?.target ?? options.target ?? defaultTarget(settings, query),
    shrinkage: common.shrinkage,
    maxOccupancy: common.maxOccupancy,
    hourlyRate: common.hourlyRate,
    intervalMinutes,
    patienceSeconds: shown.length === 1 ? (first?.patienceSeconds ?? null) : null,
    patienceEstimated: shown.length === 1 && (first?.patienceEstimated ?? false),
    rows,
    totals:
      live.length || shown.length !== 1 ? sumTotals(shown, rows, intervalMinutes) : first!.totals,
    warnings: models.size > 1 ? [...warnings, mixedModels(live)] : warnings,
    grain: live.length ? 'interval' : 'day',
    queues,
    period: period ?? { from: null, to: null, timezone: settings.timezone },
    filters,
    currency: settings.currency,
    slVariant: settings.service_level.variant,
    engine: runner.dialect.name,
  };
}

function concurrencyOf(s: WorkspaceSettings, channel: string): number {
  return s.staffing.concurrency_by_channel[channel as keyof typeof s.targets_by_channel] ?? 1;
}

/** History rows split per queue, in first-seen order. */
function byQueue(rows: readonly IntervalObservation[]): Map<string | null, IntervalObservation[]> {
  const out = new Map<string | null, IntervalObservation[]>();
  for (const r of rows) {
    const q = r.queue ?? null;
    const list = out.get(q);
    if (list) list.push(r);
    else out.set(q, [r]);
  }
  return out;
}

function sumTotals(
  plans: readonly QueuePlan[],
  rows: readonly IntervalPlan['rows'][number][],
  minutes: number,
): PlanTotals {
  if (plans.every((p) => p.kind === 'live')) return totals(rows, minutes);
  const add = (f: (t: PlanTotals) => number | null) => {
    const vs = plans.map((p) => f(p.totals)).filter((v): v is number => v !== null);
    return vs.length ? vs.reduce((a, b) => a + b, 0) : null;
  };
  return {
    intervals: rows.length,
    intervalsWithPlan: rows.filter((r) => r.staffedAgents !== null).length,
    requiredAgentHours: add((t) => t.requiredAgentHours) ?? 0,
    requiredCost: add((t) => t.requiredCost) ?? 0,
    requiredAgentHoursPlanned: add((t) => t.requiredAgentHoursPlanned) ?? 0,
    requiredCostPlanned: add((t) => t.requiredCostPlanned) ?? 0,
    staffedAgentHours: add((t) => t.staffedAgentHours),
    staffedCost: add((t) => t.staffedCost),
    extraPointCost: add((t) => t.extraPointCost) ?? 0,
  };
}

function mixedModels(live: readonly QueuePlan[]): string {
  return `models differ per queue: ${live.map((p) => `${p.queue ?? '(no queue)'} ${p.model === 'erlang-a' ? 'Erlang A' : 'Erlang C'}`).join(', ')}`;
}

/** The workspace's SL target and T, per channel when the query keeps exactly one channel. */
export function defaultTarget(s: WorkspaceSettings, query: KpiQueryInput): ServiceTarget {
  const channels = query.filters?.channel ?? [];
  const channel = channels.length === 1 ? (channels[0] as keyof typeof s.targets_by_channel) : null;
  const byChannel = channel ? s.targets_by_channel[channel]?.['service_level'] : undefined;
  const percent = byChannel ?? s.targets['service_level'] ?? 80;
  const t = channel ? s.service_level.threshold_s_by_channel[channel] : undefined;
  return { sl: percent / 100, thresholdSeconds: t ?? s.service_level.threshold_s };
}

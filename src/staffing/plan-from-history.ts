// intervalPlan: the staffing plan from the workspace's own history, the interval history read
// through src/engine, then planned per interval or as a typical week by planIntervals.
// Limits: the only file in src/staffing that touches the store (through a Runner); the rest is pure.

import { intervalHistory, type IntervalMinutes } from '../engine/interval-history.ts';
import type { EngineName } from '../engine/dialect.ts';
import type { KpiQuery, KpiQueryInput } from '../engine/query.ts';
import type { ReportPeriod } from '../engine/result.ts';
import type { Runner } from '../engine/runner.ts';
import type { SlVariant, WorkspaceSettings } from '../metrics/settings.ts';
import {
  planIntervals,
  type IntervalPlan,
  type PlanMode,
  type ServiceTarget,
  type StaffingModel,
} from './interval-plan.ts';

export interface IntervalPlanOptions {
  /** Period and filters (channel, queue, team, …); `kpis`, `by` and `grain` are ignored. */
  readonly query?: KpiQueryInput;
  /** Default: settings.staffing.interval_minutes. */
  readonly intervalMinutes?: IntervalMinutes;
  /** Default: targets.service_level (else 80 %) / the SL threshold T of the settings. */
  readonly target?: ServiceTarget;
  /** Default 'erlang-c'. */
  readonly model?: StaffingModel;
  /** Default 'intervals'. */
  readonly mode?: PlanMode;
  /** Defaults: settings.staffing. */
  readonly shrinkage?: number;
  readonly maxOccupancy?: number;
  readonly hourlyRate?: number;
  /** Erlang A patience θ; default estimated from the history. */
  readonly patienceSeconds?: number;
}

export interface IntervalPlanResult extends IntervalPlan {
  readonly period: ReportPeriod;
  readonly filters: KpiQuery['filters'];
  readonly currency: string;
  /** The SL variant behind `observedServiceLevel`; Erlang's SL counts abandons against it. */
  readonly slVariant: SlVariant;
  readonly engine: EngineName;
}

/**
 * Erlang C and A model contacts waiting live for a free agent: voice. Without a channel filter
 * the plan covers voice; chat and messaging can be asked for (handled one at a time by the
 * model); email is worked as a backlog, so a plan for it is flagged.
 */
const DEFAULT_CHANNELS = ['voice'];
const BACKLOG_CHANNELS = ['email'];

function planScope(query: KpiQueryInput): { query: KpiQueryInput; notes: string[] } {
  const asked = query.filters?.channel;
  if (!asked) {
    return {
      query: { ...query, filters: { ...query.filters, channel: DEFAULT_CHANNELS } },
      notes: [
        'Planned for voice only: Erlang models contacts waiting live in a queue. Filter on channel to plan chat or messaging.',
      ],
    };
  }
  const backlog = asked.filter((c) => BACKLOG_CHANNELS.includes(c));
  return {
    query,
    notes: backlog.length
      ? [
          `${backlog.join(', ')} is worked as a backlog, not a live queue: Erlang's agents and SL for it are only a rough guide.`,
        ]
      : [],
  };
}

/** Reads the interval history of the period and plans it against the target. */
export async function intervalPlan(
  runner: Runner,
  options: IntervalPlanOptions,
  settings: WorkspaceSettings,
): Promise<IntervalPlanResult> {
  const scope = planScope(options.query ?? {});
  const query = scope.query;
  const st = settings.staffing;
  const target = options.target ?? defaultTarget(settings, query);
  const intervalMinutes = options.intervalMinutes ?? st.interval_minutes;
  // Observed "within T" uses the target's T, so observed and predicted SL measure the same thing.
  const observedSettings: WorkspaceSettings = {
    ...settings,
    service_level: {
      ...settings.service_level,
      threshold_s: target.thresholdSeconds,
      threshold_s_by_channel: {},
    },
  };
  const history = await intervalHistory(runner, { query, intervalMinutes }, observedSettings);
  const plan = planIntervals(history, {
    target,
    shrinkage: options.shrinkage ?? st.shrinkage,
    maxOccupancy: options.maxOccupancy ?? st.max_occupancy,
    hourlyRate: options.hourlyRate ?? st.hourly_rate,
    intervalMinutes,
    model: options.model ?? 'erlang-c',
    mode: options.mode ?? 'intervals',
    ...(options.patienceSeconds === undefined ? {} : { patienceSeconds: options.patienceSeconds }),
  });
  return {
    ...plan,
    warnings: [...scope.notes, ...history.warnings, ...plan.warnings],
    period: history.period,
    filters: history.filters,
    currency: settings.currency,
    slVariant: history.slVariant,
    engine: runner.dialect.name,
  };
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

// Per-interval staffing plan from observed history: agents an SL target needs (Erlang C or A)
// against agents staffed, the SL Erlang predicts with them, and the cost of one more SL point.
// Limits: pure; steady state per interval; one patience estimate pooled over the whole history.

import { agentsForTarget } from './agents-for-target.ts';
import { agentsForTargetErlangA } from './agents-for-target-erlang-a.ts';
import { erlangA } from './erlang-a.ts';
import { erlangC } from './erlang-c.ts';
import { intervalCost, type StaffingConstraint } from './scheduled-agents.ts';
import { slCostCurve } from './sl-cost-curve.ts';
import { validateStaffingInput } from './staffing-input-error.ts';
import {
  observeIntervals,
  weekdayProfile,
  type ObservedHistory,
  type PooledObservation,
} from './weekday-profile.ts';

export type StaffingModel = 'erlang-c' | 'erlang-a';
export type PlanMode = 'intervals' | 'weekday-profile';

/** X/T: the fraction `sl` of contacts answered within `thresholdSeconds`. */
export interface ServiceTarget {
  readonly sl: number;
  readonly thresholdSeconds: number;
}

export interface PlanIntervalsOptions {
  readonly target: ServiceTarget;
  /** Fraction of paid time not on contacts, 0 up to (not including) 1. */
  readonly shrinkage: number;
  readonly maxOccupancy: number;
  /** Cost of a paid agent hour where the history gives no rate. */
  readonly hourlyRate: number;
  readonly intervalMinutes: number;
  readonly model: StaffingModel;
  /** `intervals` (default): one row per observed interval; `weekday-profile`: a typical week. */
  readonly mode?: PlanMode;
  /** Erlang A patience θ in seconds; default θ̂ = waiting time of all offered / abandons. */
  readonly patienceSeconds?: number;
}

export interface PlannedInterval {
  /** Local start 'YYYY-MM-DD HH:MM'; null in a weekday profile. */
  readonly intervalStart: string | null;
  readonly utcOffsetMinutes: number | null;
  readonly weekday: number;
  readonly slot: string;
  /** Days behind the row: 1, or how often its weekday occurs in the period (profile). */
  readonly days: number;
  /** Contacts offered in the interval (mean per day in a profile). */
  readonly volume: number;
  readonly ahtSeconds: number | null;
  /** True when the interval handled nothing and the AHT of the whole history stands in. */
  readonly ahtFromPeriod: boolean;
  /** Observed SL (workspace variant), ASA of answered contacts, abandoned / offered. */
  readonly observedServiceLevel: number | null;
  readonly observedAsaSeconds: number | null;
  readonly observedAbandonRate: number | null;
  readonly trafficErlangs: number | null;
  /** Agents on contacts for the target, and the paid headcount after shrinkage. */
  readonly requiredAgents: number | null;
  readonly scheduledAgents: number | null;
  readonly bindingConstraint: StaffingConstraint | null;
  /** Paid agents in the plan (mean over the interval); null without a plan. */
  readonly staffedAgents: number | null;
  /** floor(staffed × (1 − shrinkage)): the agents Erlang sees. */
  readonly productiveAgents: number | null;
  readonly predictedServiceLevel: number | null;
  readonly predictedAsaSeconds: number | null;
  /** Erlang A only: P(abandon) with the staffed agents, to set against the observed rate. */
  readonly predictedAbandonRate: number | null;
  readonly hourlyRate: number;
  /** Paid time (required / (1 − shrinkage), unrounded) × hours × rate. */
  readonly requiredCost: number | null;
  readonly staffedCost: number | null;
  /** Cost per interval of raising the target by one point (target + 0.01), from slCostCurve. */
  readonly extraPointCost: number | null;
}

export interface PlanTotals {
  readonly intervals: number;
  readonly intervalsWithPlan: number;
  /** Paid agent-hours the target needs (unrounded, as in slCostCurve) and their cost. */
  readonly requiredAgentHours: number;
  readonly requiredCost: number;
  /** The same over the intervals that have a plan, to compare like with like. */
  readonly requiredAgentHoursPlanned: number;
  readonly requiredCostPlanned: number;
  readonly staffedAgentHours: number | null;
  readonly staffedCost: number | null;
  /** What one more SL point costs over all intervals. */
  readonly extraPointCost: number;
}

export interface IntervalPlan {
  readonly mode: PlanMode;
  /** The model used: `erlang-c` when Erlang A was asked for but patience cannot be estimated. */
  readonly model: StaffingModel;
  readonly target: ServiceTarget;
  readonly shrinkage: number;
  readonly maxOccupancy: number;
  readonly hourlyRate: number;
  readonly intervalMinutes: number;
  readonly patienceSeconds: number | null;
  readonly patienceEstimated: boolean;
  readonly rows: readonly PlannedInterval[];
  readonly totals: PlanTotals;
  readonly warnings: readonly string[];
}

const EPSILON = 1e-9;

/** Plans every observed interval (or a typical week) against the target. Pure. */
export function planIntervals(
  history: ObservedHistory,
  options: PlanIntervalsOptions,
): IntervalPlan {
  const { target, shrinkage, maxOccupancy, hourlyRate, intervalMinutes } = options;
  const { mode = 'intervals', patienceSeconds } = options;
  validateStaffingInput({
    'target.sl': [target.sl, 'fractionBelowOne'],
    'target.thresholdSeconds': [target.thresholdSeconds, 'nonNegative'],
    shrinkage: [shrinkage, 'fractionBelowOne'],
    maxOccupancy: [maxOccupancy, 'fractionAboveZero'],
    hourlyRate: [hourlyRate, 'nonNegative'],
    intervalMinutes: [intervalMinutes, 'positive'],
    ...(patienceSeconds === undefined ? {} : { patienceSeconds: [patienceSeconds, 'positive'] }),
  });
  const warnings: string[] = [];
  const all = observeIntervals(history.rows);
  const abandons = all.reduce((a, o) => a + o.abandoned, 0);
  const handled = all.reduce((a, o) => a + o.handled, 0);
  const pooledAht = handled > 0 ? all.reduce((a, o) => a + o.handleSeconds, 0) / handled : null;
  let model = options.model;
  let patience: number | null = null;
  if (model === 'erlang-a') {
    const waited = all.reduce((a, o) => a + o.offeredWaitSeconds, 0);
    patience = patienceSeconds ?? (abandons > 0 && waited > 0 ? waited / abandons : null);
    if (patience === null) {
      warnings.push('no abandons in the history: patience cannot be estimated, Erlang C used');
      model = 'erlang-c';
    }
  }
  if (pooledAht === null && all.some((o) => o.volume > 0)) {
    warnings.push('no handled contacts in the history: no AHT, so no agents required');
  }
  const observed = mode === 'weekday-profile' ? weekdayProfile(history) : all;
  const plan = { ...options, model, patience, pooledAht, seconds: intervalMinutes * 60 };
  const rows = observed.map((o) => planOne(o, plan));
  return {
    mode,
    model,
    target,
    shrinkage,
    maxOccupancy,
    hourlyRate,
    intervalMinutes,
    patienceSeconds: patience,
    patienceEstimated: patience !== null && patienceSeconds === undefined,
    rows,
    totals: totals(rows, shrinkage, intervalMinutes),
    warnings,
  };
}

interface PlanContext extends PlanIntervalsOptions {
  readonly patience: number | null;
  readonly pooledAht: number | null;
  readonly seconds: number;
}

function planOne(o: PooledObservation, c: PlanContext): PlannedInterval {
  const { target, shrinkage, maxOccupancy, seconds } = c;
  const aht = o.handled > 0 ? o.handleSeconds / o.handled : c.pooledAht;
  const rate = o.hourlyRate ?? c.hourlyRate;
  const patience = c.patience ?? undefined;
  const load =
    aht === null ? null : { volume: o.volume, intervalSeconds: seconds, ahtSeconds: aht };
  const ask = { targetSl: target.sl, thresholdSeconds: target.thresholdSeconds };
  const need =
    load === null
      ? null
      : patience === undefined
        ? agentsForTarget({ ...load, ...ask, shrinkage, maxOccupancy })
        : agentsForTargetErlangA({
            ...load,
            ...ask,
            shrinkage,
            maxOccupancy,
            patienceSeconds: patience,
          });
  const productive =
    o.agentsStaffed === null ? null : Math.floor(o.agentsStaffed * (1 - shrinkage) + EPSILON);
  const predicted =
    load && productive !== null && o.volume > 0 ? predict(load, productive, c) : null;
  const next = target.sl + 0.01;
  const extra =
    need === null || load === null || next >= 1
      ? null
      : need.rawAgents === 0
        ? 0
        : pointCost(load, need.rawAgents, next, rate, c);
  return {
    intervalStart: o.intervalStart,
    utcOffsetMinutes: o.utcOffsetMinutes,
    weekday: o.weekday,
    slot: o.slot,
    days: o.days,
    volume: o.volume,
    ahtSeconds: aht,
    ahtFromPeriod: o.handled === 0 && aht !== null,
    observedServiceLevel: o.slDenominator > 0 ? o.slNumerator / o.slDenominator : null,
    observedAsaSeconds: o.answered > 0 ? o.answeredWaitSeconds / o.answered : null,
    observedAbandonRate: o.offered > 0 ? o.abandoned / o.offered : null,
    trafficErlangs: need?.trafficErlangs ?? null,
    requiredAgents: need?.rawAgents ?? null,
    scheduledAgents: need?.scheduledAgents ?? null,
    bindingConstraint: need?.bindingConstraint ?? null,
    staffedAgents: o.agentsStaffed,
    productiveAgents: productive,
    predictedServiceLevel: predicted?.serviceLevel ?? null,
    predictedAsaSeconds: predicted?.asaSeconds ?? null,
    predictedAbandonRate: predicted?.abandonRate ?? null,
    hourlyRate: rate,
    requiredCost: need ? intervalCost(need.rawAgents, shrinkage, seconds, rate) : null,
    staffedCost: o.agentsStaffed === null ? null : o.agentsStaffed * (seconds / 3600) * rate,
    extraPointCost: extra,
  };
}

interface Load {
  readonly volume: number;
  readonly intervalSeconds: number;
  readonly ahtSeconds: number;
}

/** SL, ASA (and P(abandon) under Erlang A) with `agents` on contacts; nobody means nothing answered. */
function predict(load: Load, agents: number, c: PlanContext) {
  const thresholdSeconds = c.target.thresholdSeconds;
  if (c.patience !== null) {
    if (agents === 0) return { serviceLevel: 0, asaSeconds: null, abandonRate: 1 };
    const r = erlangA({ ...load, agents, thresholdSeconds, patienceSeconds: c.patience });
    return {
      serviceLevel: r.serviceLevel,
      asaSeconds: r.asaSeconds,
      abandonRate: r.abandonProbability,
    };
  }
  if (agents === 0) return { serviceLevel: 0, asaSeconds: Infinity, abandonRate: null };
  const r = erlangC({ ...load, agents, thresholdSeconds });
  return { serviceLevel: r.serviceLevel, asaSeconds: r.asaSeconds, abandonRate: null };
}

/** Cost per interval from the agents for the target to the agents for target + 1 point. */
function pointCost(load: Load, from: number, until: number, rate: number, c: PlanContext): number {
  const curve = slCostCurve({
    ...load,
    thresholdSeconds: c.target.thresholdSeconds,
    hourlyRate: rate,
    shrinkage: c.shrinkage,
    fromAgents: from,
    untilServiceLevel: until,
    ...(c.patience === null ? {} : { patienceSeconds: c.patience }),
  });
  return (curve.at(-1)?.costPerInterval ?? 0) - (curve[0]?.costPerInterval ?? 0);
}

function totals(rows: readonly PlannedInterval[], shrinkage: number, minutes: number): PlanTotals {
  const hours = minutes / 60;
  const planned = rows.filter((r) => r.staffedAgents !== null);
  const paid = (r: PlannedInterval) => ((r.requiredAgents ?? 0) / (1 - shrinkage)) * hours;
  const sum = (rs: readonly PlannedInterval[], f: (r: PlannedInterval) => number) =>
    rs.reduce((a, r) => a + f(r), 0);
  return {
    intervals: rows.length,
    intervalsWithPlan: planned.length,
    requiredAgentHours: sum(rows, paid),
    requiredCost: sum(rows, (r) => r.requiredCost ?? 0),
    requiredAgentHoursPlanned: sum(planned, paid),
    requiredCostPlanned: sum(planned, (r) => r.requiredCost ?? 0),
    staffedAgentHours: planned.length ? sum(planned, (r) => (r.staffedAgents ?? 0) * hours) : null,
    staffedCost: planned.length ? sum(planned, (r) => r.staffedCost ?? 0) : null,
    extraPointCost: sum(rows, (r) => r.extraPointCost ?? 0),
  };
}

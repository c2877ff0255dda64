// Per-interval staffing plan from observed history: agents an SL target needs (Erlang C or A)
// against agents staffed, the SL Erlang predicts with them, and the cost of one more SL point.
// Limits: pure; steady state per interval; one patience estimate pooled over the whole history.

import {
  planOneInterval,
  type PlannedInterval,
  type ServiceTarget,
  type StaffingModel,
} from './plan-one-interval.ts';
import { validateStaffingInput } from './staffing-input-error.ts';
import { observeIntervals, weekdayProfile, type ObservedHistory } from './weekday-profile.ts';

export type { PlannedInterval, ServiceTarget, StaffingModel };

export type PlanMode = 'intervals' | 'weekday-profile';

export interface PlanIntervalsOptions {
  readonly target: ServiceTarget;
  /** Fraction of paid time not on contacts, 0 up to (not including) 1. */
  readonly shrinkage: number;
  readonly maxOccupancy: number;
  /** Cost of a paid agent hour where the history gives no rate. */
  readonly hourlyRate: number;
  readonly intervalMinutes: number;
  /** `auto`: Erlang A when the history has abandons (patience can be estimated), else Erlang C. */
  readonly model: StaffingModel | 'auto';
  /** `intervals` (default): one row per observed interval; `weekday-profile`: a typical week. */
  readonly mode?: PlanMode;
  /** Erlang A patience θ in seconds; default θ̂ = waiting time of all offered / abandons. */
  readonly patienceSeconds?: number;
  /** Contacts an agent handles at once (chat, messaging). Default 1. */
  readonly concurrency?: number;
}

export interface PlanTotals {
  readonly intervals: number;
  readonly intervalsWithPlan: number;
  /** Paid agent-hours the target needs (scheduled agents × hours) and their cost. */
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
    ...(options.concurrency === undefined
      ? {}
      : { concurrency: [options.concurrency, 'positiveInteger'] }),
    ...(patienceSeconds === undefined ? {} : { patienceSeconds: [patienceSeconds, 'positive'] }),
  });
  const warnings: string[] = [];
  const all = observeIntervals(history.rows);
  const abandons = all.reduce((a, o) => a + o.abandoned, 0);
  const handled = all.reduce((a, o) => a + o.handled, 0);
  const pooledAht = handled > 0 ? all.reduce((a, o) => a + o.handleSeconds, 0) / handled : null;
  let model: StaffingModel = options.model === 'erlang-c' ? 'erlang-c' : 'erlang-a';
  let patience: number | null = null;
  if (model === 'erlang-a') {
    const waited = all.reduce((a, o) => a + o.offeredWaitSeconds, 0);
    patience = patienceSeconds ?? (abandons > 0 && waited > 0 ? waited / abandons : null);
    if (patience === null) {
      if (options.model === 'erlang-a') {
        warnings.push('no abandons in the history: patience cannot be estimated, Erlang C used');
      }
      model = 'erlang-c';
    }
  }
  if (pooledAht === null && all.some((o) => o.volume > 0)) {
    warnings.push('no handled contacts in the history: no AHT, so no agents required');
  }
  const observed = mode === 'weekday-profile' ? weekdayProfile(history) : all;
  const concurrency = options.concurrency ?? 1;
  const plan = {
    ...options,
    model,
    patience,
    pooledAht,
    seconds: intervalMinutes * 60,
    concurrency,
  };
  const rows = observed.map((o) => planOneInterval(o, plan));
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
    totals: totals(rows, intervalMinutes),
    warnings,
  };
}

export function totals(rows: readonly PlannedInterval[], minutes: number): PlanTotals {
  const hours = minutes / 60;
  const planned = rows.filter((r) => r.staffedAgents !== null);
  const paid = (r: PlannedInterval) => (r.scheduledAgents ?? 0) * hours;
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

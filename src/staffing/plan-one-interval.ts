// One interval of a staffing plan: agents required for the target, the SL Erlang predicts with
// the staffed agents, and the cost of one more SL point. Limits: pure; steady state per interval.

import { agentsForTarget } from './agents-for-target.ts';
import { agentsForTargetErlangA } from './agents-for-target-erlang-a.ts';
import { erlangA } from './erlang-a.ts';
import { erlangC } from './erlang-c.ts';
import { intervalCost, type StaffingConstraint } from './scheduled-agents.ts';
import { slCostCurve } from './sl-cost-curve.ts';
import type { PooledObservation } from './weekday-profile.ts';

// 90 × (1 − 0.3) is 62.99999999999999 in floating point: never lose an agent to that.
const EPSILON = 1e-9;

export type StaffingModel = 'erlang-c' | 'erlang-a';

/** X/T: the fraction `sl` of contacts answered within `thresholdSeconds`. */
export interface ServiceTarget {
  readonly sl: number;
  readonly thresholdSeconds: number;
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
  /** The sums behind the observed ratios, so they re-aggregate (all days of a profile row). */
  readonly offered: number;
  readonly abandoned: number;
  readonly slNumerator: number;
  readonly slDenominator: number;
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

/** What planning one interval needs: the options plus what the whole history decided. */
export interface PlanContext {
  readonly target: ServiceTarget;
  readonly shrinkage: number;
  readonly maxOccupancy: number;
  readonly hourlyRate: number;
  /** Erlang A patience θ; null plans with Erlang C. */
  readonly patience: number | null;
  /** AHT of the whole history, for intervals that handled nothing. */
  readonly pooledAht: number | null;
  /** Interval length in seconds. */
  readonly seconds: number;
}

/** Required and predicted agents, SL and cost for one observed (or pooled) interval. */
export function planOneInterval(o: PooledObservation, c: PlanContext): PlannedInterval {
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
    offered: o.offered,
    abandoned: o.abandoned,
    slNumerator: o.slNumerator,
    slDenominator: o.slDenominator,
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

// One interval of a staffing plan: agents required for the target, the SL Erlang predicts with
// the staffed agents, and the cost of one more SL point. Limits: pure; steady state per interval.

import { agentsForTarget } from './agents-for-target.ts';
import { agentsForTargetErlangA } from './agents-for-target-erlang-a.ts';
import { erlangA } from './erlang-a.ts';
import { erlangC } from './erlang-c.ts';
import { scheduledAgents, type StaffingConstraint } from './scheduled-agents.ts';
import { MIN_POINT_GAIN } from './sl-cost-curve.ts';
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
  /** Local start 'YYYY-MM-DD HH:MM' (a backlog's rows: the day 'YYYY-MM-DD'); null in a profile. */
  readonly intervalStart: string | null;
  /** The queue planned; null on a row that adds up every queue of the plan. */
  readonly queue: string | null;
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
  readonly answered: number;
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
  /** Agents on duty (present, not on a break) where the staffing table gives them. */
  readonly onDutyAgents: number | null;
  /**
   * The agents Erlang sees: on duty where known, else staffed × (1 − shrinkage); unrounded (a
   * mean over the interval), the prediction interpolates between the whole counts around it.
   */
  readonly productiveAgents: number | null;
  readonly predictedServiceLevel: number | null;
  readonly predictedAsaSeconds: number | null;
  /** Erlang A only: P(abandon) with the staffed agents, to set against the observed rate. */
  readonly predictedAbandonRate: number | null;
  readonly hourlyRate: number;
  /** Scheduled (whole) agents × hours × rate. */
  readonly requiredCost: number | null;
  readonly staffedCost: number | null;
  /** Cost per interval of raising the target by one point (target + 0.01), from slCostCurve. */
  readonly extraPointCost: number | null;
  /**
   * At the required agents: what the next agent on contacts costs (its scheduled heads) per SL
   * point it adds. Null when it adds less than 0.05 points (the quotient would mean nothing).
   */
  readonly marginalCostPerPoint: number | null;
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
  /** Contacts an agent handles at once (chat); Erlang's servers are agents × this. */
  readonly concurrency: number;
}

/** Required and predicted agents, SL and cost for one observed (or pooled) interval. */
export function planOneInterval(o: PooledObservation, c: PlanContext): PlannedInterval {
  const { target, shrinkage, seconds } = c;
  const k = c.concurrency;
  const aht = o.handled > 0 ? o.handleSeconds / o.handled : c.pooledAht;
  const rate = o.hourlyRate ?? c.hourlyRate;
  const load =
    aht === null ? null : { volume: o.volume, intervalSeconds: seconds, ahtSeconds: aht };
  // Erlang's servers are contact slots: an agent with concurrency k is k servers.
  const need = load === null ? null : slotsFor(load, target.sl, c);
  const agents = need === null ? null : Math.max(0, Math.ceil(need.rawAgents / k - EPSILON));
  const scheduled = agents === null ? null : scheduledAgents(agents, shrinkage);
  const cost = (heads: number) => heads * (seconds / 3600) * rate;
  const productive =
    o.agentsOnDuty !== null
      ? o.agentsOnDuty
      : o.agentsStaffed === null
        ? null
        : o.agentsStaffed * (1 - shrinkage);
  const predicted =
    load && productive !== null && o.volume > 0 ? interpolated(load, productive * k, c) : null;
  const next = target.sl + 0.01;
  const more =
    need === null || load === null || next >= 1 || agents === 0
      ? null
      : Math.ceil(slotsFor(load, next, c).rawAgents / k - EPSILON);
  return {
    intervalStart: o.intervalStart,
    queue: o.queue ?? null,
    utcOffsetMinutes: o.utcOffsetMinutes,
    weekday: o.weekday,
    slot: o.slot,
    days: o.days,
    volume: o.volume,
    ahtSeconds: aht,
    ahtFromPeriod: o.handled === 0 && aht !== null,
    observedServiceLevel: o.slDenominator > 0 ? o.slNumerator / o.slDenominator : null,
    offered: o.offered,
    answered: o.answered,
    abandoned: o.abandoned,
    slNumerator: o.slNumerator,
    slDenominator: o.slDenominator,
    observedAsaSeconds: o.answered > 0 ? o.answeredWaitSeconds / o.answered : null,
    observedAbandonRate: o.offered > 0 ? o.abandoned / o.offered : null,
    trafficErlangs: need?.trafficErlangs ?? null,
    requiredAgents: agents,
    scheduledAgents: scheduled,
    bindingConstraint: need?.bindingConstraint ?? null,
    staffedAgents: o.agentsStaffed,
    onDutyAgents: o.agentsOnDuty,
    productiveAgents: productive,
    predictedServiceLevel: predicted?.serviceLevel ?? null,
    predictedAsaSeconds: predicted?.asaSeconds ?? null,
    predictedAbandonRate: predicted?.abandonRate ?? null,
    hourlyRate: rate,
    requiredCost: scheduled === null ? null : cost(scheduled),
    staffedCost: o.agentsStaffed === null ? null : cost(o.agentsStaffed),
    extraPointCost:
      scheduled === null || next >= 1
        ? null
        : agents === 0
          ? 0
          : cost(scheduledAgents(more!, shrinkage) - scheduled),
    marginalCostPerPoint:
      load === null || agents === null || agents === 0 || scheduled === null
        ? null
        : nextAgentCost(load, agents, scheduled, cost, c),
  };
}

/** Slots (servers) for an SL target, with shrinkage and the occupancy cap of the context. */
function slotsFor(load: Load, sl: number, c: PlanContext) {
  const ask = {
    ...load,
    targetSl: sl,
    thresholdSeconds: c.target.thresholdSeconds,
    shrinkage: c.shrinkage,
    maxOccupancy: c.maxOccupancy,
  };
  return c.patience === null
    ? agentsForTarget(ask)
    : agentsForTargetErlangA({ ...ask, patienceSeconds: c.patience });
}

/** The next agent's cost (its extra scheduled heads) per SL point its k slots add. */
function nextAgentCost(
  load: Load,
  agents: number,
  scheduled: number,
  cost: (heads: number) => number,
  c: PlanContext,
): number | null {
  const k = c.concurrency;
  const gain =
    (predict(load, (agents + 1) * k, c).serviceLevel - predict(load, agents * k, c).serviceLevel) *
    100;
  if (gain < MIN_POINT_GAIN) return null;
  return cost(scheduledAgents(agents + 1, c.shrinkage) - scheduled) / gain;
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

/**
 * Erlang at a mean of `agents` on duty: `floor` of them for part of the interval and one more for
 * the rest, so the figures are the time-weighted mix of the two whole counts.
 */
function interpolated(load: Load, agents: number, c: PlanContext) {
  const low = Math.floor(agents + EPSILON);
  const f = agents - low;
  const a = predict(load, low, c);
  if (f < EPSILON) return a;
  const b = predict(load, low + 1, c);
  const mix = (x: number | null, y: number | null) =>
    x === null || y === null ? null : (1 - f) * x + f * y;
  return {
    serviceLevel: (1 - f) * a.serviceLevel + f * b.serviceLevel,
    asaSeconds: mix(a.asaSeconds, b.asaSeconds),
    abandonRate: mix(a.abandonRate, b.abandonRate),
  };
}

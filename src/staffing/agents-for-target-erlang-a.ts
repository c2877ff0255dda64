// Turns a service-level target into agents per interval with Erlang A (callers may abandon).
// Limits: SL counts abandons against the target (A≤T / (A + Ab)); patience must be estimated.

import type { AgentsForTargetOptions } from './agents-for-target.ts';
import { erlangAMetrics } from './erlang-a.ts';
import type { ErlangAResult } from './erlang-a.ts';
import { trafficChecks, trafficErlangs } from './erlang-c.ts';
import { agentScanLimit, scheduledAgents } from './scheduled-agents.ts';
import type { StaffingConstraint } from './scheduled-agents.ts';
import { validateStaffingInput } from './staffing-input-error.ts';

export interface AgentsForTargetErlangAOptions extends AgentsForTargetOptions {
  /** Mean patience θ in seconds. */
  readonly patienceSeconds: number;
  /** Highest acceptable P(abandon), 0..1. Default 1 (no cap). */
  readonly maxAbandonProbability?: number;
}

export interface AgentsForTargetErlangAResult extends Omit<ErlangAResult, 'agents'> {
  /** Agents needed on the phones (before shrinkage). */
  readonly rawAgents: number;
  /** Agents to schedule: ceil(rawAgents / (1 − shrinkage)). */
  readonly scheduledAgents: number;
  readonly bindingConstraint: StaffingConstraint;
}

// A target equal to an achieved level must count as met despite rounding in the last bits.
const TOLERANCE = 1e-12;

/**
 * Smallest N (Erlang A) meeting the SL target (answered within T / all arrivals), the occupancy
 * cap and the abandonment cap. Every N >= 1 is stable with abandonment; the scan starts at the
 * bounds below and steps up one agent at a time.
 */
export function agentsForTargetErlangA(
  options: AgentsForTargetErlangAOptions,
): AgentsForTargetErlangAResult {
  const { targetSl, thresholdSeconds, ahtSeconds, patienceSeconds } = options;
  const { shrinkage = 0, maxOccupancy = 1, maxAbandonProbability = 1 } = options;
  validateStaffingInput({
    ...trafficChecks(options),
    targetSl: [targetSl, 'fraction'],
    thresholdSeconds: [thresholdSeconds, 'nonNegative'],
    patienceSeconds: [patienceSeconds, 'positive'],
    shrinkage: [shrinkage, 'fractionBelowOne'],
    maxOccupancy: [maxOccupancy, 'fractionAboveZero'],
    maxAbandonProbability: [maxAbandonProbability, 'fraction'],
  });
  const traffic = trafficErlangs(options);
  const unmet = (r: ErlangAResult): StaffingConstraint | undefined => {
    if (r.serviceLevel < targetSl - TOLERANCE) return 'serviceLevel';
    if (r.abandonProbability > maxAbandonProbability + TOLERANCE) return 'abandonment';
    if (r.occupancy > maxOccupancy + TOLERANCE) return 'occupancy';
    return undefined;
  };
  const limit = agentScanLimit(traffic, maxOccupancy);
  const result = (r: ErlangAResult, n: number, binding: StaffingConstraint) => ({
    rawAgents: n,
    scheduledAgents: scheduledAgents(n, shrinkage),
    bindingConstraint: binding,
    trafficErlangs: r.trafficErlangs,
    waitProbability: r.waitProbability,
    abandonProbability: r.abandonProbability,
    abandonWithinThresholdProbability: r.abandonWithinThresholdProbability,
    serviceLevel: r.serviceLevel,
    serviceLevelOfAnswered: r.serviceLevelOfAnswered,
    asaSeconds: r.asaSeconds,
    meanWaitSeconds: r.meanWaitSeconds,
    occupancy: r.occupancy,
  });
  if (traffic === 0) {
    return result(erlangAMetrics(0, 1, ahtSeconds, thresholdSeconds, patienceSeconds), 0, 'none');
  }
  // Carried load A(1 − P(Ab)) cannot exceed N, so SL <= P(answered) <= N / A and
  // P(Ab) >= 1 − N / A: counts below these bounds fail for sure, and skipping them avoids
  // their huge queues.
  const slBound = Math.ceil(traffic * targetSl - 1e-9);
  const abandonBound = Math.ceil(traffic * (1 - maxAbandonProbability) - 1e-9);
  const first = Math.max(1, slBound, abandonBound);
  let previous: StaffingConstraint =
    first === 1 ? 'none' : slBound >= abandonBound ? 'serviceLevel' : 'abandonment';
  for (let n = first; n <= limit; n++) {
    const r = erlangAMetrics(traffic, n, ahtSeconds, thresholdSeconds, patienceSeconds);
    const failing = unmet(r);
    if (failing === undefined) return result(r, n, previous);
    previous = failing;
  }
  throw new Error(`Erlang A scan passed ${limit} agents without meeting the targets`);
}

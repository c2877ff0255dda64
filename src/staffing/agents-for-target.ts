// Turns a service-level target into agents per interval with Erlang C, then adds shrinkage.
// Limits: Erlang C ignores abandonment, so it overstaffs where callers hang up (see erlang-a).

import { erlangB, erlangCMetrics, trafficChecks, trafficErlangs } from './erlang-c.ts';
import type { TrafficOptions } from './erlang-c.ts';
import { agentScanLimit, agentsForOccupancy, scheduledAgents } from './scheduled-agents.ts';
import type { StaffingConstraint } from './scheduled-agents.ts';
import { validateStaffingInput } from './staffing-input-error.ts';

export interface AgentsForTargetOptions extends TrafficOptions {
  /** Service level target as a fraction, 0..1 (0.8 for 80/20). */
  readonly targetSl: number;
  /** Threshold T in seconds (20 for 80/20). */
  readonly thresholdSeconds: number;
  /** Fraction of paid time not on the phones, 0 up to (not including) 1. Default 0. */
  readonly shrinkage?: number;
  /** Highest acceptable occupancy A / N, above 0 and at most 1. Default 1 (no cap). */
  readonly maxOccupancy?: number;
}

export interface AgentsForTargetResult {
  /** Agents needed on the phones (before shrinkage). */
  readonly rawAgents: number;
  /** Agents to schedule: ceil(rawAgents / (1 − shrinkage)). */
  readonly scheduledAgents: number;
  readonly bindingConstraint: StaffingConstraint;
  readonly trafficErlangs: number;
  /** Achieved with `rawAgents`. */
  readonly serviceLevel: number;
  readonly asaSeconds: number;
  readonly waitProbability: number;
  readonly occupancy: number;
}

// A target equal to an achieved level must count as met despite rounding in the last bits.
const SL_TOLERANCE = 1e-12;

/** Smallest agent count (Erlang C) that meets the SL target and the occupancy cap. */
export function agentsForTarget(options: AgentsForTargetOptions): AgentsForTargetResult {
  const { targetSl, thresholdSeconds, ahtSeconds, shrinkage = 0, maxOccupancy = 1 } = options;
  validateStaffingInput({
    ...trafficChecks(options),
    targetSl: [targetSl, 'fraction'],
    thresholdSeconds: [thresholdSeconds, 'nonNegative'],
    shrinkage: [shrinkage, 'fractionBelowOne'],
    maxOccupancy: [maxOccupancy, 'fractionAboveZero'],
  });
  const traffic = trafficErlangs(options);
  if (traffic === 0) {
    return {
      rawAgents: 0,
      scheduledAgents: 0,
      bindingConstraint: 'none',
      trafficErlangs: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      waitProbability: 0,
      occupancy: 0,
    };
  }
  const stableFrom = Math.floor(traffic) + 1;
  const occupancyFrom = agentsForOccupancy(traffic, maxOccupancy);
  const limit = agentScanLimit(traffic, maxOccupancy);
  // B(n) is carried along the scan, so the whole search costs O(N), not O(N²).
  let blocking = 1;
  let slFrom = 0;
  for (let n = 1; n <= limit; n++) {
    blocking = (traffic * blocking) / (n + traffic * blocking);
    if (n < stableFrom) continue;
    const m = erlangCMetrics(traffic, n, blocking, ahtSeconds, thresholdSeconds);
    if (m.serviceLevel >= targetSl - SL_TOLERANCE) {
      slFrom = n;
      break;
    }
  }
  if (slFrom === 0) throw new Error(`Erlang C scan passed ${limit} agents without reaching SL`);
  const raw = Math.max(slFrom, occupancyFrom);
  const achieved = erlangCMetrics(
    traffic,
    raw,
    erlangB(traffic, raw),
    ahtSeconds,
    thresholdSeconds,
  );
  return {
    rawAgents: raw,
    scheduledAgents: scheduledAgents(raw, shrinkage),
    bindingConstraint:
      occupancyFrom > slFrom ? 'occupancy' : slFrom > stableFrom ? 'serviceLevel' : 'stability',
    trafficErlangs: traffic,
    serviceLevel: achieved.serviceLevel,
    asaSeconds: achieved.asaSeconds,
    waitProbability: achieved.waitProbability,
    occupancy: achieved.occupancy,
  };
}

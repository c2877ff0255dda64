// Shrinkage, occupancy and cost arithmetic shared by the planners and the cost curve.
// Limits: shrinkage is one average fraction of paid time; no per-activity breakdown.

/** Which requirement set the agent count: the first one not yet met one agent lower. */
export type StaffingConstraint =
  'none' | 'stability' | 'serviceLevel' | 'occupancy' | 'abandonment';

// Float quotients such as 14 / 0.7 can land a hair above a whole number; never round that up.
const EPSILON = 1e-9;

/** Scheduled headcount for `rawAgents` on the phones: ceil(raw / (1 − shrinkage)). */
export function scheduledAgents(rawAgents: number, shrinkage: number): number {
  return Math.max(0, Math.ceil(rawAgents / (1 - shrinkage) - EPSILON));
}

/** Fewest agents that keep occupancy A / N at or below `maxOccupancy`. */
export function agentsForOccupancy(trafficErlangs: number, maxOccupancy: number): number {
  return Math.max(1, Math.ceil(trafficErlangs / maxOccupancy - EPSILON));
}

/**
 * Paid agent time for one interval: the scheduled headcount (whole people, as in the `scheduled`
 * column) × hours × rate.
 */
export function intervalCost(
  rawAgents: number,
  shrinkage: number,
  intervalSeconds: number,
  hourlyRate: number,
): number {
  return scheduledAgents(rawAgents, shrinkage) * (intervalSeconds / 3600) * hourlyRate;
}

/**
 * Guard against runaway scans: well above any count a target in [0, 1] can need (a P(W) below
 * 1e-16 needs about A + 9·√A agents), so reaching it means a broken invariant.
 */
export function agentScanLimit(trafficErlangs: number, maxOccupancy = 1): number {
  return Math.ceil(trafficErlangs / maxOccupancy + 30 * Math.sqrt(trafficErlangs) + 1000);
}

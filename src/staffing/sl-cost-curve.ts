// The cost of service level: agents, SL, ASA, occupancy and cost per interval for each extra agent.
// Limits: cost is paid agent time only (no overheads); Erlang C unless a patience is given.

import { erlangAMetrics } from './erlang-a.ts';
import { erlangB, erlangCMetrics, trafficChecks, trafficErlangs } from './erlang-c.ts';
import type { TrafficOptions } from './erlang-c.ts';
import { agentScanLimit, intervalCost, scheduledAgents } from './scheduled-agents.ts';
import { validateStaffingInput } from './staffing-input-error.ts';

export interface SlCostCurveOptions extends TrafficOptions {
  readonly thresholdSeconds: number;
  /** Cost of one paid agent hour (any currency). */
  readonly hourlyRate: number;
  /** Fraction of paid time not on the phones, 0 up to (not including) 1. Default 0. */
  readonly shrinkage?: number;
  /** Stop at the first agent count whose SL reaches this. Default 0.99. */
  readonly untilServiceLevel?: number;
  /** First agent count; default the smallest stable one, floor(A) + 1. */
  readonly fromAgents?: number;
  /** Mean patience θ in seconds: switches the model to Erlang A. */
  readonly patienceSeconds?: number;
  /** Stop after this many rows even when `untilServiceLevel` is not reached yet. */
  readonly maxRows?: number;
}

/** Below this SL gain (in points) a cost per point is a quotient of rounding noise: null. */
export const MIN_POINT_GAIN = 0.05;

export interface SlCostPoint {
  /** Agents on the phones. */
  readonly agents: number;
  /** Headcount to schedule: ceil(agents / (1 − shrinkage)). */
  readonly scheduledAgents: number;
  readonly serviceLevel: number;
  readonly asaSeconds: number;
  readonly occupancy: number;
  /** P(abandon); 0 under Erlang C. */
  readonly abandonProbability: number;
  /** Scheduled (whole) agents × interval hours × hourlyRate. */
  readonly costPerInterval: number;
  /**
   * Extra cost per extra SL percentage point versus the row before: Δcost / (ΔSL × 100).
   * Null on the first row and when SL rose by less than MIN_POINT_GAIN points (near 100 %, or
   * between unstable counts), where the quotient would be huge and meaningless.
   */
  readonly marginalCostPerPoint: number | null;
}

/** One row per agent count from `fromAgents` up to the first reaching `untilServiceLevel`. Pure. */
export function slCostCurve(options: SlCostCurveOptions): readonly SlCostPoint[] {
  const { thresholdSeconds, hourlyRate, ahtSeconds, intervalSeconds, patienceSeconds } = options;
  const { shrinkage = 0, untilServiceLevel = 0.99, fromAgents, maxRows = Infinity } = options;
  validateStaffingInput({
    ...trafficChecks(options),
    thresholdSeconds: [thresholdSeconds, 'nonNegative'],
    hourlyRate: [hourlyRate, 'nonNegative'],
    shrinkage: [shrinkage, 'fractionBelowOne'],
    untilServiceLevel: [untilServiceLevel, 'fractionAboveZero'],
    ...(fromAgents === undefined ? {} : { fromAgents: [fromAgents, 'positiveInteger'] }),
    ...(patienceSeconds === undefined ? {} : { patienceSeconds: [patienceSeconds, 'positive'] }),
  });
  const traffic = trafficErlangs(options);
  const first = fromAgents ?? Math.floor(traffic) + 1;
  const limit = Math.max(first, agentScanLimit(traffic));
  const rows: SlCostPoint[] = [];
  const evaluate = (n: number, blocking: number) =>
    patienceSeconds === undefined
      ? {
          ...erlangCMetrics(traffic, n, blocking, ahtSeconds, thresholdSeconds),
          abandonProbability: 0,
        }
      : erlangAMetrics(traffic, n, ahtSeconds, thresholdSeconds, patienceSeconds);
  // Erlang B is carried along the rows (B(n) from B(n − 1)), so the curve costs O(N) for Erlang C.
  let blocking = erlangB(traffic, first - 1);
  for (let n = first; n <= limit; n++) {
    blocking = (traffic * blocking) / (n + traffic * blocking);
    const m = evaluate(n, blocking);
    const cost = intervalCost(n, shrinkage, intervalSeconds, hourlyRate);
    const prev = rows.at(-1);
    const gain = prev === undefined ? 0 : (m.serviceLevel - prev.serviceLevel) * 100;
    rows.push({
      agents: n,
      scheduledAgents: scheduledAgents(n, shrinkage),
      serviceLevel: m.serviceLevel,
      asaSeconds: m.asaSeconds,
      occupancy: m.occupancy,
      abandonProbability: m.abandonProbability,
      costPerInterval: cost,
      marginalCostPerPoint:
        prev === undefined || gain < MIN_POINT_GAIN ? null : (cost - prev.costPerInterval) / gain,
    });
    if (m.serviceLevel >= untilServiceLevel || rows.length >= maxRows) return rows;
  }
  throw new Error(`SL cost curve passed ${limit} agents without reaching ${untilServiceLevel}`);
}

// Erlang C (M/M/N, no abandonment): traffic, probability of waiting, service level, ASA, occupancy.
// Limits: Poisson arrivals, exponential handle times, infinite patience, steady state per interval.

import { validateStaffingInput } from './staffing-input-error.ts';
import type { StaffingRule } from './staffing-input-error.ts';

/** The load offered in one interval. */
export interface TrafficOptions {
  /** Contacts arriving in the interval. */
  readonly volume: number;
  /** Interval length in seconds (e.g. 1800 for 30 minutes). */
  readonly intervalSeconds: number;
  /** Average handle time in seconds. */
  readonly ahtSeconds: number;
}

export interface ErlangCOptions extends TrafficOptions {
  /** Agents taking contacts (after shrinkage), a whole number >= 1. */
  readonly agents: number;
  /** Service level threshold T in seconds ("answered within T"). */
  readonly thresholdSeconds: number;
}

export interface ErlangCResult {
  readonly agents: number;
  /** Offered traffic A in erlangs: volume × AHT / interval. */
  readonly trafficErlangs: number;
  /** False when agents <= traffic: the queue grows without bound. */
  readonly stable: boolean;
  /** P(W): probability an arrival waits at all. 1 when unstable. */
  readonly waitProbability: number;
  /** P(wait <= T) over all arrivals (all are answered in Erlang C). 0 when unstable. */
  readonly serviceLevel: number;
  /** Average speed of answer in seconds. Infinity when unstable. */
  readonly asaSeconds: number;
  /** Busy fraction A / N; capped at 1 when unstable (agents can be busy at most all the time). */
  readonly occupancy: number;
}

/** The checks every staffing function runs on its traffic options (merged with its own). */
export function trafficChecks(
  options: TrafficOptions,
): Record<string, readonly [unknown, StaffingRule]> {
  return {
    volume: [options.volume, 'nonNegative'],
    intervalSeconds: [options.intervalSeconds, 'positive'],
    ahtSeconds: [options.ahtSeconds, 'positive'],
  };
}

/** Offered traffic A = volume × AHT / interval, in erlangs. */
export function trafficErlangs(options: TrafficOptions): number {
  validateStaffingInput(trafficChecks(options));
  return (options.volume * options.ahtSeconds) / options.intervalSeconds;
}

/**
 * Erlang B blocking probability by the recursion B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1)):
 * every step stays in [0, 1], so hundreds of erlangs neither overflow nor lose precision.
 */
export function erlangB(traffic: number, agents: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (traffic * b) / (n + traffic * b);
  return b;
}

/** Erlang C from Erlang B: C = N·B / (N − A(1 − B)); 1 when N <= A (unstable). */
export function erlangCFromB(traffic: number, agents: number, blocking: number): number {
  if (agents <= traffic) return 1;
  const c = (agents * blocking) / (agents - traffic * (1 - blocking));
  return Math.min(1, Math.max(0, c));
}

/** P(W) of Erlang C: the probability that an arrival has to wait. */
export function erlangCWaitProbability(traffic: number, agents: number): number {
  return erlangCFromB(traffic, agents, erlangB(traffic, agents));
}

/** Metrics for known traffic and Erlang B value; used by the scans so B is updated, not redone. */
export function erlangCMetrics(
  traffic: number,
  agents: number,
  blocking: number,
  ahtSeconds: number,
  thresholdSeconds: number,
): ErlangCResult {
  if (agents <= traffic) {
    return {
      agents,
      trafficErlangs: traffic,
      stable: false,
      waitProbability: 1,
      serviceLevel: 0,
      asaSeconds: Infinity,
      occupancy: 1,
    };
  }
  const pw = erlangCFromB(traffic, agents, blocking);
  const spare = agents - traffic;
  return {
    agents,
    trafficErlangs: traffic,
    stable: true,
    waitProbability: pw,
    serviceLevel: Math.max(0, 1 - pw * Math.exp((-spare * thresholdSeconds) / ahtSeconds)),
    asaSeconds: (pw * ahtSeconds) / spare,
    occupancy: traffic / agents,
  };
}

/** Erlang C metrics for one interval and agent count. */
export function erlangC(options: ErlangCOptions): ErlangCResult {
  const { agents, thresholdSeconds, ahtSeconds } = options;
  validateStaffingInput({
    ...trafficChecks(options),
    agents: [agents, 'positiveInteger'],
    thresholdSeconds: [thresholdSeconds, 'nonNegative'],
  });
  const traffic = trafficErlangs(options);
  return erlangCMetrics(traffic, agents, erlangB(traffic, agents), ahtSeconds, thresholdSeconds);
}

// Erlang A (M/M/N+M, exponential patience): waiting, abandonment, service level and ASA.
// Limits: Poisson arrivals, exponential handle and patience times, FCFS, steady state per interval.

import { trafficChecks, trafficErlangs } from './erlang-c.ts';
import type { ErlangCOptions } from './erlang-c.ts';
import { erlangAStationary } from './erlang-a-chain.ts';
import { validateStaffingInput } from './staffing-input-error.ts';

export interface ErlangAOptions extends ErlangCOptions {
  /** Mean patience θ in seconds: how long a waiting contact stays before abandoning, on average. */
  readonly patienceSeconds: number;
}

export interface ErlangAResult {
  readonly agents: number;
  readonly trafficErlangs: number;
  /** P(wait > 0): an arrival finds every agent busy. */
  readonly waitProbability: number;
  /** P(Ab): an arrival abandons before being answered. */
  readonly abandonProbability: number;
  /** P(Ab ≤ T): an arrival abandons within the threshold. */
  readonly abandonWithinThresholdProbability: number;
  /** Answered within T / all arrivals, i.e. A≤T / (A + Ab): abandons count against SL. */
  readonly serviceLevel: number;
  /** Answered within T / answered, i.e. A≤T / A. */
  readonly serviceLevelOfAnswered: number;
  /** Mean wait of answered contacts, in seconds. */
  readonly asaSeconds: number;
  /** Mean time in queue of all arrivals, answered or abandoned: θ·P(Ab). */
  readonly meanWaitSeconds: number;
  /** Mean busy agents / N (carried, not offered, load). */
  readonly occupancy: number;
}

/** Erlang A metrics for one interval and agent count. */
export function erlangA(options: ErlangAOptions): ErlangAResult {
  const { agents, thresholdSeconds, ahtSeconds, patienceSeconds } = options;
  validateStaffingInput({
    ...trafficChecks(options),
    agents: [agents, 'positiveInteger'],
    thresholdSeconds: [thresholdSeconds, 'nonNegative'],
    patienceSeconds: [patienceSeconds, 'positive'],
  });
  return erlangAMetrics(
    trafficErlangs(options),
    agents,
    ahtSeconds,
    thresholdSeconds,
    patienceSeconds,
  );
}

/**
 * The metrics from validated numbers. A contact arriving to find n ≥ N in the system is the m-th
 * in queue (m = n − N + 1). With time in AHTs, a = N and g = AHT/θ, each step forward takes an
 * Exp(a + i·g) time (i = contacts still ahead) while its own patience runs at rate g, so
 *   P(answered | m) = a / (a + m·g)
 *   its wait given answered = Σ_{k=1..m} Exp(a + k·g), so E = Σ 1/(a + k·g), and
 *   P(that sum ≤ t) = I_x(m, a/g + 1) with x = 1 − e^{−g·t} (an order statistic of exponentials),
 *   P(still waiting at t) = e^{−g·t} · (1 − I_x(m, a/g)), as patience and progress are independent.
 * I_x(m, b) = P(NegBin(b, x) ≥ m), whose pmf is summed term by term in log space: no
 * cancellation, no overflow, O(K) for the whole chain.
 */
export function erlangAMetrics(
  traffic: number,
  agents: number,
  ahtSeconds: number,
  thresholdSeconds: number,
  patienceSeconds: number,
): ErlangAResult {
  const base = { agents, trafficErlangs: traffic };
  if (traffic === 0) {
    return {
      ...base,
      waitProbability: 0,
      abandonProbability: 0,
      abandonWithinThresholdProbability: 0,
      serviceLevel: 1,
      serviceLevelOfAnswered: 1,
      asaSeconds: 0,
      meanWaitSeconds: 0,
      occupancy: 0,
    };
  }
  const g = ahtSeconds / patienceSeconds;
  const t = thresholdSeconds / ahtSeconds;
  const pi = erlangAStationary(traffic, agents, g);
  const a = agents;
  const c = a / g;
  let immediate = 0;
  let busy = 0;
  for (let n = 0; n < agents; n++) {
    immediate += pi[n]!;
    busy += n * pi[n]!;
  }
  const logX = Math.log(-Math.expm1(-g * t));
  const stillPatient = Math.exp(-g * t);
  let logNbServed = -(a + g) * t; // NegBin(c + 1, x) pmf at k = 0: (1 − x)^{c+1}
  let logNbWait = -a * t; // NegBin(c, x) pmf at k = 0: (1 − x)^c
  let cdfServed = 0;
  let cdfWait = 0;
  let meanToServe = 0;
  let pWait = 0;
  let pAb = 0;
  let pServedByT = 0;
  let pWaitingAtT = 0;
  let servedWait = 0;
  for (let n = agents; n < pi.length; n++) {
    const m = n - agents + 1;
    const q = pi[n]!;
    cdfServed += Math.exp(logNbServed);
    logNbServed += logX + Math.log(m + c) - Math.log(m);
    cdfWait += Math.exp(logNbWait);
    logNbWait += logX + Math.log(m - 1 + c) - Math.log(m);
    const exit = a + m * g;
    const served = a / exit;
    meanToServe += 1 / exit;
    busy += agents * q;
    pWait += q;
    pAb += (q * m * g) / exit;
    pServedByT += q * served * Math.max(0, 1 - cdfServed);
    pWaitingAtT += q * stillPatient * Math.min(1, cdfWait);
    servedWait += q * served * meanToServe;
  }
  const answered = 1 - pAb;
  const serviceLevel = Math.min(1, immediate + pServedByT);
  return {
    ...base,
    waitProbability: pWait,
    abandonProbability: pAb,
    abandonWithinThresholdProbability: Math.max(0, pWait - pServedByT - pWaitingAtT),
    serviceLevel,
    serviceLevelOfAnswered: Math.min(1, serviceLevel / answered),
    asaSeconds: (servedWait / answered) * ahtSeconds,
    meanWaitSeconds: pAb * patienceSeconds,
    occupancy: busy / agents,
  };
}

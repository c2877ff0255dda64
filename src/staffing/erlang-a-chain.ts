// Stationary distribution of the Erlang A (M/M/N+M) birth–death chain, built in log space.
// Limits: truncated once the remaining tail mass is below 1e-12; refuses chains above 2M states.

import { StaffingInputError } from './staffing-input-error.ts';

const LOG_TAIL_MASS = Math.log(1e-12);
export const MAX_CHAIN_STATES = 2_000_000;

const logAddExp = (x: number, y: number): number => {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  const hi = Math.max(x, y);
  return hi + Math.log1p(Math.exp(-Math.abs(x - y)));
};

/**
 * π_n, n = 0..K, of the M/M/N+M queue with time measured in AHTs: birth rate A (traffic in
 * erlangs), death rate min(n, N) + max(n − N, 0)·g, where g = AHT / mean patience. Weights are
 * kept as logs, so 500 erlangs neither overflow nor underflow. Past N the ratios π_{n+1}/π_n fall,
 * so once one is below 1 the tail is bounded by a geometric series; we stop when that bound is
 * below 1e-12 of the mass so far.
 */
export function erlangAStationary(
  traffic: number,
  agents: number,
  abandonRatio: number,
): Float64Array {
  const logA = Math.log(traffic);
  const logW: number[] = [0];
  let logSum = 0;
  for (let n = 1; ; n++) {
    const death = Math.min(n, agents) + Math.max(n - agents, 0) * abandonRatio;
    const lw = logW[n - 1]! + logA - Math.log(death);
    logW.push(lw);
    logSum = logAddExp(logSum, lw);
    if (n >= agents) {
      const next = traffic / (agents + (n + 1 - agents) * abandonRatio);
      if (next < 1 && lw + Math.log(next / (1 - next)) < logSum + LOG_TAIL_MASS) break;
    }
    if (logW.length >= MAX_CHAIN_STATES) {
      throw new StaffingInputError([
        {
          parameter: 'patienceSeconds',
          value: `AHT/${abandonRatio} with ${agents} agents for ${traffic} erlangs`,
          expected:
            `short enough for the queue to settle within ${MAX_CHAIN_STATES} states ` +
            '(use Erlang C when callers practically never abandon)',
        },
      ]);
    }
  }
  const pi = new Float64Array(logW.length);
  for (let n = 0; n < logW.length; n++) pi[n] = Math.exp(logW[n]! - logSum);
  return pi;
}

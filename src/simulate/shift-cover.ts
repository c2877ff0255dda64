// Shifts that cover the agents needed per interval: a greedy cover of each open stretch.
// Limits: starts a shift at the first interval short of agents; not an optimised roster.

import type { SimModel } from './sim-model.ts';

/** Open stretches of a day as [from, to) interval indexes. */
export function segments(open: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < open.length; i++) {
    if (!open[i] || (i > 0 && open[i - 1])) continue;
    let j = i;
    while (j < open.length && open[j]) j++;
    out.push([i, j]);
  }
  return out;
}

/** Greedy cover: start shifts at the first interval short of agents (shorter near closing). */
export function cover(need: Float64Array, open: Uint8Array, model: SimModel): [number, number][] {
  const perHour = 3600 / (model.scenario.interval_minutes * 60);
  const len = Math.max(1, Math.round(model.scenario.shifts.length_h * perHour));
  const minLen = Math.max(1, Math.round(model.scenario.shifts.min_length_h * perHour));
  const cov = new Float64Array(need.length);
  const out: [number, number][] = [];
  for (const [segStart, segEnd] of segments(open)) {
    for (let i = segStart; i < segEnd; i++) {
      while (cov[i]! < need[i]!) {
        // A full shift, unless what would be left before closing is too short for another shift.
        const left = segEnd - i;
        const length = left >= len + minLen ? len : left > len ? left - minLen : left;
        let from = i;
        let to = i + length;
        if (length < minLen) {
          from = Math.max(segStart, segEnd - minLen);
          to = Math.min(segEnd, from + minLen);
        }
        for (let j = from; j < to; j++) cov[j]! += 1;
        out.push([from, to]);
      }
    }
  }
  return out;
}

/** Agents scheduled per interval by a list of shifts. */
export function coverage(list: readonly (readonly [number, number])[], n: number): Float64Array {
  const c = new Float64Array(n);
  for (const [a, b] of list) for (let j = a; j < b; j++) c[j]! += 1;
  return c;
}

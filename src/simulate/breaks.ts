// Breaks of the shifts of one queue and day, spread so that about the same number of agents is
// on a break at any time: each break goes to the offset within ±1 h of its nominal time where the
// fewest are already away (the plan counts breaks as a flat share of paid time).
// Limits: greedy in shift order; 5-minute resolution; a shift keeps the breaks whose nominal time
// falls inside it.

import type { SimModel } from './sim-model.ts';

const STEP = 300;
const OFFSETS = [0, -900, 900, -1800, 1800, -2700, 2700, -3600, 3600];

export class BreakPlanner {
  private readonly away: Float64Array;

  constructor(
    private readonly model: SimModel,
    private readonly dayStart: number,
    dayEnd: number,
  ) {
    this.away = new Float64Array(Math.ceil((dayEnd - dayStart) / STEP) + 1);
  }

  /** Start/end pairs (seconds since simulation start) of the breaks of a shift [start, end). */
  place(start: number, end: number): number[] {
    const out: number[] = [];
    for (const b of this.model.scenario.shifts.breaks) {
      const length = b.minutes * 60;
      // A shorter shift keeps only the breaks that fall inside it at their nominal time.
      if (start + b.after_h * 3600 + length >= end) continue;
      let best: number | null = null;
      let bestCost = Infinity;
      for (const offset of OFFSETS) {
        const from = start + b.after_h * 3600 + offset;
        if (from <= start || from + length >= end) continue;
        const cost = this.cost(from, length);
        if (cost < bestCost - 1e-9) {
          best = from;
          bestCost = cost;
        }
      }
      if (best === null) continue;
      this.add(best, length);
      out.push(best, best + length);
    }
    return out;
  }

  private cost(from: number, length: number): number {
    let c = 0;
    for (let t = from; t < from + length; t += STEP) c += this.away[this.slot(t)] ?? 0;
    return c;
  }

  private add(from: number, length: number): void {
    for (let t = from; t < from + length; t += STEP) this.away[this.slot(t)]! += 1;
  }

  private slot(t: number): number {
    return Math.floor((t - this.dayStart) / STEP);
  }
}

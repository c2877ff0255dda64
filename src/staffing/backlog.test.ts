// The backlog model against flows worked out by hand: first in, first out, no work ahead of
// arrivals, items whose fate is unknown at the end left out; the agents per day for a target.

import { describe, expect, it } from 'vitest';
import { backlogNeed, backlogShare } from './backlog.ts';

const HOUR = 3600;

describe('backlogShare', () => {
  it('answers in arrival order at the agents’ pace (worked by hand)', () => {
    // 4 items arrive in hour 0; one agent works hours 1 and 2 at one item an hour; T = 2 h.
    // Followed at 4 points a quarter item each: positions 0.5, 1.5, 2.5, 3.5 arriving at
    // 0.125, 0.375, 0.625, 0.875 h. Position 0.5 is answered at 1.5 h (due 2.125 h: on time),
    // 1.5 at 2.5 h (due 2.375 h: late); 2.5 and 3.5 never, but are due before the end (8 h).
    const r = backlogShare(
      {
        arrivals: [4, 0, 0, 0, 0, 0, 0, 0],
        open: [0, 1, 1, 0, 0, 0, 0, 0],
        intervalSeconds: HOUR,
        ahtSeconds: HOUR,
        thresholdSeconds: 2 * HOUR,
        occupancy: 1,
      },
      [0, 1, 1, 0, 0, 0, 0, 0],
    );
    expect(r.share).toBe(0.25);
    expect(r.counted[0]).toBe(4);
    expect(r.onTime[0]).toBe(1);
  });

  it('does not bank idle time, never answers before arrival, leaves unknown fates out', () => {
    // Idle hours 0 and 1 cannot be spent on the 2 items of hour 2: one of them is answered.
    // Positions 0.25 and 0.75 are answered at 2.25 h and 2.75 h (arrived 2.125 h and 2.375 h,
    // due half an hour later: on time); 1.25 and 1.75 are still waiting at the end (3 h) and
    // due after it, so nobody knows yet whether they will be late: not counted.
    const r = backlogShare(
      {
        arrivals: [0, 0, 2],
        open: [1, 1, 1],
        intervalSeconds: HOUR,
        ahtSeconds: HOUR,
        thresholdSeconds: HOUR / 2,
        occupancy: 1,
      },
      [1, 1, 1],
    );
    expect(r.counted[2]).toBe(1);
    expect(r.share).toBe(1);
    // With room to spare an item is answered the moment it arrives: on time even for T = 0.
    const fast = backlogShare(
      {
        arrivals: [3, 3],
        open: [1, 1],
        intervalSeconds: HOUR,
        ahtSeconds: 60,
        thresholdSeconds: 0,
        occupancy: 0.5,
      },
      [5, 5],
    );
    expect(fast.share).toBe(1);
  });
});

/** `days` days of 24 hourly intervals, 10 items an hour, open 08:00–20:00 except `closed` days. */
function week(days: number, closed: readonly number[] = []) {
  const n = days * 24;
  const arrivals = new Array<number>(n).fill(10);
  const open = Array.from({ length: n }, (_, i) => {
    const h = i % 24;
    return !closed.includes(Math.floor(i / 24)) && h >= 8 && h < 20 ? 1 : 0;
  });
  const day = Array.from({ length: n }, (_, i) => Math.floor(i / 24));
  // 360 s an item: an agent answers 10 an hour, so a 12-hour day of 240 items needs 2 agents.
  return { arrivals, open, day, intervalSeconds: HOUR, ahtSeconds: 360, occupancy: 1 };
}

describe('backlogNeed', () => {
  it('gives Monday the weekend’s mail and scales all days by the smallest factor that works', () => {
    const load = week(14, [5, 6, 12, 13]);
    // Mail from Friday 20:00 to Sunday 20:00 cannot be answered within 24 h: 0.79 at best.
    const need = backlogNeed({ ...load, thresholdSeconds: 24 * HOUR, targetSl: 0.75 });
    const at = (d: number) => need.agents[d * 24 + 10]!;
    // Base levels: items since the previous close / (12 h × 10 an hour). Wednesday: 240 / 120;
    // the second Monday: Friday 20:00 to Monday 20:00 = 72 h of mail, 720 / 120.
    expect(at(7) / at(9)).toBeCloseTo(3, 9);
    expect(at(2) / need.factor).toBeCloseTo(2, 9);
    expect(need.agents[9 * 24 + 3]).toBe(0);
    expect(need.agents[5 * 24 + 10]).toBe(0);
    expect(need.share).toBeGreaterThanOrEqual(0.75);
    // The smallest factor: a little less misses the target.
    const less = backlogShare(
      { ...load, thresholdSeconds: 24 * HOUR },
      need.agents.map((a) => a * (1 - 2e-3)),
    );
    expect(less.share!).toBeLessThan(0.75);
    expect(need.reachable).toBe(true);
  });

  it('says when no staffing reaches the target and takes the best share reachable', () => {
    // Items arriving at night cannot be answered within an hour, whatever the staffing.
    const load = week(7);
    const need = backlogNeed({ ...load, thresholdSeconds: HOUR, targetSl: 0.99 });
    expect(need.reachable).toBe(false);
    const best = backlogShare(
      { ...load, thresholdSeconds: HOUR },
      need.agents.map((a) => a * 16),
    ).share!;
    expect(need.share!).toBeGreaterThan(best - 0.0051);
    expect(need.share!).toBeLessThan(0.99);
  });

  it('rejects bad input by name', () => {
    const load = week(1);
    expect(() =>
      backlogNeed({ ...load, thresholdSeconds: HOUR, targetSl: 1, ahtSeconds: 0 }),
    ).toThrow(/ahtSeconds.*targetSl/);
  });
});

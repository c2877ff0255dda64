import { describe, it, expect } from 'vitest';
import { erlangA } from './erlang-a.ts';
import { erlangB, erlangC } from './erlang-c.ts';
import { simulateQueue } from './simulate-queue.test-helper.ts';

const PYWORKFORCE = { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20 };

/**
 * Independent brute force for small queues: π by plain products (no logs, fixed 2000 states) and
 * P(Ab) by rate balance, λ·P(Ab) = γ·E[queue length], rather than per-contact as erlangA does.
 */
function bruteForce(a: number, n: number, ahtSeconds: number, patienceSeconds: number) {
  const g = ahtSeconds / patienceSeconds;
  const w = [1];
  for (let k = 1; k < 2000; k++)
    w.push((w[k - 1]! * a) / (Math.min(k, n) + Math.max(k - n, 0) * g));
  const z = w.reduce((s, x) => s + x, 0);
  const pi = w.map((x) => x / z);
  const queue = pi.reduce((s, p, k) => s + p * Math.max(k - n, 0), 0);
  const waiting = pi.slice(n).reduce((s, p) => s + p, 0);
  return { abandonProbability: (g * queue) / a, waitProbability: waiting };
}

describe('erlangA', () => {
  it('converges to Erlang C as patience grows without bound', () => {
    for (const [volume, agents] of [
      [100, 14],
      [100, 11],
      [5000, 520],
    ] as const) {
      const o = { ...PYWORKFORCE, volume, agents };
      const c = erlangC(o);
      const a = erlangA({ ...o, patienceSeconds: 1e12 });
      expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 6);
      expect(a.waitProbability).toBeCloseTo(c.waitProbability, 6);
      expect(a.asaSeconds).toBeCloseTo(c.asaSeconds, 4);
      expect(a.occupancy).toBeCloseTo(c.occupancy, 6);
      expect(a.abandonProbability).toBeLessThan(1e-8);
    }
    // The gap closes like 1/θ: ten times more patience, about ten times less difference.
    const gap = (patienceSeconds: number) =>
      erlangC({ ...PYWORKFORCE, agents: 11 }).asaSeconds -
      erlangA({ ...PYWORKFORCE, agents: 11, patienceSeconds }).asaSeconds;
    expect(gap(1e6) / gap(1e7)).toBeCloseTo(10, 0);
    expect(gap(1e8) / gap(1e9)).toBeCloseTo(10, 0);
    const a = erlangA({ ...PYWORKFORCE, agents: 14, patienceSeconds: 1e9 });
    expect(a.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(a.waitProbability).toBeCloseTo(0.1741, 4);
  });

  it('becomes the Erlang B loss system as patience goes to zero', () => {
    const a = erlangA({ ...PYWORKFORCE, agents: 14, patienceSeconds: 1e-6 });
    const b = erlangB(10, 14);
    expect(a.abandonProbability).toBeCloseTo(b, 8);
    expect(a.waitProbability).toBeCloseTo(b, 8);
    expect(a.serviceLevel).toBeCloseTo(1 - b, 8);
    expect(a.occupancy).toBeCloseTo((10 * (1 - b)) / 14, 8);
  });

  it('agrees with a brute-force chain and rate balance for P(Ab) and P(wait > 0)', () => {
    for (const [agents, patience] of [
      [8, 120],
      [5, 30],
      [12, 600],
      [1, 60],
    ] as const) {
      const a = erlangA({ ...PYWORKFORCE, volume: 80, agents, patienceSeconds: patience });
      const ref = bruteForce(8, agents, 180, patience);
      expect(a.abandonProbability).toBeCloseTo(ref.abandonProbability, 10);
      expect(a.waitProbability).toBeCloseTo(ref.waitProbability, 10);
    }
  });

  it('keeps its own identities: carried load and Little’s law', () => {
    const a = erlangA({ ...PYWORKFORCE, agents: 9, patienceSeconds: 90 });
    expect(a.occupancy * 9).toBeCloseTo(10 * (1 - a.abandonProbability), 10);
    expect(a.meanWaitSeconds).toBeCloseTo(90 * a.abandonProbability, 10);
    expect(a.serviceLevelOfAnswered).toBeCloseTo(a.serviceLevel / (1 - a.abandonProbability), 12);
    const t0 = erlangA({ ...PYWORKFORCE, agents: 9, patienceSeconds: 90, thresholdSeconds: 0 });
    expect(t0.serviceLevel).toBeCloseTo(1 - t0.waitProbability, 12);
    expect(t0.abandonWithinThresholdProbability).toBeCloseTo(0, 12);
  });

  it('matches a seeded simulation of the M/M/N+M queue', () => {
    for (const [traffic, agents, patience, threshold] of [
      [8, 8, 120, 20],
      [4, 5, 30, 10],
      [3, 2, 60, 30],
    ]) {
      const o = { volume: traffic! * 10, intervalSeconds: 1800, ahtSeconds: 180 };
      const a = erlangA({
        ...o,
        agents: agents!,
        patienceSeconds: patience!,
        thresholdSeconds: threshold!,
      });
      const s = simulateQueue({
        trafficErlangs: traffic!,
        ahtSeconds: 180,
        agents: agents!,
        patienceSeconds: patience!,
        thresholdSeconds: threshold!,
        arrivals: 400_000,
        seed: 7,
      });
      expect(Math.abs(a.serviceLevel - s.serviceLevel)).toBeLessThan(0.01);
      expect(Math.abs(a.waitProbability - s.waitProbability)).toBeLessThan(0.01);
      expect(Math.abs(a.abandonProbability - s.abandonProbability)).toBeLessThan(0.01);
      const abT = a.abandonWithinThresholdProbability - s.abandonWithinThresholdProbability;
      expect(Math.abs(abT)).toBeLessThan(0.01);
      expect(Math.abs(a.asaSeconds / s.asaSeconds - 1)).toBeLessThan(0.05);
    }
  });

  it('abandons less as patience grows, and more as agents shrink', () => {
    const byPatience = [5, 30, 120, 600, 3600, 86_400].map(
      (patienceSeconds) =>
        erlangA({ ...PYWORKFORCE, agents: 10, patienceSeconds }).abandonProbability,
    );
    for (let i = 1; i < byPatience.length; i++)
      expect(byPatience[i]).toBeLessThan(byPatience[i - 1]!);
  });

  it('stays finite and monotone in N at 500 erlangs, including N below the traffic', () => {
    let prev = erlangA({ ...PYWORKFORCE, volume: 5000, agents: 450, patienceSeconds: 120 });
    for (let agents = 451; agents <= 560; agents++) {
      const r = erlangA({ ...PYWORKFORCE, volume: 5000, agents, patienceSeconds: 120 });
      for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
      expect(r.serviceLevel).toBeGreaterThanOrEqual(prev.serviceLevel);
      expect(r.abandonProbability).toBeLessThan(prev.abandonProbability);
      prev = r;
    }
  });

  it('rejects invalid input with an error naming the parameter', () => {
    const ok = { ...PYWORKFORCE, agents: 10, patienceSeconds: 60 };
    expect(() => erlangA({ ...ok, patienceSeconds: 0 })).toThrow(/patienceSeconds/);
    expect(() => erlangA({ ...ok, patienceSeconds: Infinity })).toThrow(/patienceSeconds/);
    expect(() => erlangA({ ...ok, volume: -1 })).toThrow(/volume/);
    expect(() => erlangA({ ...ok, agents: 0 })).toThrow(/agents/);
  });
});

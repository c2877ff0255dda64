import { describe, it, expect } from 'vitest';
import { erlangB, erlangC, erlangCWaitProbability, trafficErlangs } from './erlang-c.ts';
import { StaffingInputError } from './staffing-input-error.ts';

// pyworkforce's reference case: 100 calls per 30 minutes, AHT 180 s, 80 % in 20 s.
const PYWORKFORCE = { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20 };

/** Erlang C straight from the textbook sum, in log space: an independent check on the recursion. */
function erlangCBySum(a: number, n: number): number {
  const logTerms: number[] = [];
  let logFact = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0) logFact += Math.log(k);
    logTerms.push(k * Math.log(a) - logFact);
  }
  const logTop = n * Math.log(a) - (logFact + Math.log(n)) + Math.log(n / (n - a));
  const hi = Math.max(logTop, ...logTerms);
  const sum = logTerms.reduce((s, l) => s + Math.exp(l - hi), 0);
  return Math.exp(logTop - hi) / (sum + Math.exp(logTop - hi));
}

describe('erlangC', () => {
  it('matches pyworkforce: 14 agents give SL 0.8884, P(W) 0.1741, occupancy 0.7143', () => {
    const r = erlangC({ ...PYWORKFORCE, agents: 14 });
    expect(r.trafficErlangs).toBe(10);
    expect(r.stable).toBe(true);
    expect(r.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(r.waitProbability).toBeCloseTo(0.1741, 4);
    expect(r.occupancy).toBeCloseTo(0.7143, 4);
    // ASA = P(W)·AHT / (N − A) = 0.174132 × 180 / 4
    expect(r.asaSeconds).toBeCloseTo((r.waitProbability * 180) / 4, 10);
    expect(r.asaSeconds).toBeCloseTo(7.8359, 4);
  });

  it('reduces to M/M/1 for one agent: P(W) = ρ, ASA = ρ·AHT/(1 − ρ)', () => {
    const rho = 0.6; // 6 contacts × 180 s / 1800 s
    const r = erlangC({ ...PYWORKFORCE, volume: 6, agents: 1 });
    expect(r.waitProbability).toBeCloseTo(rho, 12);
    expect(r.asaSeconds).toBeCloseTo((rho * 180) / (1 - rho), 9);
    expect(r.serviceLevel).toBeCloseTo(1 - rho * Math.exp((-(1 - rho) * 20) / 180), 12);
  });

  it('matches the M/M/2 closed form C = A² / (2 + A)', () => {
    for (const a of [0.3, 1, 1.7])
      expect(erlangCWaitProbability(a, 2)).toBeCloseTo(a ** 2 / (2 + a), 12);
  });

  it('agrees with the factorial sum wherever that sum is computable', () => {
    for (const [a, n] of [
      [5, 7],
      [10, 14],
      [42.5, 50],
      [120, 131],
    ] as const) {
      expect(erlangCWaitProbability(a, n)).toBeCloseTo(erlangCBySum(a, n), 10);
    }
    expect(erlangB(5, 10)).toBeCloseTo(0.018385, 6); // the classic Erlang B table entry
    expect(erlangB(2, 1)).toBeCloseTo(2 / 3, 12);
  });

  it('represents an unstable queue explicitly, never as NaN', () => {
    for (const agents of [5, 10]) {
      const r = erlangC({ ...PYWORKFORCE, agents });
      expect(r).toMatchObject({ stable: false, waitProbability: 1, serviceLevel: 0, occupancy: 1 });
      expect(r.asaSeconds).toBe(Infinity);
    }
  });

  it('gives a perfect SL for zero volume', () => {
    const r = erlangC({ ...PYWORKFORCE, volume: 0, agents: 1 });
    expect(r).toMatchObject({ waitProbability: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 });
  });

  it('stays finite and monotone in N at 500 erlangs', () => {
    const big = { ...PYWORKFORCE, volume: 5000 }; // 5000 × 180 / 1800 = 500 erlangs
    expect(trafficErlangs(big)).toBe(500);
    let prev = erlangC({ ...big, agents: 501 });
    for (let agents = 502; agents <= 600; agents++) {
      const r = erlangC({ ...big, agents });
      for (const v of [r.waitProbability, r.serviceLevel, r.asaSeconds, r.occupancy]) {
        expect(Number.isFinite(v)).toBe(true);
      }
      expect(r.waitProbability).toBeLessThan(prev.waitProbability);
      expect(r.serviceLevel).toBeGreaterThanOrEqual(prev.serviceLevel);
      expect(r.asaSeconds).toBeLessThan(prev.asaSeconds);
      prev = r;
    }
    for (const n of [505, 520, 560]) {
      expect(erlangCWaitProbability(500, n)).toBeCloseTo(erlangCBySum(500, n), 10);
    }
  });

  it('stays finite at 20,000 erlangs', () => {
    const p = erlangCWaitProbability(20_000, 20_150);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('rejects bad input, naming every bad parameter', () => {
    expect(() => erlangC({ ...PYWORKFORCE, volume: -1, agents: 14 })).toThrow(/volume/);
    expect(() => erlangC({ ...PYWORKFORCE, ahtSeconds: 0, agents: 14 })).toThrow(/ahtSeconds/);
    expect(() => erlangC({ ...PYWORKFORCE, agents: 2.5 })).toThrow(/agents/);
    try {
      erlangC({ ...PYWORKFORCE, volume: Number.NaN, intervalSeconds: -5, agents: 0 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StaffingInputError);
      const err = e as StaffingInputError;
      expect(err.code).toBe('STAFFING_INVALID_INPUT');
      expect(err.issues.map((i) => i.parameter)).toEqual(['volume', 'intervalSeconds', 'agents']);
    }
  });
});

import { describe, it, expect } from 'vitest';
import { erlangC } from './erlang-c.ts';
import { slCostCurve } from './sl-cost-curve.ts';

const PYWORKFORCE = { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20 };
const COSTED = { ...PYWORKFORCE, hourlyRate: 20, shrinkage: 0.3 };

describe('slCostCurve', () => {
  it('runs from the smallest stable N up to the first N reaching 99 %', () => {
    const rows = slCostCurve(COSTED);
    expect(rows.map((r) => r.agents)).toEqual([11, 12, 13, 14, 15, 16, 17, 18]);
    expect(rows.at(-1)!.serviceLevel).toBeGreaterThanOrEqual(0.99);
    expect(rows.at(-2)!.serviceLevel).toBeLessThan(0.99);
    const r14 = rows.find((r) => r.agents === 14)!;
    expect(r14.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(r14.scheduledAgents).toBe(20);
    expect(r14.costPerInterval).toBeCloseTo(200, 9); // 14 / 0.7 agents × 0.5 h × 20
  });

  it('prices each extra SL point between consecutive agent counts', () => {
    const rows = slCostCurve(COSTED);
    expect(rows[0]!.marginalCostPerPoint).toBeNull();
    const perAgent = (1 / 0.7) * 0.5 * 20;
    for (let i = 1; i < rows.length; i++) {
      const gain = (rows[i]!.serviceLevel - rows[i - 1]!.serviceLevel) * 100;
      expect(rows[i]!.marginalCostPerPoint).toBeCloseTo(perAgent / gain, 9);
      expect(rows[i]!.serviceLevel).toBeCloseTo(
        erlangC({ ...PYWORKFORCE, agents: rows[i]!.agents }).serviceLevel,
        12,
      );
      if (i > 1)
        expect(rows[i]!.marginalCostPerPoint!).toBeGreaterThan(rows[i - 1]!.marginalCostPerPoint!);
    }
  });

  it('accepts a stop level, a first N and an Erlang A patience', () => {
    const short = slCostCurve({ ...COSTED, untilServiceLevel: 0.9 });
    expect(short.at(-1)!.agents).toBe(15);
    const unstable = slCostCurve({ ...COSTED, fromAgents: 9, untilServiceLevel: 0.5 });
    expect(unstable.map((r) => r.agents)).toEqual([9, 10, 11, 12]);
    expect(unstable[1]).toMatchObject({
      serviceLevel: 0,
      asaSeconds: Infinity,
      marginalCostPerPoint: Infinity,
    });
    const withAbandon = slCostCurve({ ...COSTED, patienceSeconds: 120 });
    expect(withAbandon[0]!.agents).toBe(11);
    expect(withAbandon.every((r) => r.abandonProbability > 0)).toBe(true);
    expect(withAbandon.every((r) => Number.isFinite(r.asaSeconds))).toBe(true);
  });

  it('handles 500 erlangs', () => {
    const rows = slCostCurve({ ...COSTED, volume: 5000 });
    expect(rows[0]!.agents).toBe(501);
    expect(rows.every((r) => Number.isFinite(r.costPerInterval))).toBe(true);
    expect(rows.at(-1)!.serviceLevel).toBeGreaterThanOrEqual(0.99);
  });

  it('rejects bad input by name', () => {
    expect(() => slCostCurve({ ...COSTED, hourlyRate: -1 })).toThrow(/hourlyRate/);
    expect(() => slCostCurve({ ...COSTED, shrinkage: 1.2 })).toThrow(/shrinkage/);
    expect(() => slCostCurve({ ...COSTED, fromAgents: 0 })).toThrow(/fromAgents/);
    expect(() => slCostCurve({ ...COSTED, untilServiceLevel: 0 })).toThrow(/untilServiceLevel/);
  });
});

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
    expect(r14.costPerInterval).toBe(200); // 20 scheduled agents × 0.5 h × 20
    // Whole people are paid: 15 on contacts is ceil(21.43) = 22 scheduled, not 21.43.
    expect(rows.find((r) => r.agents === 15)).toMatchObject({
      scheduledAgents: 22,
      costPerInterval: 220,
    });
  });

  it('prices each extra SL point between consecutive agent counts', () => {
    const rows = slCostCurve(COSTED);
    expect(rows[0]!.marginalCostPerPoint).toBeNull();
    for (let i = 1; i < rows.length; i++) {
      const heads = Math.ceil(rows[i]!.agents / 0.7) - Math.ceil(rows[i - 1]!.agents / 0.7);
      const gain = (rows[i]!.serviceLevel - rows[i - 1]!.serviceLevel) * 100;
      expect(rows[i]!.marginalCostPerPoint).toBeCloseTo((heads * 0.5 * 20) / gain, 9);
      expect(rows[i]!.serviceLevel).toBeCloseTo(
        erlangC({ ...PYWORKFORCE, agents: rows[i]!.agents }).serviceLevel,
        12,
      );
    }
  });

  it('gives no cost per point where SL barely moves (500 erlangs near 100 %)', () => {
    // 5,000 calls of 180 s in 30 minutes: SL goes from 0 to 99 % within a few dozen agents.
    const rows = slCostCurve({
      ...COSTED,
      volume: 5000,
      fromAgents: 505,
      untilServiceLevel: 1,
      maxRows: 40,
    });
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => r.marginalCostPerPoint !== null).length).toBeGreaterThan(3);
    for (const r of rows.slice(1)) {
      const prev = rows[rows.indexOf(r) - 1]!;
      const gain = (r.serviceLevel - prev.serviceLevel) * 100;
      if (gain < 0.05) expect(r.marginalCostPerPoint).toBeNull();
      else expect(r.marginalCostPerPoint).toBeGreaterThan(0);
    }
    expect(rows.at(-1)!.marginalCostPerPoint).toBeNull();
  });

  it('accepts a stop level, a first N and an Erlang A patience', () => {
    const short = slCostCurve({ ...COSTED, untilServiceLevel: 0.9 });
    expect(short.at(-1)!.agents).toBe(15);
    const unstable = slCostCurve({ ...COSTED, fromAgents: 9, untilServiceLevel: 0.5 });
    expect(unstable.map((r) => r.agents)).toEqual([9, 10, 11, 12]);
    expect(unstable[1]).toMatchObject({
      serviceLevel: 0,
      asaSeconds: Infinity,
      marginalCostPerPoint: null,
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

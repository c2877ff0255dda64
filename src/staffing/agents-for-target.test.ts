import { describe, it, expect } from 'vitest';
import { agentsForTarget } from './agents-for-target.ts';
import { erlangC } from './erlang-c.ts';

const PYWORKFORCE = { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20 };

describe('agentsForTarget', () => {
  it('matches pyworkforce: 80/20, 30 % shrinkage, 85 % occupancy cap → 14 raw, 20 scheduled', () => {
    const r = agentsForTarget({
      ...PYWORKFORCE,
      targetSl: 0.8,
      shrinkage: 0.3,
      maxOccupancy: 0.85,
    });
    expect(r.rawAgents).toBe(14);
    expect(r.scheduledAgents).toBe(20);
    expect(r.bindingConstraint).toBe('serviceLevel');
    expect(r.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(r.waitProbability).toBeCloseTo(0.1741, 4);
    expect(r.occupancy).toBeCloseTo(0.7143, 4);
  });

  it('returns the smallest N: one agent fewer misses the target', () => {
    for (const targetSl of [0.5, 0.8, 0.9, 0.95]) {
      const { rawAgents, serviceLevel } = agentsForTarget({ ...PYWORKFORCE, targetSl });
      expect(serviceLevel).toBeGreaterThanOrEqual(targetSl);
      expect(erlangC({ ...PYWORKFORCE, agents: rawAgents - 1 }).serviceLevel).toBeLessThan(
        targetSl,
      );
    }
  });

  it('applies shrinkage as ceil(raw / (1 − shrinkage))', () => {
    const base = { ...PYWORKFORCE, targetSl: 0.8 };
    expect(agentsForTarget(base).scheduledAgents).toBe(14);
    expect(agentsForTarget({ ...base, shrinkage: 0.3 }).scheduledAgents).toBe(20);
    expect(agentsForTarget({ ...base, shrinkage: 0.35 }).scheduledAgents).toBe(22); // 21.54
    expect(agentsForTarget({ ...base, shrinkage: 0.5 }).scheduledAgents).toBe(28);
  });

  it('adds agents when the occupancy cap binds', () => {
    const r = agentsForTarget({ ...PYWORKFORCE, targetSl: 0.5, maxOccupancy: 0.7 });
    expect(r.rawAgents).toBe(15); // ceil(10 / 0.7); SL alone needs 12
    expect(r.bindingConstraint).toBe('occupancy');
    expect(r.occupancy).toBeLessThanOrEqual(0.7);
    const exact = agentsForTarget({ ...PYWORKFORCE, targetSl: 0.5, maxOccupancy: 0.8 });
    expect(exact.rawAgents).toBe(13); // 10 / 0.8 = 12.5
    expect(agentsForTarget({ ...PYWORKFORCE, targetSl: 0.5 }).rawAgents).toBe(12);
  });

  it('handles the edges of the target range and zero volume', () => {
    const zero = agentsForTarget({ ...PYWORKFORCE, targetSl: 0 });
    expect(zero).toMatchObject({ rawAgents: 11, bindingConstraint: 'stability' });
    const full = agentsForTarget({ ...PYWORKFORCE, targetSl: 1 });
    expect(full.serviceLevel).toBeGreaterThanOrEqual(1 - 1e-12); // met up to rounding
    expect(full.rawAgents).toBeLessThan(40);
    const idle = agentsForTarget({ ...PYWORKFORCE, volume: 0, targetSl: 0.8 });
    expect(idle).toMatchObject({ rawAgents: 0, scheduledAgents: 0, serviceLevel: 1 });
  });

  it('solves 500 erlangs with finite results', () => {
    const big = { ...PYWORKFORCE, volume: 5000, targetSl: 0.8 };
    const r = agentsForTarget(big);
    expect(r.rawAgents).toBeGreaterThan(500);
    expect(r.rawAgents).toBeLessThan(530);
    expect(Number.isFinite(r.asaSeconds)).toBe(true);
    expect(erlangC({ ...big, agents: r.rawAgents - 1 }).serviceLevel).toBeLessThan(0.8);
  });

  it('rejects invalid input with an error naming the parameter', () => {
    const ok = { ...PYWORKFORCE, targetSl: 0.8 };
    expect(() => agentsForTarget({ ...ok, volume: -10 })).toThrow(/volume/);
    expect(() => agentsForTarget({ ...ok, ahtSeconds: 0 })).toThrow(/ahtSeconds/);
    expect(() => agentsForTarget({ ...ok, targetSl: 1.2 })).toThrow(/targetSl/);
    expect(() => agentsForTarget({ ...ok, targetSl: -0.1 })).toThrow(/targetSl/);
    expect(() => agentsForTarget({ ...ok, shrinkage: 1 })).toThrow(/shrinkage/);
    expect(() => agentsForTarget({ ...ok, maxOccupancy: 0 })).toThrow(/maxOccupancy/);
    expect(() => agentsForTarget({ ...ok, thresholdSeconds: -1 })).toThrow(/thresholdSeconds/);
  });
});

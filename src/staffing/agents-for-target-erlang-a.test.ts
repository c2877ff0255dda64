import { describe, it, expect } from 'vitest';
import { agentsForTargetErlangA } from './agents-for-target-erlang-a.ts';
import { erlangA } from './erlang-a.ts';

const PYWORKFORCE = { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20 };

describe('agentsForTargetErlangA', () => {
  it('gives the Erlang C answer (pyworkforce: 14 raw, 20 scheduled) for endless patience', () => {
    const r = agentsForTargetErlangA({
      ...PYWORKFORCE,
      targetSl: 0.8,
      shrinkage: 0.3,
      maxOccupancy: 0.85,
      patienceSeconds: 1e6,
    });
    expect(r).toMatchObject({
      rawAgents: 14,
      scheduledAgents: 20,
      bindingConstraint: 'serviceLevel',
    });
    expect(r.serviceLevel).toBeCloseTo(0.8884, 4);
  });

  it('returns the smallest N: one agent fewer misses the target', () => {
    for (const [targetSl, patienceSeconds] of [
      [0.8, 120],
      [0.5, 120],
      [0.9, 30],
      [0.8, 600],
    ]) {
      const o = { ...PYWORKFORCE, targetSl: targetSl!, patienceSeconds: patienceSeconds! };
      const r = agentsForTargetErlangA(o);
      expect(r.serviceLevel).toBeGreaterThanOrEqual(targetSl!);
      expect(erlangA({ ...o, agents: r.rawAgents - 1 }).serviceLevel).toBeLessThan(targetSl!);
    }
    expect(
      agentsForTargetErlangA({ ...PYWORKFORCE, targetSl: 0.8, patienceSeconds: 120 }).rawAgents,
    ).toBe(12);
  });

  it('honours the abandonment and occupancy caps and shrinkage', () => {
    const base = { ...PYWORKFORCE, targetSl: 0.5, patienceSeconds: 120 };
    expect(agentsForTargetErlangA(base).rawAgents).toBe(9);
    const ab = agentsForTargetErlangA({ ...base, maxAbandonProbability: 0.01 });
    expect(ab).toMatchObject({ rawAgents: 16, bindingConstraint: 'abandonment' });
    expect(ab.abandonProbability).toBeLessThanOrEqual(0.01);
    expect(erlangA({ ...base, agents: 15 }).abandonProbability).toBeGreaterThan(0.01);
    const occ = agentsForTargetErlangA({ ...base, maxOccupancy: 0.7 });
    expect(occ.bindingConstraint).toBe('occupancy');
    expect(occ.occupancy).toBeLessThanOrEqual(0.7);
    expect(erlangA({ ...base, agents: occ.rawAgents - 1 }).occupancy).toBeGreaterThan(0.7);
    expect(agentsForTargetErlangA({ ...base, shrinkage: 0.25 }).scheduledAgents).toBe(12);
  });

  it('solves 500 erlangs quickly and staffs fewer agents as patience shortens', () => {
    const big = { ...PYWORKFORCE, volume: 5000, targetSl: 0.8 };
    const patient = agentsForTargetErlangA({ ...big, patienceSeconds: 3600 });
    const impatient = agentsForTargetErlangA({ ...big, patienceSeconds: 120 });
    expect(patient.rawAgents).toBeGreaterThan(500);
    expect(impatient.rawAgents).toBeLessThan(patient.rawAgents);
    expect(Number.isFinite(impatient.asaSeconds)).toBe(true);
  });

  it('needs no agents for zero volume and rejects bad input by name', () => {
    const base = { ...PYWORKFORCE, targetSl: 0.8, patienceSeconds: 60 };
    expect(agentsForTargetErlangA({ ...base, volume: 0 })).toMatchObject({
      rawAgents: 0,
      serviceLevel: 1,
    });
    expect(() => agentsForTargetErlangA({ ...base, patienceSeconds: -1 })).toThrow(
      /patienceSeconds/,
    );
    expect(() => agentsForTargetErlangA({ ...base, targetSl: 2 })).toThrow(/targetSl/);
    expect(() => agentsForTargetErlangA({ ...base, maxAbandonProbability: 1.5 })).toThrow(
      /maxAbandonProbability/,
    );
  });
});

import { describe, it, expect } from 'vitest';
import { erlangAStationary } from './erlang-a-chain.ts';

describe('erlangAStationary', () => {
  it('sums to one and follows detailed balance', () => {
    const pi = erlangAStationary(10, 8, 1.5);
    expect(pi.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    for (let n = 1; n < pi.length; n++) {
      const death = Math.min(n, 8) + Math.max(n - 8, 0) * 1.5;
      expect(pi[n]! * death).toBeCloseTo(pi[n - 1]! * 10, 14);
    }
  });

  it('drops only a tail below 1e-12', () => {
    const pi = erlangAStationary(10, 8, 1.5);
    let w = pi[pi.length - 1]!;
    let tail = 0;
    for (let n = pi.length; n < pi.length + 500; n++) {
      w *= 10 / (8 + (n - 8) * 1.5);
      tail += w;
    }
    expect(tail).toBeLessThan(1e-12);
  });

  it('works in log space: 500 erlangs with 450 agents gives finite, positive mass', () => {
    const pi = erlangAStationary(500, 450, 1.5);
    expect(pi.every((p) => Number.isFinite(p) && p >= 0)).toBe(true);
    expect(pi.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 10);
  });

  it('refuses chains that would not settle, naming patienceSeconds', () => {
    expect(() => erlangAStationary(10, 5, 1e-9)).toThrow(/patienceSeconds/);
  });
});

import { describe, expect, it } from 'vitest';
import { npsStandardError, percentile, ratio, wilsonInterval, Z95 } from './math.ts';

describe('ratio', () => {
  it('is null, never NaN or 0, on a zero denominator', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, 0, 100)).toBeNull();
    expect(ratio(null, 3)).toBeNull();
  });
  it('computes the worked examples of KPIS.md', () => {
    expect(ratio(320, 400, 100)).toBe(80);
    expect(ratio(1250, 1600, 100)).toBe(78.125);
    expect(ratio(8400, 9500, 100)).toBeCloseTo(88.42105263, 8);
  });
});

describe('wilsonInterval', () => {
  it('matches the closed form (2np + z² ± z·sqrt(z² + 4np(1−p))) / (2(n + z²))', () => {
    const n = 400;
    const p = 0.8;
    const z = Z95;
    const root = z * Math.sqrt(z * z + 4 * n * p * (1 - p));
    const lo = (2 * n * p + z * z - root) / (2 * (n + z * z));
    const hi = (2 * n * p + z * z + root) / (2 * (n + z * z));
    const [a, b] = wilsonInterval(320, 400) ?? [NaN, NaN];
    expect(a).toBeCloseTo(lo * 100, 10);
    expect(b).toBeCloseTo(hi * 100, 10);
    expect(a).toBeCloseTo(75.8, 1);
    expect(b).toBeCloseTo(83.6, 1);
  });
  it('stays inside 0–100 at the extremes and is null for n = 0', () => {
    const [lo, hi] = wilsonInterval(0, 10) ?? [NaN, NaN];
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(0);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('npsStandardError', () => {
  it('is sqrt((p_prom + p_det − (p_prom − p_det)²) / n) × 100', () => {
    // 50 promoters, 30 passives, 20 detractors: sqrt((0.7 − 0.09) / 100) × 100 = 7.8102…
    expect(npsStandardError(50, 20, 100)).toBeCloseTo(Math.sqrt(0.0061) * 100, 12);
    expect(npsStandardError(0, 0, 0)).toBeNull();
  });
});

describe('percentile (Hyndman–Fan type 7)', () => {
  it('matches numpy.percentile defaults', () => {
    // numpy.percentile([1, 2, 3, 4], 90) == 3.7; ([10, 20, 30], 50) == 20; ([5], 95) == 5
    expect(percentile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    expect(percentile([30, 10, 20], 0.5)).toBe(20);
    expect(percentile([5], 0.95)).toBe(5);
    expect(percentile([], 0.5)).toBeNull();
  });
});

// Pure statistics used by KPI figures: null-safe ratios, Wilson intervals, the NPS standard
// error and Hyndman–Fan type 7 percentiles (the reference the SQL engines must match).

export const Z95 = 1.959963984540054;

/** num / den × scale; null when the denominator is 0 or unknown, never NaN. */
export function ratio(num: number | null, den: number | null, scale = 1): number | null {
  if (num === null || den === null || den === 0) return null;
  // Multiply first: 22 × 100 / 40 is exactly 55, (22 / 40) × 100 is not.
  return (num * scale) / den;
}

/** Wilson score interval for a proportion, in percent. */
export function wilsonInterval(successes: number, n: number, z = Z95): [number, number] | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half) * 100, Math.min(1, centre + half) * 100];
}

/** NPS standard error in points: sqrt((p_prom + p_det − (p_prom − p_det)²) / n) × 100. */
export function npsStandardError(promoters: number, detractors: number, n: number): number | null {
  if (n <= 0) return null;
  const pp = promoters / n;
  const pd = detractors / n;
  return Math.sqrt((pp + pd - (pp - pd) ** 2) / n) * 100;
}

/** Percentile with linear interpolation between closest ranks (type 7, numpy's default). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

// Heatmap colours judged against a reference (the target, or the benchmark): on the good side of
// it blue, on the bad side red, darker the further away. Red–blue stays apart for colour-blind
// readers, and the jump at the reference shows where the target is. Computed here instead of
// loading ECharts' visualMap (12 kB gzip). Limits: linear within each side.

export interface TargetScale {
  /** The value the colour changes side at (target or benchmark). */
  readonly mid: number;
  /** The far ends of the scale: values beyond them get the darkest colour. */
  readonly lo: number;
  readonly hi: number;
  /** Waiting time: low is good. */
  readonly lowIsGood: boolean;
}

const BAD_FAR = '#b2182b';
const BAD_NEAR = '#f7c4a8';
const GOOD_NEAR = '#c6dbef';
const GOOD_FAR = '#2166ac';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

function mix(a: string, b: string, t: number): string {
  const x = rgb(a);
  const y = rgb(b);
  const f = Math.min(1, Math.max(0, t));
  return `rgb(${x.map((v, k) => Math.round(v + ((y[k] as number) - v) * f)).join(',')})`;
}

/** Whether a value is on the good side of the reference (at the reference counts as good). */
export const isGood = (v: number, s: TargetScale): boolean =>
  s.lowIsGood ? v <= s.mid : v >= s.mid;

export function targetColor(v: number, s: TargetScale): string {
  const far = s.lowIsGood ? { good: s.lo, bad: s.hi } : { good: s.hi, bad: s.lo };
  const span = (end: number) => Math.abs(end - s.mid) || 1;
  return isGood(v, s)
    ? mix(GOOD_NEAR, GOOD_FAR, Math.abs(v - s.mid) / span(far.good))
    : mix(BAD_NEAR, BAD_FAR, Math.abs(v - s.mid) / span(far.bad));
}

/** The legend's gradient from lo to hi, with the jump at the reference. */
export function targetGradient(s: TargetScale): string {
  const at = `${(((s.mid - s.lo) / (s.hi - s.lo || 1)) * 100).toFixed(1)}%`;
  const [left, right] = s.lowIsGood
    ? [`${GOOD_FAR}, ${GOOD_NEAR} ${at}`, `${BAD_NEAR} ${at}, ${BAD_FAR}`]
    : [`${BAD_FAR}, ${BAD_NEAR} ${at}`, `${GOOD_NEAR} ${at}, ${GOOD_FAR}`];
  return `linear-gradient(to right, ${left}, ${right})`;
}

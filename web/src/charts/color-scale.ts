// A diverging red–amber–green colour scale for heatmap cells, computed here instead of loading
// ECharts' visualMap (12 kB gzip). Limits: linear between five fixed stops.

const STOPS = ['#b3261e', '#e8a33d', '#f3e6a0', '#7fbf7b', '#1e6b30'];

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Colour of `v` on [lo, hi]; `reverse` when low is good (waiting time). */
export function scaleColor(v: number, lo: number, hi: number, reverse = false): string {
  let f = hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0.5;
  if (reverse) f = 1 - f;
  const pos = f * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(pos));
  const a = rgb(STOPS[i] as string);
  const b = rgb(STOPS[i + 1] as string);
  const t = pos - i;
  const mix = a.map((x, k) => Math.round(x + ((b[k] as number) - x) * t));
  return `rgb(${mix.join(',')})`;
}

/** The CSS gradient of the scale, for the legend under a heatmap. */
export const scaleGradient = (reverse = false): string =>
  `linear-gradient(to right, ${(reverse ? [...STOPS].reverse() : STOPS).join(', ')})`;

// Shared pieces of chart options: grid, axes, legend and tooltip styled alike on every chart.
// Limits: plain objects; each card composes its own series.

import type { ChartOption } from './echarts.ts';
import { AXIS_TEXT, GRID_LINE } from './palette.ts';

export const grid = (extra: Record<string, number | string> = {}): ChartOption['grid'] => ({
  left: 8,
  right: 16,
  top: 44,
  bottom: 8,
  containLabel: true,
  ...extra,
});

export const legend = (): ChartOption['legend'] => ({
  top: 0,
  right: 0,
  itemWidth: 14,
  itemHeight: 10,
  textStyle: AXIS_TEXT,
});

export const tooltip = (trigger: 'axis' | 'item' = 'axis'): ChartOption['tooltip'] => ({
  trigger,
  confine: true,
  textStyle: { fontSize: 12 },
});

export const categoryAxis = (data: readonly string[], extra: Record<string, unknown> = {}) => ({
  type: 'category' as const,
  data: [...data],
  axisLabel: { ...AXIS_TEXT, hideOverlap: true },
  axisLine: { lineStyle: { color: '#9aa5b1' } },
  axisTick: { show: false },
  ...extra,
});

export const valueAxis = (
  name: string,
  format: (v: number) => string,
  extra: Record<string, unknown> = {},
) => ({
  type: 'value' as const,
  name,
  nameTextStyle: { ...AXIS_TEXT, align: 'left' as const },
  axisLabel: { ...AXIS_TEXT, formatter: (v: number) => format(v) },
  splitLine: GRID_LINE,
  ...extra,
});

/** Pearson correlation of paired values (nulls dropped), or null under three pairs. */
export function correlation(
  pairs: readonly (readonly [number | null, number | null])[],
): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of pairs) {
    if (x === null || y === null) continue;
    xs.push(x);
    ys.push(y);
  }
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

// The reference a heatmap cell is judged against: the workspace's target for the channel, else
// the benchmark (SL 80 %, ASA < 30 s for calls), else for ASA the channel's SL threshold T.
// Limits: SL targets are percent; ASA references are seconds.

import type { TargetScale } from '../charts/color-scale.ts';
import { thresholdOf } from '../components/channel-list.tsx';
import type { HeatKpi } from '../state/url-state.ts';
import type { View } from '../state/view-context.ts';

export type Reference = 'target' | 'benchmark' | 'threshold';

export interface HeatScale extends TargetScale {
  readonly reference: Reference;
}

function targetOf(view: View, kpi: HeatKpi, channel: string | null): number | null {
  const s = view.settings;
  return (channel ? s.targets_by_channel?.[channel]?.[kpi] : undefined) ?? s.targets?.[kpi] ?? null;
}

/** The upper bound of the benchmark's `good` band (ASA) or its lower bound (SL). */
function benchmarkOf(view: View, kpi: HeatKpi, channel: string | null): number | null {
  const bm = view.defs.get(kpi)?.benchmark;
  if (!bm || (bm.channel && bm.channel !== channel)) return null;
  const good = bm.bands?.find((b) => b.rating === 'good');
  if (!good) return null;
  return (
    (kpi === 'asa' ? (good.max ?? good.lt ?? good.lte) : (good.min ?? good.gte ?? good.gt)) ?? null
  );
}

export function heatScale(view: View, kpi: HeatKpi, channel: string | null): HeatScale {
  const target = targetOf(view, kpi, channel);
  const bench = benchmarkOf(view, kpi, channel);
  if (kpi === 'service_level') {
    const mid = target ?? bench ?? 80;
    return {
      mid,
      lo: Math.max(0, mid - 30),
      hi: 100,
      lowIsGood: false,
      reference: target !== null ? 'target' : 'benchmark',
    };
  }
  const limit = channel ? thresholdOf(view, channel) : null;
  const mid = target ?? bench ?? limit ?? 30;
  const reference = target !== null ? 'target' : bench !== null ? 'benchmark' : 'threshold';
  return { mid, lo: 0, hi: mid * 3, lowIsGood: true, reference };
}

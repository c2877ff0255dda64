// The distribution of waiting times of answered contacts (ASA's population), with p50 and p90
// of the same contacts marked: every contact of the period and filters, binned by the server
// (GET /api/v1/distribution?measure=wait). One channel, as the waiting time per day: voice
// unless the filters choose another (e-mail hours and voice seconds share no axis).
// Limits: the server's bins (seconds for voice and chat, hours for e-mail); empty bins after the
// last filled one are not drawn.

import { useMemo } from 'react';
import { chartChannel } from '../api/channel-split.ts';
import { apiUrl } from '../api/client.ts';
import type { KpiRow, Lang } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, grid, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatCount, formatNumber } from '../format/format.ts';
import { channelLabel } from '../format/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';

/** GET /api/v1/distribution: counts per bin over every contact, and their n and percentiles. */
export interface DistributionResponse {
  readonly n: number;
  readonly percentiles: { readonly p50: number | null; readonly p90: number | null };
  readonly bins: readonly {
    readonly from: number;
    readonly to: number | null;
    readonly count: number;
  }[];
}

type Bin = DistributionResponse['bins'][number];

/** The bin a value falls in: [from, to), the last one open-ended. */
export function binOf(bins: readonly Bin[], v: number): number {
  const i = bins.findIndex((b) => v >= b.from && (b.to === null || v < b.to));
  return i < 0 ? 0 : i;
}

function edgeText(lang: Lang, s: number): string {
  if (s >= 3600) return `${formatNumber(lang, s / 3600, 0)} h`;
  if (s >= 60) return `${formatNumber(lang, s / 60, 0)} min`;
  return `${formatNumber(lang, s, 0)} s`;
}

function binLabel(lang: Lang, b: Bin): string {
  return b.to === null
    ? `≥ ${edgeText(lang, b.from)}`
    : `${edgeText(lang, b.from)}–${edgeText(lang, b.to)}`;
}

export function HistogramCard({ asa }: { readonly asa: KpiRow | null }) {
  const view = useView();
  const { t, lang } = useI18n();
  const { channel, implicit } = chartChannel(view);
  const query = useMemo(
    () => ({
      ...view.base,
      filters: channel ? { ...view.base.filters, channel } : view.base.filters,
      extra: [['measure', 'wait']] as const,
    }),
    [view.base, channel],
  );
  const res = useApi<DistributionResponse>(apiUrl('distribution', query));
  const dist = res.data;
  // Before the answer, ASA's n of all channels only decides between "loading" and "no data".
  const n = dist?.n ?? asa?.n ?? 0;
  const title = channel ? `${channelLabel(t, channel)}: ${t('reach.hist')}` : t('reach.hist');
  const count = t('tile.n', { n: formatCount(lang, n) });
  const option = useMemo<ChartOption>(() => {
    const bins = dist?.bins ?? [];
    const p50 = dist?.percentiles.p50 ?? null;
    const p90 = dist?.percentiles.p90 ?? null;
    let last = bins.length - 1;
    while (last > 0 && bins[last]?.count === 0) last--;
    for (const v of [p50, p90]) if (v !== null) last = Math.max(last, binOf(bins, v));
    // Both in one bin: one line, one label (two would print on top of each other).
    const together = p50 !== null && p90 !== null && binOf(bins, p50) === binOf(bins, p90);
    const secs = (v: number | null) => (v === null ? '—' : `${formatNumber(lang, v, 0)} s`);
    const shown = bins.slice(0, last + 1);
    const labels = shown.map((b) => binLabel(lang, b));
    const mark = (
      name: string,
      v: number | null,
      color: string,
      position: 'end' | 'insideEndTop',
    ) =>
      v === null
        ? []
        : [
            {
              xAxis: labels[binOf(bins, v)],
              name,
              lineStyle: { color, type: 'dashed' as const, width: 2 },
              label: {
                formatter: `${name} ${formatNumber(lang, v, 0)} s`,
                color,
                position,
                fontWeight: 'bold' as const,
              },
            },
          ];
    return {
      grid: grid({ top: 36, right: 24, bottom: 8 }),
      tooltip: { ...tooltip('axis'), valueFormatter: (v: unknown) => formatCount(lang, Number(v)) },
      xAxis: categoryAxis(labels, {
        axisLabel: {
          color: '#3d4753',
          fontSize: 11,
          rotate: labels.length > 10 ? 35 : 0,
          interval: 0,
        },
      }),
      // No axis name: the p50 label sits where it would be; the tooltip names the count.
      yAxis: valueAxis('', (v) => formatCount(lang, v)),
      series: [
        {
          type: 'bar',
          name: t('reach.contacts'),
          data: shown.map((b) => b.count),
          barCategoryGap: '15%',
          color: COLORS.blue,
          markLine: {
            symbol: 'none',
            silent: true,
            data: together
              ? mark(`p50 ${secs(p50)} · p90`, p90, COLORS.red, 'end')
              : [
                  ...mark('p50', p50, COLORS.teal, 'end'),
                  ...mark('p90', p90, COLORS.red, 'insideEndTop'),
                ],
          },
        },
      ],
    };
  }, [dist, lang, t]);
  return (
    <Card
      title={title}
      kpi="asa"
      csv={apiUrl('distribution', query, true)}
      loading={res.loading}
      error={res.error}
      empty={n === 0}
      note={implicit ? `${count}. ${t('reach.oneChannel')}` : count}
      testId="histogram-card"
    >
      <Chart option={option} label={title} />
    </Card>
  );
}

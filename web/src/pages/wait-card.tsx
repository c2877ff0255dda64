// Waiting time per day: ASA (mean) with its p50 and p90, because averages hide peaks (KPIS.md).
// Limits: percentiles per day are exact (engine), not re-aggregated.

import { useMemo } from 'react';
import { apiUrl } from '../api/client.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, grid, legend, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatBucket } from '../format/dates.ts';
import { formatNumber } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';
import { buckets, series, trendGrain, useDaily } from './daily.ts';

export function WaitCard() {
  const view = useView();
  const { t, lang } = useI18n();
  const grain = trendGrain(view);
  const daily = useDaily(view, ['asa'], grain);
  const option = useMemo<ChartOption>(() => {
    const rows = daily.data?.rows ?? [];
    const s = (pick: Parameters<typeof series>[4]) => series(view, rows, 'asa', grain, pick);
    const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    return {
      grid: grid(),
      legend: legend(),
      tooltip: {
        ...tooltip(),
        valueFormatter: (v: unknown) => `${formatNumber(lang, Number(v), 0)} s`,
      },
      xAxis: categoryAxis(buckets(view, grain).map((b) => formatBucket(lang, b))),
      yAxis: valueAxis(t('reach.waitSeconds'), (v) => formatNumber(lang, v, 0)),
      series: [
        {
          type: 'line',
          name: 'p90',
          data: s((r) => round(r.percentiles?.p90 ?? null)),
          color: COLORS.red,
          lineStyle: { type: 'dashed' },
        },
        {
          type: 'line',
          name: t('reach.mean'),
          data: s((r) => round(r.value)),
          color: COLORS.blue,
          lineStyle: { width: 3 },
        },
        {
          type: 'line',
          name: 'p50',
          data: s((r) => round(r.percentiles?.p50 ?? null)),
          color: COLORS.teal,
        },
      ],
    };
  }, [daily.data, view, grain, lang, t]);
  return (
    <Card
      title={t('reach.wait')}
      csv={apiUrl('kpis', { ...view.base, kpis: ['asa'], grain }, true)}
      loading={daily.loading}
      error={daily.error}
      note={view.state.filters.channel ? undefined : t('reach.mixNote')}
      testId="wait-card"
    >
      <Chart option={option} label={t('reach.wait')} />
    </Card>
  );
}

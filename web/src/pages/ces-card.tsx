// Customer effort per day: % positive (low effort) and the mean score of the largest scale.
// Limits: the mean is per scale (scales are never averaged together); the largest scale is drawn.

import { useMemo } from 'react';
import { apiUrl } from '../api/client.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, grid, legend, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatBucket } from '../format/dates.ts';
import { formatNumber, formatPercentAxis } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { kpiName, useView } from '../state/view-context.ts';
import { buckets, series, trendGrain, useDaily } from './daily.ts';

export function CesCard() {
  const view = useView();
  const { t, lang } = useI18n();
  const grain = trendGrain(view);
  const daily = useDaily(view, ['ces_positive', 'ces'], grain);
  const option = useMemo<ChartOption>(() => {
    const rows = daily.data?.rows ?? [];
    const round = (v: number | null, d: number) => (v === null ? null : Number(v.toFixed(d)));
    return {
      grid: grid(),
      legend: legend(),
      tooltip: tooltip(),
      xAxis: categoryAxis(buckets(view, grain).map((b) => formatBucket(lang, b))),
      yAxis: [
        valueAxis('%', (v) => formatPercentAxis(lang, v), { min: 0, max: 100 }),
        valueAxis('', (v) => formatNumber(lang, v, 1), { min: 1, splitLine: { show: false } }),
      ],
      series: [
        {
          type: 'line',
          name: kpiName(view, 'ces_positive'),
          data: series(view, rows, 'ces_positive', grain, (r) => round(r.value, 1)),
          color: COLORS.teal,
          lineStyle: { width: 3 },
        },
        {
          type: 'line',
          name: kpiName(view, 'ces'),
          yAxisIndex: 1,
          data: series(view, rows, 'ces', grain, (r) => round(r.value, 2)),
          color: COLORS.purple,
        },
      ],
    };
  }, [daily.data, view, grain, lang]);
  return (
    <Card
      title={t('loyalty.ces')}
      csv={apiUrl('kpis', { ...view.base, kpis: ['ces_positive', 'ces'], grain }, true)}
      loading={daily.loading}
      error={daily.error}
      testId="ces-card"
    >
      <Chart option={option} label={t('loyalty.ces')} height={260} />
    </Card>
  );
}

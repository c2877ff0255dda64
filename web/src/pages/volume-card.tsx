// Offered, answered and abandoned contacts per day: the counts behind service level (its
// `counts` by day), so volume peaks can be read next to SL; a day opens its contacts.
// Limits: flowed-out contacts are in offered only; counts of all channels add up.

import { useMemo } from 'react';
import { apiUrl } from '../api/client.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, grid, legend, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatBucket } from '../format/dates.ts';
import { formatCount } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';
import { bucketOpener, PeriodFigures } from './chart-drill.tsx';
import { buckets, series, trendGrain, useDaily } from './daily.ts';

export function VolumeCard() {
  const view = useView();
  const { t, lang } = useI18n();
  const grain = trendGrain(view);
  const daily = useDaily(view, ['service_level'], grain);
  const option = useMemo<ChartOption>(() => {
    const rows = daily.data?.rows ?? [];
    const count = (name: string) =>
      series(view, rows, 'service_level', grain, (r) => r.counts[name] ?? 0);
    const labels = buckets(view, grain).map((b) => formatBucket(lang, b));
    return {
      grid: grid(),
      legend: legend(),
      tooltip: tooltip(),
      xAxis: categoryAxis(labels),
      yAxis: valueAxis(t('reach.contacts'), (v) => formatCount(lang, v)),
      series: [
        {
          type: 'bar',
          name: t('reach.answered'),
          data: count('answered'),
          stack: 'c',
          color: COLORS.blue,
        },
        {
          type: 'bar',
          name: t('reach.abandoned'),
          data: count('abandoned'),
          stack: 'c',
          color: COLORS.orange,
        },
        {
          type: 'line',
          name: t('reach.offered'),
          data: count('offered'),
          color: COLORS.grey,
          symbolSize: 5,
        },
      ],
    };
  }, [daily.data, view, grain, lang, t]);
  const rows = daily.data?.rows ?? [];
  // The other reachability charts show one channel; say that these counts add up all of them.
  const title = view.state.filters.channel ? t('reach.volume') : t('reach.volumeAll');
  return (
    <Card
      title={title}
      kpi="service_level"
      csv={apiUrl('kpis', { ...view.base, kpis: ['service_level'], grain }, true)}
      loading={daily.loading}
      error={daily.error}
      testId="volume-card"
      figures={<PeriodFigures kpis={['service_level']} rows={rows} grain={grain} caption={title} />}
    >
      <Chart
        option={option}
        label={title}
        testId="volume-chart"
        onCategoryClick={bucketOpener(view, 'service_level', rows, buckets(view, grain), grain)}
      />
    </Card>
  );
}

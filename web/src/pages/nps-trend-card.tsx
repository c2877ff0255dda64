// NPS over time: promoters, passives and detractors (the `counts` of NPS) as stacked bars per day
// or week, and the NPS itself as a line on its own axis; a day opens its responses.
// Limits: weeks for periods over 31 days.

import { useMemo } from 'react';
import { apiUrl } from '../api/client.ts';
import type { KpiResponse } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, grid, legend, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { daysBetween, formatBucket } from '../format/dates.ts';
import { formatCount, formatNumber } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';
import { bucketOpener, PeriodFigures } from './chart-drill.tsx';
import { buckets, byBucket, samplePoints } from './daily.ts';

export function NpsTrendCard() {
  const view = useView();
  const { t, lang } = useI18n();
  const grain = daysBetween(view.range.from, view.range.to) > 31 ? 'week' : 'day';
  const q = { ...view.base, kpis: ['nps' as const], grain };
  const res = useApi<KpiResponse>(apiUrl('kpis', q));
  const rows = useMemo(() => res.data?.rows ?? [], [res.data]);
  const keys = useMemo(
    () => (grain === 'day' ? buckets(view, 'day') : [...byBucket(rows, 'nps').keys()].sort()),
    [grain, view, rows],
  );
  const nps = useMemo(
    () =>
      samplePoints(rows, 'nps', keys, view.minSample, (r) =>
        r.value === null ? null : Math.round(r.value),
      ),
    [rows, keys, view.minSample],
  );
  const option = useMemo<ChartOption>(() => {
    const m = byBucket(rows, 'nps');
    const count = (k: string) => keys.map((b) => m.get(b)?.counts[k] ?? 0);
    return {
      grid: grid({ right: 8 }),
      legend: legend(),
      tooltip: tooltip(),
      xAxis: categoryAxis(keys.map((b) => formatBucket(lang, b))),
      yAxis: [
        valueAxis(t('loyalty.responses'), (v) => formatCount(lang, v)),
        valueAxis('NPS', (v) => formatNumber(lang, v, 0, true), {
          min: -100,
          max: 100,
          splitLine: { show: false },
        }),
      ],
      series: [
        {
          type: 'bar',
          name: t('loyalty.promoters'),
          stack: 'n',
          data: count('promoters'),
          color: COLORS.green,
        },
        {
          type: 'bar',
          name: t('loyalty.passives'),
          stack: 'n',
          data: count('passives'),
          color: '#9aa5b1',
        },
        {
          type: 'bar',
          name: t('loyalty.detractors'),
          stack: 'n',
          data: count('detractors'),
          color: COLORS.red,
        },
        {
          type: 'line',
          name: 'NPS',
          yAxisIndex: 1,
          data: nps.points,
          symbol: 'circle',
          color: COLORS.blue,
          lineStyle: { width: 3 },
        },
      ],
    };
  }, [rows, keys, lang, t, nps]);
  return (
    <Card
      title={t('loyalty.nps')}
      kpi="nps"
      csv={apiUrl('kpis', q, true)}
      loading={res.loading}
      error={res.error}
      testId="nps-card"
      note={nps.small ? t('loyalty.smallSample', { min: view.minSample }) : undefined}
      figures={
        <PeriodFigures kpis={['nps']} rows={rows} grain={grain} caption={t('loyalty.nps')} />
      }
    >
      <Chart
        option={option}
        label={t('loyalty.nps')}
        height={280}
        testId="nps-chart"
        onCategoryClick={bucketOpener(view, 'nps', rows, keys, grain)}
      />
    </Card>
  );
}

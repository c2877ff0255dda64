// Customer effort per day: % positive (low effort) and the mean score of the largest scale; a
// point opens its responses. Limits: the mean is per scale (scales are never averaged together);
// the largest scale is drawn, on an axis as long as that scale.

import { useMemo } from 'react';
import { apiUrl } from '../api/client.ts';
import type { KpiRow } from '../api/types.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, grid, legend, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatBucket } from '../format/dates.ts';
import { formatNumber, formatPercentAxis } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { kpiName, useView } from '../state/view-context.ts';
import { openFigure, PeriodFigures } from './chart-drill.tsx';
import { buckets, byBucket, samplePoints, trendGrain, useDaily } from './daily.ts';

const KPIS = ['ces_positive', 'ces'] as const;

/** The largest scale's top score ("1-7" → 7), so the mean's axis is as long as its scale. */
function scaleTop(scale: string | null | undefined): number | null {
  const m = /-(\d+)$/.exec(scale ?? '');
  return m ? Number(m[1]) : null;
}

const round = (digits: number) => (r: KpiRow) =>
  r.value === null ? null : Number(r.value.toFixed(digits));

export function CesCard() {
  const view = useView();
  const { t, lang } = useI18n();
  const grain = trendGrain(view);
  const daily = useDaily(view, KPIS, grain);
  const rows = useMemo(() => daily.data?.rows ?? [], [daily.data]);
  const keys = useMemo(() => buckets(view, grain), [view, grain]);
  const [positive, mean] = useMemo(
    () => [
      samplePoints(rows, 'ces_positive', keys, view.minSample, round(1)),
      samplePoints(rows, 'ces', keys, view.minSample, round(2)),
    ],
    [rows, keys, view.minSample],
  );
  const option = useMemo<ChartOption>(() => {
    const top = scaleTop([...byBucket(rows, 'ces').values()].sort((a, b) => b.n - a.n)[0]?.scale);
    return {
      grid: grid(),
      legend: legend(),
      tooltip: tooltip(),
      xAxis: categoryAxis(keys.map((b) => formatBucket(lang, b))),
      yAxis: [
        valueAxis('%', (v) => formatPercentAxis(lang, v), { min: 0, max: 100 }),
        valueAxis('', (v) => formatNumber(lang, v, 1), {
          min: 1,
          ...(top ? { max: top } : {}),
          splitLine: { show: false },
        }),
      ],
      series: [
        {
          type: 'line',
          name: kpiName(view, 'ces_positive'),
          data: positive.points,
          symbol: 'circle',
          color: COLORS.teal,
          lineStyle: { width: 3 },
        },
        {
          type: 'line',
          name: kpiName(view, 'ces'),
          yAxisIndex: 1,
          data: mean.points,
          symbol: 'circle',
          color: COLORS.purple,
        },
      ],
    };
  }, [rows, keys, lang, positive, mean, view]);
  const open = (i: number, seriesIndex: number) => {
    const kpi = KPIS[seriesIndex];
    const period = keys[i];
    if (kpi && period !== undefined) openFigure(view, kpi, rows, { period }, grain);
  };
  return (
    <Card
      title={t('loyalty.ces')}
      kpi="ces_positive"
      csv={apiUrl('kpis', { ...view.base, kpis: KPIS, grain }, true)}
      loading={daily.loading}
      error={daily.error}
      testId="ces-card"
      note={
        positive.small || mean.small ? t('loyalty.smallSample', { min: view.minSample }) : undefined
      }
      figures={<PeriodFigures kpis={KPIS} rows={rows} grain={grain} caption={t('loyalty.ces')} />}
    >
      <Chart option={option} label={t('loyalty.ces')} height={260} onItemClick={open} />
    </Card>
  );
}

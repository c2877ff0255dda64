// Waiting time per day: ASA (mean) with its p50 and p90, because averages hide peaks (KPIS.md).
// One channel (voice unless the filters choose another): e-mail hours would flatten voice seconds.
// Limits: percentiles per day are exact (engine), not re-aggregated.

import { useMemo } from 'react';
import { chartChannel } from '../api/channel-split.ts';
import { apiUrl } from '../api/client.ts';
import type { KpiResponse } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, grid, legend, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatBucket } from '../format/dates.ts';
import { formatNumber } from '../format/format.ts';
import { channelLabel } from '../format/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Group } from '../state/url-state.ts';
import { useView } from '../state/view-context.ts';
import { PeriodFigures, openFigure } from './chart-drill.tsx';
import { buckets, series, trendGrain } from './daily.ts';

export function WaitCard() {
  const view = useView();
  const { t, lang } = useI18n();
  const grain = trendGrain(view);
  // Voice unless the filters choose a channel; the heatmap above says why (one note is enough).
  const { channel, implicit } = chartChannel(view);
  const filters = channel ? { ...view.base.filters, channel } : view.base.filters;
  const q = { ...view.base, filters, kpis: ['asa' as const], grain };
  const res = useApi<KpiResponse>(apiUrl('kpis', q));
  const rows = useMemo(() => res.data?.rows ?? [], [res.data]);
  const keys = buckets(view, grain);
  const option = useMemo<ChartOption>(() => {
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
  }, [rows, view, grain, lang, t]);
  // Rows behind a day: the implicit channel travels in the group (it is not in the filters).
  const extra: Group = implicit && channel ? { channel } : {};
  const openDay = (i: number) => {
    const period = keys[i];
    if (period !== undefined) openFigure(view, 'asa', rows, { period }, grain, extra);
  };
  const title = channel
    ? t('reach.waitOf', { channel: channelLabel(t, channel) })
    : t('reach.wait');
  return (
    <Card
      title={title}
      kpi="asa"
      csv={apiUrl('kpis', q, true)}
      loading={res.loading}
      error={res.error}
      note={channel ? undefined : t('reach.mixNote')}
      testId="wait-card"
      figures={
        <PeriodFigures kpis={['asa']} rows={rows} grain={grain} caption={title} extra={extra} />
      }
    >
      <Chart option={option} label={title} onCategoryClick={openDay} testId="wait-chart" />
    </Card>
  );
}

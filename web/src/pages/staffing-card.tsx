// The staffing plan: agents required for the SL target against agents staffed, per 30-minute
// interval, with the predicted service level. Limits: shows what /api/v1/staffing returns; when
// the server has no plan it says so instead of guessing.

import { useMemo } from 'react';
import { apiUrl } from '../api/client.ts';
import { staffingRows, type StaffingResponse } from '../api/staffing.ts';
import { useApi } from '../api/use-api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, grid, legend, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatBucket } from '../format/dates.ts';
import { formatNumber, formatPercent, formatPercentAxis } from '../format/format.ts';
import { StaffingTotalsLine } from './staffing-totals.tsx';
import { useI18n } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';

export const STAFFING_TARGET = '80/20';

export function StaffingCard() {
  const view = useView();
  const { t, lang } = useI18n();
  const { channel, queue } = view.state.filters;
  const extra: [string, string][] = [
    ['interval', '30'],
    ['target', STAFFING_TARGET],
    ...(channel ? [['channel', channel] as [string, string]] : []),
    ...(queue ? [['queue', queue] as [string, string]] : []),
  ];
  const q = { from: view.base.from, to: view.base.to, extra };
  const res = useApi<StaffingResponse>(apiUrl('staffing', q));
  const rows = useMemo(() => staffingRows(res.data?.rows ?? []), [res.data]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: grid({ right: 8 }),
      legend: legend(),
      tooltip: tooltip(),
      xAxis: categoryAxis(
        rows.map((r) =>
          r.start.length > 10 ? formatBucket(lang, r.start.replace('T', ' ')) : r.start,
        ),
      ),
      yAxis: [
        valueAxis(t('cost.agentsAxis'), (v) => formatNumber(lang, v, 0)),
        valueAxis('', (v) => formatPercentAxis(lang, v), {
          min: 0,
          max: 100,
          splitLine: { show: false },
        }),
      ],
      series: [
        {
          type: 'bar',
          name: t('cost.staffed'),
          data: rows.map((r) => r.staffed),
          color: '#9db7d9',
          barCategoryGap: '20%',
        },
        {
          type: 'line',
          name: t('cost.required'),
          data: rows.map((r) => r.required),
          color: COLORS.red,
          step: 'middle',
          symbol: 'none',
          lineStyle: { width: 2 },
        },
        {
          type: 'line',
          name: t('cost.predictedSl'),
          yAxisIndex: 1,
          data: rows.map((r) => (r.predictedSl === null ? null : Number(r.predictedSl.toFixed(1)))),
          color: COLORS.teal,
          symbol: 'none',
          lineStyle: { width: 1, opacity: 0.8 },
        },
      ],
    }),
    [rows, lang, t],
  );
  return (
    <Card
      title={t('cost.staffing')}
      wide
      csv={apiUrl('staffing', q, true)}
      loading={res.loading}
      error={res.error}
      empty={!!res.data && rows.length === 0}
      note={`${t('cost.staffingNote', { target: STAFFING_TARGET })}${channel ? '' : ` ${t('cost.staffingVoice')}`}${res.data?.shrinkage !== undefined ? ` ${t('cost.shrinkage', { value: formatPercent(lang, res.data.shrinkage * 100) })}` : ''}`}
      testId="staffing-card"
    >
      <StaffingTotalsLine res={res.data} />
      <Chart option={option} label={t('cost.staffing')} height={300} />
    </Card>
  );
}

// The staffing plan: agents required for the workspace's SL target against agents staffed, per
// 30-minute interval, with the predicted service level; an interval opens its contacts.
// Limits: shows what /api/v1/staffing returns; the plan covers a queue (voice unless a channel is
// chosen), and the note says which filters it ignores.

import { useMemo } from 'react';
import { apiUrl } from '../api/client.ts';
import { percentFactor, staffingRows, type StaffingResponse } from '../api/staffing.ts';
import { useApi } from '../api/use-api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, grid, legend, tooltip, valueAxis } from '../charts/options.ts';
import { AXIS_TEXT, COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatBucket } from '../format/dates.ts';
import { formatNumber, formatPercentAxis } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';
import { StaffingTotalsLine } from './staffing-totals.tsx';
import { planChannel, STAFFING_FILTERS, staffingNote } from './staffing-note.ts';

export function StaffingCard() {
  const view = useView();
  const { t, lang } = useI18n();
  // No `target`: the server plans for the workspace's own SL target and threshold.
  const extra: [string, string][] = [['interval', '30']];
  for (const d of STAFFING_FILTERS) {
    const v = view.state.filters[d];
    if (v) extra.push([d, v]);
  }
  const q = { from: view.base.from, to: view.base.to, extra };
  const res = useApi<StaffingResponse>(apiUrl('staffing', q));
  const factor = percentFactor(res.data);
  const rows = useMemo(() => staffingRows(res.data?.rows ?? [], factor), [res.data, factor]);
  const option = useMemo<ChartOption>(() => {
    const starts = rows.map((r) => r.start);
    const days = new Set(starts.map((s) => s.slice(0, 10))).size;
    // One tick per day (at its first interval) over several days, every two hours within one.
    const tick = (i: number) =>
      days > 1
        ? i === 0 || starts[i]?.slice(0, 10) !== starts[i - 1]?.slice(0, 10)
        : /(0[02468]|1[02468]|2[02]):00$/.test(starts[i] ?? '');
    return {
      grid: grid({ right: 8 }),
      legend: legend(),
      tooltip: tooltip(),
      xAxis: categoryAxis(starts, {
        axisLabel: {
          ...AXIS_TEXT,
          interval: (i: number) => tick(i),
          formatter: (v: string) => (days > 1 ? formatBucket(lang, v.slice(0, 10)) : v.slice(11)),
        },
        axisTick: { show: true, interval: (i: number) => tick(i) },
      }),
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
    };
  }, [rows, lang, t]);
  const channel = planChannel(view, res.data);
  // An interval opens the contacts behind its service level (the plan's channel in the group).
  const open = (i: number) => {
    const r = rows[i];
    if (!r || !r.volume || r.start.length < 16) return;
    const group = {
      ...(channel && !view.state.filters.channel ? { channel } : {}),
      period: r.start.slice(0, 16),
    };
    view.openPanel({ kind: 'drill', kpi: 'service_level', group, grain: '30m' });
  };
  return (
    <Card
      title={t('cost.staffing')}
      wide
      kpi="service_level"
      csv={apiUrl('staffing', q, true)}
      loading={res.loading}
      error={res.error}
      empty={!!res.data && rows.length === 0}
      note={staffingNote(view, t, res.data, factor)}
      testId="staffing-card"
    >
      <StaffingTotalsLine res={res.data} />
      <Chart
        option={option}
        label={t('cost.staffing')}
        height={300}
        testId="staffing-chart"
        onCategoryClick={open}
      />
    </Card>
  );
}

// Service level or ASA by weekday × time of day (by=weekday,slot, 15- or 30-minute slots), as a
// heatmap whose cells open the rows behind them. Limits: slots without contacts stay blank.

import { useCallback, useMemo } from 'react';
import { apiUrl } from '../api/client.ts';
import type { KpiResponse, KpiRow } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, tooltip } from '../charts/options.ts';
import { scaleColor, scaleGradient } from '../charts/color-scale.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatCount, formatKpi, formatNumber, formatPercentAxis } from '../format/format.ts';
import { weekdayLabel } from '../format/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { HEAT_KPIS, type HeatKpi } from '../state/url-state.ts';
import { kpiName, useView } from '../state/view-context.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function HeatmapCard() {
  const view = useView();
  const { t, lang } = useI18n();
  const { slot, heat } = view.state;
  const q = { ...view.base, kpis: [heat], by: ['weekday', 'slot'], slot };
  const res = useApi<KpiResponse>(apiUrl('kpis', q));
  const rows = useMemo(() => (res.data?.rows ?? []).filter((r) => r.kpi === heat), [res.data, heat]);
  const slots = useMemo(() => [...new Set(rows.map((r) => String(r.keys['slot'])))].sort(), [rows]);
  const cells = useMemo(
    () =>
      rows
        .filter((r) => r.value !== null)
        .map((r) => ({ row: r, x: slots.indexOf(String(r.keys['slot'])), y: WEEKDAYS.indexOf(Number(r.keys['weekday'])) })),
    [rows, slots],
  );
  const isSl = heat === 'service_level';
  const lo = 0;
  const hi = isSl ? 100 : Math.max(60, ...cells.map((c) => c.row.value as number));
  const option = useMemo<ChartOption>(() => {
    const isSl = heat === 'service_level';
    const fmt = (r: KpiRow) => formatKpi(view.fmt, heat, r.unit, r.value);
    return {
      grid: { left: 8, right: 12, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        ...tooltip('item'),
        formatter: (p: unknown) => {
          const c = cells[(p as { dataIndex: number }).dataIndex];
          if (!c) return '';
          return `${weekdayLabel(t, String(c.row.keys['weekday']))} ${String(c.row.keys['slot'])}<br/>${kpiName(view, heat)}: <b>${fmt(c.row)}</b><br/>${t('tile.n', { n: formatCount(lang, c.row.n) })}`;
        },
      },
      xAxis: categoryAxis(slots, { splitArea: { show: false } }),
      yAxis: categoryAxis(WEEKDAYS.map((d) => weekdayLabel(t, d)), { inverse: true }),
      series: [
        {
          type: 'heatmap',
          data: cells.map((c) => ({
            value: [c.x, c.y, c.row.value as number],
            itemStyle: { color: scaleColor(c.row.value as number, lo, hi, !isSl) },
          })),
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          emphasis: { itemStyle: { borderColor: '#18212b', borderWidth: 2 } },
        },
      ],
    };
  }, [cells, slots, heat, view, t, lang, isSl, hi]);
  const onClick = useCallback(
    (i: number) => {
      const c = cells[i];
      if (c) view.openPanel({ kind: 'drill', kpi: heat, group: { weekday: String(c.row.keys['weekday']), slot: String(c.row.keys['slot']) }, grain: null });
    },
    [cells, heat, view],
  );
  const tools = (
    <>
      <label className="field">
        <span>{t('reach.figure')}</span>
        <select value={heat} data-testid="heat-select" onChange={(e) => view.update({ heat: e.target.value as HeatKpi })}>
          {HEAT_KPIS.map((k) => (
            <option key={k} value={k}>
              {kpiName(view, k)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('reach.interval')}</span>
        <select value={slot} data-testid="slot-select" onChange={(e) => view.update({ slot: e.target.value === '15' ? 15 : 30 })}>
          <option value="15">{t('reach.minutes', { n: 15 })}</option>
          <option value="30">{t('reach.minutes', { n: 30 })}</option>
        </select>
      </label>
    </>
  );
  return (
    <Card
      title={t('reach.heatmap')}
      wide
      tools={tools}
      csv={apiUrl('kpis', q, true)}
      loading={res.loading}
      error={res.error}
      empty={!!res.data && cells.length === 0}
      testId="heatmap-card"
    >
      <Chart option={option} label={t('reach.heatmap')} height={260} onItemClick={onClick} testId="heatmap" />
      <div className="scale-legend small muted" aria-hidden="true">
        <span>{isSl ? formatPercentAxis(lang, lo) : `${formatNumber(lang, lo, 0)} s`}</span>
        <span className="scale-bar" style={{ background: scaleGradient(!isSl) }} />
        <span>{isSl ? formatPercentAxis(lang, hi) : `${formatNumber(lang, hi, 0)} s`}</span>
      </div>
    </Card>
  );
}

// AHT split into talk, hold and after-contact work per channel (the `parts` of AHT), in minutes;
// a bar opens the channel's contacts. No all-channel bar: AHT's benchmark is for calls, and a
// blend of e-mail and voice handle times describes no queue. Limits: parts are means per handled
// contact; they add up to AHT.

import { useMemo } from 'react';
import { byChannel } from '../api/channel-split.ts';
import { apiUrl } from '../api/client.ts';
import type { KpiResponse } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, grid, legend, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatMinSec, formatNumber } from '../format/format.ts';
import { channelLabel } from '../format/labels.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';
import { BreakdownTable } from './breakdown-table.tsx';
import { openFigure } from './chart-drill.tsx';

const PARTS: readonly [string, MessageKey, string][] = [
  ['talk_s', 'reach.talk', COLORS.blue],
  ['hold_s', 'reach.hold', COLORS.orange],
  ['acw_s', 'reach.acw', COLORS.teal],
];

export function AhtSplitCard() {
  const view = useView();
  const { t, lang } = useI18n();
  const q = { ...view.base, kpis: ['aht' as const], by: ['channel'] };
  const res = useApi<KpiResponse>(apiUrl('kpis', q));
  const rows = useMemo(
    () => (res.data?.rows ?? []).filter((r) => r.kpi === 'aht' && r.n > 0).sort(byChannel),
    [res.data],
  );
  const option = useMemo<ChartOption>(
    () => ({
      grid: grid({ right: 70 }),
      legend: legend(),
      tooltip: { ...tooltip(), valueFormatter: (v: unknown) => formatMinSec(lang, Number(v) * 60) },
      yAxis: categoryAxis(
        rows.map((r) => channelLabel(t, String(r.keys['channel']))),
        { inverse: true },
      ),
      // Whole minutes on the axis (a short AHT would otherwise repeat "1, 1, 2, 2").
      xAxis: valueAxis(t('reach.minutesAxis'), (v) => formatNumber(lang, v, 0), { minInterval: 1 }),
      series: PARTS.map(([key, label, color], i) => ({
        type: 'bar' as const,
        name: t(label),
        stack: 'aht',
        color,
        barMaxWidth: 28,
        data: rows.map((r) => (r.parts?.[key] ?? 0) / 60),
        label:
          i === PARTS.length - 1
            ? {
                show: true,
                position: 'right' as const,
                color: '#18212b',
                formatter: (p: { dataIndex: number }) =>
                  formatMinSec(lang, rows[p.dataIndex]?.value ?? null),
              }
            : undefined,
      })),
    }),
    [rows, lang, t],
  );
  const open = (i: number) => {
    const channel = rows[i]?.keys['channel'];
    if (channel !== undefined) openFigure(view, 'aht', rows, { channel: String(channel ?? '') });
  };
  return (
    <Card
      title={t('reach.aht')}
      kpi="aht"
      csv={apiUrl('kpis', q, true)}
      loading={res.loading}
      error={res.error}
      empty={!!res.data && rows.length === 0}
      testId="aht-card"
      figures={
        <BreakdownTable
          dim="channel"
          kpis={['aht']}
          rows={rows}
          caption={t('reach.aht')}
          order="given"
        />
      }
    >
      <Chart
        option={option}
        label={t('reach.aht')}
        testId="aht-chart"
        categoryAxis="y"
        onCategoryClick={open}
        height={Math.max(160, 70 + rows.length * 48)}
      />
    </Card>
  );
}

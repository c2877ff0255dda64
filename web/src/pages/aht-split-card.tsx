// AHT split into talk, hold and after-contact work, per channel and for all channels (the
// `parts` of AHT), in minutes. Limits: parts are means per handled contact; they add up to AHT.

import { useMemo } from 'react';
import { apiUrl } from '../api/client.ts';
import type { KpiResponse, KpiRow } from '../api/types.ts';
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

const PARTS: readonly [string, MessageKey, string][] = [
  ['talk_s', 'reach.talk', COLORS.blue],
  ['hold_s', 'reach.hold', COLORS.orange],
  ['acw_s', 'reach.acw', COLORS.teal],
];

export function AhtSplitCard({ total }: { readonly total: KpiRow | null }) {
  const view = useView();
  const { t, lang } = useI18n();
  const q = { ...view.base, kpis: ['aht' as const], by: ['channel'] };
  const res = useApi<KpiResponse>(apiUrl('kpis', q));
  const option = useMemo<ChartOption>(() => {
    const rows = (res.data?.rows ?? []).filter((r) => r.kpi === 'aht' && r.n > 0);
    const all = [...rows, ...(total ? [total] : [])];
    const names = [...rows.map((r) => channelLabel(t, String(r.keys['channel']))), t('common.all')];
    return {
      grid: grid({ right: 70 }),
      legend: legend(),
      tooltip: { ...tooltip(), valueFormatter: (v: unknown) => formatMinSec(lang, Number(v) * 60) },
      yAxis: categoryAxis(names, { inverse: true }),
      xAxis: valueAxis(t('reach.minutesAxis'), (v) => formatNumber(lang, v, 0)),
      series: PARTS.map(([key, label, color], i) => ({
        type: 'bar' as const,
        name: t(label),
        stack: 'aht',
        color,
        barMaxWidth: 28,
        data: all.map((r) => (r.parts?.[key] ?? 0) / 60),
        label:
          i === PARTS.length - 1
            ? {
                show: true,
                position: 'right' as const,
                color: '#18212b',
                formatter: (p: { dataIndex: number }) =>
                  formatMinSec(lang, all[p.dataIndex]?.value ?? null),
              }
            : undefined,
      })),
    };
  }, [res.data, total, lang, t]);
  return (
    <Card
      title={t('reach.aht')}
      csv={apiUrl('kpis', q, true)}
      loading={res.loading}
      error={res.error}
      testId="aht-card"
    >
      <Chart option={option} label={t('reach.aht')} />
    </Card>
  );
}

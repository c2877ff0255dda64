// Cost per resolution by channel or team: a bar per group and a table whose values open their
// rows, with n (cases resolved); a bar opens its cases too. Limits: costs are attributable by
// channel or team only; without costs per group the card says so instead of a table of "—".

import { useMemo } from 'react';
import { byChannel } from '../api/channel-split.ts';
import { apiUrl } from '../api/client.ts';
import type { KpiResponse } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, grid, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatKpi, formatNumber } from '../format/format.ts';
import { keyLabel } from '../format/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';
import { BreakdownTable } from './breakdown-table.tsx';
import { openFigure } from './chart-drill.tsx';

export function CostCard({ dim }: { readonly dim: 'channel' | 'team' }) {
  const view = useView();
  const { t, lang } = useI18n();
  const q = { ...view.base, kpis: ['cost_per_resolution' as const], by: [dim] };
  const res = useApi<KpiResponse>(apiUrl('kpis', q));
  const totals = useApi<KpiResponse>(
    apiUrl('kpis', { ...view.base, kpis: ['cost_per_resolution'] }),
  );
  const title = dim === 'channel' ? t('cost.byChannel') : t('cost.byTeam');
  const rows = useMemo(() => {
    const rs = (res.data?.rows ?? []).filter((r) => r.kpi === 'cost_per_resolution');
    return dim === 'channel' ? rs.sort(byChannel) : rs;
  }, [res.data, dim]);
  const option = useMemo<ChartOption>(() => {
    const fmt = (v: number | null) => formatKpi(view.fmt, 'cost_per_resolution', 'currency', v);
    return {
      grid: grid({ top: 28, right: 24 }),
      tooltip: { ...tooltip(), valueFormatter: (v: unknown) => fmt(Number(v)) },
      xAxis: categoryAxis(rows.map((r) => keyLabel(t, dim, r.keys[dim]))),
      yAxis: valueAxis(view.fmt.currency, (v) => formatNumber(lang, v, 0)),
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          data: rows.map((r) => ({
            value: r.value ?? 0,
            itemStyle: {
              color:
                r.rating.status === 'red'
                  ? COLORS.red
                  : r.rating.status === 'amber'
                    ? COLORS.amber
                    : COLORS.blue,
            },
          })),
          label: {
            show: true,
            position: 'top',
            color: '#18212b',
            formatter: (p: { dataIndex: number }) => fmt(rows[p.dataIndex]?.value ?? null),
          },
        },
      ],
    };
  }, [rows, view, lang, t, dim]);
  const open = (i: number) => {
    const key = rows[i]?.keys[dim];
    if (key !== undefined)
      openFigure(view, 'cost_per_resolution', rows, { [dim]: key === null ? '' : String(key) });
  };
  const attributable = rows.some((r) => r.value !== null);
  return (
    <Card
      title={title}
      kpi="cost_per_resolution"
      csv={apiUrl('kpis', q, true)}
      loading={res.loading}
      error={res.error}
      empty={!!res.data && rows.length === 0}
      testId={`cost-card-${dim}`}
    >
      {attributable ? (
        <>
          <Chart option={option} label={title} height={220} onCategoryClick={open} />
          <BreakdownTable
            dim={dim}
            kpis={['cost_per_resolution']}
            rows={rows}
            totals={totals.data?.rows ?? []}
            caption={title}
            order={dim === 'channel' ? 'given' : 'n'}
          />
        </>
      ) : (
        <p className="muted small" data-testid="cost-not-attributable">
          {t('cost.notAttributable', {
            dim: t(dim === 'channel' ? 'dim.channel' : 'dim.team').toLowerCase(),
          })}
        </p>
      )}
    </Card>
  );
}

// The distribution of waiting times of answered contacts, with p50 and p90 of all of them marked.
// Built from the rows behind ASA (up to 5 pages of 1,000); the note says when that is a sample.
// Limits: the first 5,000 rows in time order; a server-side histogram would avoid the transfer.

import { useMemo } from 'react';
import { apiUrl } from '../api/client.ts';
import type { KpiRow, RowsResponse } from '../api/types.ts';
import { useApiAll } from '../api/use-api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { grid, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatCount, formatNumber } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';

const PAGE = 1000;
const MAX_PAGES = 5;
const STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600];

export function histogram(waits: readonly number[], maxBins = 30): { width: number; counts: number[] } {
  const max = Math.max(0, ...waits);
  const width = STEPS.find((s) => max / s <= maxBins) ?? Math.ceil(max / maxBins);
  const counts = new Array<number>(Math.floor(max / width) + 1).fill(0);
  for (const w of waits) counts[Math.floor(w / width)]! += 1;
  return { width, counts };
}

export function HistogramCard({ asa }: { readonly asa: KpiRow | null }) {
  const view = useView();
  const { t, lang } = useI18n();
  const n = asa?.n ?? 0;
  const pages = Math.min(MAX_PAGES, Math.ceil(n / PAGE));
  const urls = useMemo(
    () =>
      asa && pages > 0
        ? Array.from({ length: pages }, (_, i) =>
            apiUrl('contacts', { ...view.base, extra: [['kpi', 'asa'], ['page', String(i + 1)], ['page_size', String(PAGE)]] }),
          )
        : null,
    [asa, pages, view.base],
  );
  const res = useApiAll<RowsResponse>(urls);
  const waits = useMemo(
    () => (res.data ?? []).flatMap((p) => p.rows.map((r) => Number(r['wait_s'] ?? 0))).filter(Number.isFinite),
    [res.data],
  );
  const option = useMemo<ChartOption>(() => {
    const { width, counts } = histogram(waits);
    const mark = (name: string, v: number | null | undefined, color: string) =>
      v === null || v === undefined
        ? []
        : [{ xAxis: v, name, lineStyle: { color, type: 'dashed' as const, width: 2 }, label: { formatter: `${name} ${formatNumber(lang, v, 0)} s`, color } }];
    return {
      grid: grid({ top: 30, right: 24 }),
      tooltip: {
        ...tooltip('item'),
        formatter: (p: unknown) => {
          const [x, c] = (p as { value: [number, number] }).value;
          const lo = x - width / 2;
          return `${formatNumber(lang, lo, 0)}–${formatNumber(lang, lo + width, 0)} s: <b>${formatCount(lang, c)}</b>`;
        },
      },
      xAxis: valueAxis(t('reach.waitSeconds'), (v) => formatNumber(lang, v, 0), { min: 0, nameLocation: 'middle', nameGap: 26, splitLine: { show: false } }),
      yAxis: valueAxis(t('reach.contacts'), (v) => formatCount(lang, v)),
      series: [
        {
          type: 'bar',
          data: counts.map((c, i) => [i * width + width / 2, c]),
          barWidth: '90%',
          color: COLORS.blue,
          markLine: {
            symbol: 'none',
            silent: true,
            data: [...mark('p50', asa?.percentiles?.p50, COLORS.teal), ...mark('p90', asa?.percentiles?.p90, COLORS.red)],
          },
        },
      ],
    };
  }, [waits, asa, lang, t]);
  return (
    <Card
      title={t('reach.hist')}
      loading={res.loading}
      error={res.error}
      empty={n === 0}
      note={t('reach.histNote', { count: formatCount(lang, waits.length), total: formatCount(lang, n) })}
      testId="histogram-card"
    >
      <Chart option={option} label={t('reach.hist')} />
    </Card>
  );
}

// The distribution of waiting times of answered contacts, with p50 and p90 of all of them marked.
// Built from the rows behind ASA (up to 5 pages of 1,000); the note says when that is a sample.
// Limits: the first 5,000 rows in time order; fixed buckets from seconds to a day; a
// server-side histogram would avoid the transfer.

import { useMemo } from 'react';
import { apiUrl } from '../api/client.ts';
import type { KpiRow, Lang, RowsResponse } from '../api/types.ts';
import { useApiAll } from '../api/use-api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { categoryAxis, grid, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { formatCount, formatNumber } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';

const PAGE = 1000;
const MAX_PAGES = 5;
/** Bucket edges in seconds, fine where voice and chat wait, coarse where e-mail waits. */
export const EDGES = [
  0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1800, 3600, 14_400, 28_800, 86_400,
];

/** Counts per bucket [EDGES[i], EDGES[i+1]); the last bucket is open-ended. */
export function bucketCounts(waits: readonly number[]): number[] {
  const counts = new Array<number>(EDGES.length).fill(0);
  for (const w of waits) {
    let i = EDGES.length - 1;
    while (i > 0 && w < (EDGES[i] as number)) i--;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** The bucket a value falls in. */
export const bucketOf = (v: number): number => {
  let i = EDGES.length - 1;
  while (i > 0 && v < (EDGES[i] as number)) i--;
  return i;
};

function edgeText(lang: Lang, s: number): string {
  if (s >= 3600) return `${formatNumber(lang, s / 3600, 0)} h`;
  if (s >= 60) return `${formatNumber(lang, s / 60, 0)} min`;
  return `${formatNumber(lang, s, 0)} s`;
}

function bucketLabel(lang: Lang, i: number): string {
  const lo = EDGES[i] as number;
  const hi = EDGES[i + 1];
  return hi === undefined
    ? `≥ ${edgeText(lang, lo)}`
    : `${edgeText(lang, lo)}–${edgeText(lang, hi)}`;
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
            apiUrl('contacts', {
              ...view.base,
              extra: [
                ['kpi', 'asa'],
                ['page', String(i + 1)],
                ['page_size', String(PAGE)],
              ],
            }),
          )
        : null,
    [asa, pages, view.base],
  );
  const res = useApiAll<RowsResponse>(urls);
  const waits = useMemo(
    () =>
      (res.data ?? [])
        .flatMap((p) => p.rows.map((r) => Number(r['wait_s'] ?? 0)))
        .filter(Number.isFinite),
    [res.data],
  );
  const option = useMemo<ChartOption>(() => {
    const all = bucketCounts(waits);
    let last = all.length - 1;
    while (last > 0 && all[last] === 0) last--;
    const p50 = asa?.percentiles?.p50 ?? null;
    const p90 = asa?.percentiles?.p90 ?? null;
    for (const v of [p50, p90]) if (v !== null) last = Math.max(last, bucketOf(v));
    // Both in one bucket: one line, one label (two would print on top of each other).
    const together = p50 !== null && p90 !== null && bucketOf(p50) === bucketOf(p90);
    const secs = (v: number | null) => (v === null ? '—' : `${formatNumber(lang, v, 0)} s`);
    const counts = all.slice(0, last + 1);
    const labels = counts.map((_, i) => bucketLabel(lang, i));
    const mark = (
      name: string,
      v: number | null,
      color: string,
      position: 'end' | 'insideEndTop',
    ) =>
      v === null
        ? []
        : [
            {
              xAxis: labels[bucketOf(v)],
              name,
              lineStyle: { color, type: 'dashed' as const, width: 2 },
              label: {
                formatter: `${name} ${formatNumber(lang, v, 0)} s`,
                color,
                position,
                fontWeight: 'bold' as const,
              },
            },
          ];
    return {
      grid: grid({ top: 36, right: 24, bottom: 8 }),
      tooltip: { ...tooltip('axis'), valueFormatter: (v: unknown) => formatCount(lang, Number(v)) },
      xAxis: categoryAxis(labels, {
        axisLabel: {
          color: '#3d4753',
          fontSize: 11,
          rotate: labels.length > 10 ? 35 : 0,
          interval: 0,
        },
      }),
      // No axis name: the p50 label sits where it would be; the tooltip names the count.
      yAxis: valueAxis('', (v) => formatCount(lang, v)),
      series: [
        {
          type: 'bar',
          name: t('reach.contacts'),
          data: counts,
          barCategoryGap: '15%',
          color: COLORS.blue,
          markLine: {
            symbol: 'none',
            silent: true,
            data: together
              ? mark(`p50 ${secs(p50)} · p90`, p90, COLORS.red, 'end')
              : [
                  ...mark('p50', p50, COLORS.teal, 'end'),
                  ...mark('p90', p90, COLORS.red, 'insideEndTop'),
                ],
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
      note={t('reach.histNote', {
        count: formatCount(lang, waits.length),
        total: formatCount(lang, n),
      })}
      testId="histogram-card"
    >
      <Chart option={option} label={t('reach.hist')} />
    </Card>
  );
}

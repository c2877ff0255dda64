// FCR against another KPI per agent or team, drawn from the data: one dot per group, sized by
// its number of cases, with the correlation across groups in the note (KPIS.md: link FCR to CSAT
// and AHT); a dot opens the group's cases. Groups with too few cases or surveys are left out: an
// agent with three surveys sits at CSAT 0 or 100 and says nothing. Limits: r is unweighted
// Pearson across the groups drawn.

import { useMemo } from 'react';
import type { KpiId, KpiRow } from '../api/types.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { correlation, grid, tooltip, valueAxis } from '../charts/options.ts';
import { COLORS } from '../charts/palette.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import { DefinitionButton } from '../components/figure-button.tsx';
import { formatCount, formatKpi, formatNumber } from '../format/format.ts';
import { keyLabel } from '../format/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { kpiName, useView } from '../state/view-context.ts';
import { openFigure } from './chart-drill.tsx';

/** Fewest cases (FCR's n) for a group to be drawn. */
export const MIN_CASES = 20;
/** Fewest records behind the other figure: surveys for CSAT, handled contacts for AHT. */
export const MIN_OTHER: Readonly<Partial<Record<KpiId, number>>> = { csat: 10, aht: 20 };

export interface ScatterCardProps {
  readonly title: string;
  readonly dim: string;
  readonly dimLabel: string;
  readonly y: KpiId;
  readonly rows: readonly KpiRow[];
  readonly loading: boolean;
  readonly error: string | null;
  readonly testId: string;
}

export function ScatterCard({
  title,
  dim,
  dimLabel,
  y,
  rows,
  loading,
  error,
  testId,
}: ScatterCardProps) {
  const view = useView();
  const { t, lang } = useI18n();
  const minOther = MIN_OTHER[y] ?? 0;
  const { points, groups } = useMemo(() => {
    const fcr = rows.filter((r) => r.kpi === 'fcr' && r.value !== null);
    const both = fcr.flatMap((f) => {
      const other = rows.find(
        (r) => r.kpi === y && r.keys[dim] === f.keys[dim] && r.value !== null,
      );
      return other ? [{ name: keyLabel(t, dim, f.keys[dim]), fcr: f, other }] : [];
    });
    return {
      points: both.filter((p) => p.fcr.n >= MIN_CASES && p.other.n >= minOther),
      groups: both.length,
    };
  }, [rows, y, dim, t, minOther]);
  const r = correlation(points.map((p) => [p.fcr.value, p.other.value] as const));
  const option = useMemo<ChartOption>(() => {
    const maxN = Math.max(1, ...points.map((p) => p.fcr.n));
    // AHT is drawn in minutes, so the axis steps are whole minutes, not 100-second thirds.
    const yOf = (v: number) => (y === 'aht' ? v / 60 : v);
    const yFmt = (v: number) => formatNumber(lang, v, Number.isInteger(v) ? 0 : 1);
    return {
      grid: grid({ top: 28, right: 24, bottom: 24 }),
      tooltip: {
        ...tooltip('item'),
        formatter: (p: unknown) => {
          const pt = points[(p as { dataIndex: number }).dataIndex];
          if (!pt) return '';
          return `<b>${pt.name}</b><br/>${kpiName(view, 'fcr')}: ${formatKpi(view.fmt, 'fcr', 'percent', pt.fcr.value)} (${t('tile.n', { n: formatCount(lang, pt.fcr.n) })})<br/>${kpiName(view, y)}: ${formatKpi(view.fmt, y, pt.other.unit, pt.other.value)} (${t('tile.n', { n: formatCount(lang, pt.other.n) })})`;
        },
      },
      xAxis: valueAxis(`${kpiName(view, 'fcr')} (%)`, (v) => formatNumber(lang, v, 0), {
        scale: true,
        nameLocation: 'middle',
        nameGap: 24,
      }),
      yAxis: valueAxis(`${kpiName(view, y)}${y === 'aht' ? ' (min)' : ' (%)'}`, yFmt, {
        scale: true,
        minInterval: 1,
      }),
      series: [
        {
          type: 'scatter',
          data: points.map((p) => [p.fcr.value as number, yOf(p.other.value as number)]),
          symbolSize: (_v: unknown, p: { dataIndex: number }) =>
            8 + 16 * Math.sqrt((points[p.dataIndex]?.fcr.n ?? 0) / maxN),
          itemStyle: { color: COLORS.blue, opacity: 0.75, borderColor: '#fff' },
          label: {
            show: points.length <= 20,
            position: 'right',
            formatter: (p: { dataIndex: number }) => points[p.dataIndex]?.name ?? '',
            color: '#3d4753',
            fontSize: 11,
          },
          labelLayout: { hideOverlap: true },
        },
      ],
    };
  }, [points, y, view, lang, t]);
  const note = (
    <>
      {t('quality.scatterNote', { dim: dimLabel })}{' '}
      <span data-testid={`${testId}-min`}>
        {t(y === 'csat' ? 'quality.minSurveys' : 'quality.minContacts', {
          cases: MIN_CASES,
          other: minOther,
          shown: formatCount(lang, points.length),
          all: formatCount(lang, groups),
        })}
      </span>
      {r !== null ? (
        <span data-testid={`${testId}-r`}>
          {' '}
          {t('quality.correlation', {
            r: formatNumber(lang, r, 2),
            n: formatCount(lang, points.length),
          })}
        </span>
      ) : null}
    </>
  );
  const open = (i: number) => {
    const key = points[i]?.fcr.keys[dim];
    if (key !== undefined)
      openFigure(view, 'fcr', rows, { [dim]: key === null ? '' : String(key) });
  };
  return (
    <Card
      title={title}
      loading={loading}
      error={error}
      empty={!loading && points.length === 0}
      note={note}
      testId={testId}
      tools={
        <>
          <DefinitionButton kpi="fcr" short="FCR" />
          <DefinitionButton kpi={y} short={y.toUpperCase()} />
        </>
      }
    >
      <Chart
        option={option}
        label={title}
        height={300}
        testId={`${testId}-chart`}
        onItemClick={open}
      />
    </Card>
  );
}

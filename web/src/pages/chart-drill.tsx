// What a click on a chart opens: the rows behind the clicked figure (a day of a trend, a channel's
// bar), and the same figures as buttons for keyboard users. Limits: a bucket without records opens
// nothing (there are no rows behind it).

import { rowFor } from '../api/rows.ts';
import type { KpiId, KpiRow } from '../api/types.ts';
import { formatBucket } from '../format/dates.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Group } from '../state/url-state.ts';
import type { View } from '../state/view-context.ts';
import { BreakdownTable } from './breakdown-table.tsx';

/** Opens the drill-down of a KPI's figure for a group, when it has records behind it. */
export function openFigure(
  view: View,
  kpi: KpiId,
  rows: readonly KpiRow[],
  group: Group,
  grain: string | null = null,
  /** Keys the query had as a filter the view does not (a chart's own channel). */
  extra: Group = {},
): void {
  const row = rowFor(rows, kpi, group);
  if (row && row.n > 0)
    view.openPanel({ kind: 'drill', kpi, group: { ...extra, ...group }, grain });
}

/** A click on the i-th bucket of a trend chart opens that bucket's rows. */
export const bucketOpener =
  (view: View, kpi: KpiId, rows: readonly KpiRow[], keys: readonly string[], grain: string) =>
  (i: number): void => {
    const key = keys[i];
    if (key !== undefined) openFigure(view, kpi, rows, { period: key }, grain);
  };

export interface PeriodFiguresProps {
  readonly kpis: readonly KpiId[];
  readonly rows: readonly KpiRow[];
  readonly grain: string;
  readonly caption: string;
  readonly extra?: Group;
}

/** A trend's figures per bucket as buttons (the keyboard's way to a chart's rows). */
export function PeriodFigures({ kpis, rows, grain, caption, extra }: PeriodFiguresProps) {
  const { lang } = useI18n();
  return (
    <BreakdownTable
      dim="period"
      kpis={kpis}
      rows={rows}
      grain={grain}
      order="key"
      label={(v) => formatBucket(lang, v)}
      caption={caption}
      extraGroup={extra}
    />
  );
}

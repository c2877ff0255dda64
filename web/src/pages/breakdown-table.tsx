// KPIs by one dimension as a table: every cell is a figure (opens its rows) with its n, every
// column header opens the KPI's definition, and the period total closes the table. Also the
// keyboard's way into a chart (by day, by channel). Limits: sorted by the first KPI's n, largest
// first, by key (days in order) or as given (channels in the dashboard's order).

import { groupOf, rowFor } from '../api/rows.ts';
import type { KpiId, KpiRow } from '../api/types.ts';
import { DefinitionButton, FigureButton } from '../components/figure-button.tsx';
import { formatCount } from '../format/format.ts';
import { keyLabel } from '../format/labels.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';
import type { Group } from '../state/url-state.ts';
import { kpiName, useView } from '../state/view-context.ts';

export interface BreakdownTableProps {
  readonly dim: string;
  readonly kpis: readonly KpiId[];
  readonly rows: readonly KpiRow[];
  /** The period totals for the last line; none when absent. */
  readonly totals?: readonly KpiRow[];
  readonly caption: string;
  /** The grain of `period` when dim is period. */
  readonly grain?: string | null;
  /** How a key is shown (default: keyLabel). */
  readonly label?: (key: string) => string;
  readonly order?: 'n' | 'key' | 'given';
  /** Keys added to every cell's group (a channel the query filtered on but the view does not). */
  readonly extraGroup?: Group;
}

export function BreakdownTable(props: BreakdownTableProps) {
  const { dim, kpis, rows, totals, caption, grain = null, order = 'n' } = props;
  const view = useView();
  const { t, lang } = useI18n();
  const label = props.label ?? ((v: string) => keyLabel(t, dim, v === '' ? null : v));
  // Groups with no records behind any figure (e.g. no agent on unanswered contacts) are left out.
  const values = [
    ...new Set(
      rows.filter((r) => r.n > 0).map((r) => (r.keys[dim] === null ? '' : String(r.keys[dim]))),
    ),
  ];
  const first = kpis[0] as KpiId;
  const weight = (v: string) => rowFor(rows, first, { [dim]: v })?.n ?? 0;
  if (order !== 'given')
    values.sort((a, b) => (order === 'key' ? 0 : weight(b) - weight(a)) || a.localeCompare(b));
  const cell = (row: KpiRow | null, k: KpiId) => (
    <td key={k} data-kpi-cell={k}>
      <FigureButton
        kpi={k}
        row={row}
        group={row ? { ...props.extraGroup, ...groupOf(row) } : {}}
        grain={grain}
        testId="cell-value"
      />
      <span className="cell-n small muted">
        {t('tile.n', { n: formatCount(lang, row?.n ?? 0) })}
      </span>
    </td>
  );
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table" data-testid="breakdown-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`dim.${dim}` as MessageKey)}</th>
            {kpis.map((k) => (
              <th key={k} scope="col">
                <span className="th-inner">
                  {kpiName(view, k)} <DefinitionButton kpi={k} />
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={v} data-group={v}>
              <th scope="row">{label(v)}</th>
              {kpis.map((k) => cell(rowFor(rows, k, { [dim]: v }), k))}
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot>
            <tr>
              <th scope="row">{t('common.total')}</th>
              {kpis.map((k) => cell(rowFor(totals, k), k))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

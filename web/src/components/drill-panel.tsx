// The rows behind a figure: the same period, filters and group, restricted to the KPI's
// population, so `total` equals the figure's n; the first page as a table and a CSV link.
// Limits: shows 100 rows; lineage columns (_source, _row, …) stay in the CSV only.

import { apiUrl } from '../api/client.ts';
import { sourceOf } from '../api/kpi-meta.ts';
import type { DataRow, Lang, RowsResponse } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { formatCount, formatNumber } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { kpiName, useView } from '../state/view-context.ts';
import type { PanelState } from '../state/url-state.ts';
import { GroupLine } from './group-line.tsx';
import { SidePanel } from './side-panel.tsx';
import { figureQuery, useFigure } from './use-figure.ts';

const PAGE_SIZE = 100;

export function DrillPanel({ panel, onClose }: { panel: PanelState; onClose: () => void }) {
  const view = useView();
  const { t, lang } = useI18n();
  const figure = useFigure(view, panel);
  const q = figureQuery(view, panel);
  const extra = [
    ['kpi', panel.kpi],
    ...Object.entries(panel.group).map(([k, v]) => ['group', `${k}=${v}`] as const),
  ] as const;
  const source = sourceOf(panel.kpi, view.defs.get(panel.kpi));
  const pageQ = {
    ...q,
    kpis: [],
    extra: [...extra, ['page', '1'], ['page_size', String(PAGE_SIZE)]],
  } as const;
  const rows = useApi<RowsResponse>(apiUrl(source, pageQ));
  const csv = apiUrl(source, { ...q, kpis: [], extra }, true);
  const n = figure.rows.reduce((a, r) => a + r.n, 0);
  const data = rows.data;
  return (
    <SidePanel
      title={t('drill.title', { kpi: kpiName(view, panel.kpi) })}
      onClose={onClose}
      testId="drill-panel"
    >
      <GroupLine group={panel.group} />
      {rows.error ? <p role="alert">{t('common.error', { message: rows.error })}</p> : null}
      {!data ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {data ? (
        <>
          <p
            className="drill-total"
            data-testid="drill-total"
            data-total={data.total}
            data-n={figure.loading ? '' : n}
          >
            {t('drill.total', { total: formatCount(lang, data.total), n: formatCount(lang, n) })}{' '}
            {data.rows.length < data.total
              ? t('drill.showing', { count: formatCount(lang, data.rows.length) })
              : ''}
          </p>
          <p className="panel-actions">
            <a href={csv} download data-testid="drill-csv">
              {t('drill.csv')}
            </a>
            <button
              type="button"
              className="link-button"
              onClick={() => view.openPanel({ ...panel, kind: 'def' })}
            >
              {t('drill.definition')}
            </button>
          </p>
          <RowsTable
            rows={data.rows}
            lang={lang}
            label={t('drill.title', { kpi: kpiName(view, panel.kpi) })}
          />
        </>
      ) : null}
    </SidePanel>
  );
}

interface RowsTableProps {
  readonly rows: readonly DataRow[];
  readonly lang: Lang;
  readonly label: string;
}

function RowsTable({ rows, lang, label }: RowsTableProps) {
  const cols = Object.keys(rows[0] ?? {}).filter((c) => !c.startsWith('_'));
  if (!cols.length) return null;
  const cell = (v: unknown) =>
    v === null || v === undefined
      ? ''
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? String(v)
          : formatNumber(lang, v, 1)
        : String(v);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="data-table compact" data-testid="drill-rows">
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {cols.map((c) => (
                <td key={c}>{cell(r[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

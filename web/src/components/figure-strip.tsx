// A row of headline figures for a page (e.g. SL next to ASA): name, value (drill-down), n and
// the definition button. Limits: period totals only; CES shows its largest scale.

import { rowsFor } from '../api/rows.ts';
import type { KpiId, KpiRow } from '../api/types.ts';
import { formatCount, formatKpi } from '../format/format.ts';
import { sourceLabel } from '../format/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { kpiName, useView } from '../state/view-context.ts';
import { DefinitionButton, FigureButton } from './figure-button.tsx';
import { StatusBadge } from './status-badge.tsx';

export function FigureStrip({ kpis, rows }: { kpis: readonly KpiId[]; rows: readonly KpiRow[] }) {
  const view = useView();
  const { t, lang } = useI18n();
  return (
    <div className="figure-strip card">
      {kpis.map((k) => {
        const row = rowsFor(rows, k).sort((a, b) => b.n - a.n)[0] ?? null;
        const def = view.defs.get(k);
        const f = (v: number | null) => (row ? formatKpi(view.fmt, k, row.unit, v) : '—');
        return (
          <div className="item" key={k} data-kpi={k}>
            <span className="label">
              {kpiName(view, k)} <DefinitionButton kpi={k} />
            </span>
            <FigureButton kpi={k} row={row} testId="strip-value" />
            <span className="small muted">
              {t('tile.n', { n: formatCount(lang, row?.n ?? 0) })}
              {row?.percentiles
                ? ` · ${t('tile.p50p90', { p50: f(row.percentiles.p50), p90: f(row.percentiles.p90) })}`
                : ''}
            </span>
            <StatusBadge row={row} />
            {def?.benchmark ? (
              <span className="small muted strip-bench" title={def.benchmark.source}>
                {t('tile.benchmark', { text: def.benchmark.text })} ·{' '}
                {t('tile.source', { source: sourceLabel(def.benchmark.source) })}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

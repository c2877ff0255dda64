// The query behind one figure (KPI + group) and the hook that loads its KpiRow, so panels can be
// opened from a URL alone. Limits: the group's dimensions become `by`; `period` needs its grain.

import { apiUrl, type QueryParams } from '../api/client.ts';
import { rowsFor } from '../api/rows.ts';
import type { KpiResponse, KpiRow } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import type { View } from '../state/view-context.ts';
import type { PanelState } from '../state/url-state.ts';

export function figureQuery(view: View, p: PanelState): QueryParams {
  const dims = Object.keys(p.group).filter((k) => k !== 'period');
  return {
    ...view.base,
    kpis: [p.kpi],
    by: dims,
    grain: 'period' in p.group ? (p.grain ?? 'day') : null,
    slot: dims.includes('slot') ? view.state.slot : undefined,
  };
}

export interface FigureLoad {
  readonly rows: readonly KpiRow[];
  readonly response: KpiResponse | null;
  readonly error: string | null;
  readonly loading: boolean;
}

export function useFigure(view: View, p: PanelState): FigureLoad {
  const r = useApi<KpiResponse>(apiUrl('kpis', figureQuery(view, p)));
  return {
    rows: r.data ? rowsFor(r.data.rows, p.kpi, p.group) : [],
    response: r.data,
    error: r.error,
    loading: r.loading,
  };
}

// What every page needs, in one context: the URL state and its updater, the resolved period,
// the base query (period + filters), KPI definitions, number formatting and the panel opener.
// Limits: filled by App once /definitions and /dimensions have loaded.

import { createContext, useContext } from 'react';
import type { QueryParams } from '../api/client.ts';
import type { DimensionsResponse, KpiDefinitionInfo, KpiId, SettingsInfo } from '../api/types.ts';
import type { FigureFormat } from '../format/format.ts';
import { translator } from '../i18n/i18n.ts';
import type { DayRange } from './period-presets.ts';
import type { UpdateState } from './use-url-state.ts';
import type { PanelState, ViewState } from './url-state.ts';

export interface View {
  readonly state: ViewState;
  readonly update: UpdateState;
  readonly range: DayRange;
  readonly timezone: string;
  /** Period and filters: the base of every API query on screen. */
  readonly base: QueryParams;
  readonly defs: ReadonlyMap<KpiId, KpiDefinitionInfo>;
  readonly dims: DimensionsResponse;
  readonly settings: SettingsInfo;
  readonly fmt: FigureFormat;
  readonly minSample: number;
  /** Opens a drill-down or definition panel; focus returns to the opener on close. */
  openPanel(p: PanelState): void;
}

export const ViewContext = createContext<View | null>(null);

export function useView(): View {
  const v = useContext(ViewContext);
  if (!v) throw new Error('useView outside ViewContext');
  return v;
}

/** The KPI's name in the current language (its id until /definitions says otherwise). */
export function kpiName(view: View, kpi: KpiId): string {
  return view.defs.get(kpi)?.name[view.state.lang] ?? kpi;
}

/**
 * A benchmark's text in the current language (English when the server sends no translation).
 * A CES mean on a scale other than 1–5 is rated with the band moved to the same place on its
 * scale (the row's band source says how), which the text then says.
 */
export function benchmarkText(view: View, kpi: KpiId, scale?: string | null): string | null {
  const bm = view.defs.get(kpi)?.benchmark;
  if (!bm) return null;
  const text = bm.localized?.[view.state.lang] ?? bm.text;
  return kpi === 'ces' && scale && scale !== '1-5'
    ? `${text} ${translator(view.state.lang)('tile.benchScaled', { scale })}`
    : text;
}

// The whole view as URL query parameters, so a reload or a shared link restores it: language,
// page, period, filters, page options and the open panel. Parsing is total: bad values fall back.
// Limits: one value per filter dimension; history entries are pushed on every change.

import { DIMENSION_NAMES, type FilterDimension, type KpiId, type Lang } from '../api/types.ts';
import { isLang } from '../i18n/i18n.ts';
import { DEFAULT_PRESET, isPreset, type Preset } from './period-presets.ts';

export const PAGES = ['overview', 'reachability', 'quality', 'loyalty', 'cost'] as const;
export type PageId = (typeof PAGES)[number];
export const BREAKDOWNS = ['channel', 'queue', 'team', 'agent'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const HEAT_KPIS = ['service_level', 'asa'] as const;
export type HeatKpi = (typeof HEAT_KPIS)[number];

export type Group = Readonly<Record<string, string>>;

export interface PanelState {
  readonly kind: 'drill' | 'def';
  readonly kpi: KpiId;
  /** The figure's group keys (dimensions and `period`); empty for a period total. */
  readonly group: Group;
  /** The grain of `period` in group, when present. */
  readonly grain: string | null;
}

export interface ViewState {
  readonly lang: Lang;
  readonly page: PageId;
  readonly preset: Preset;
  /** Only read for the custom preset. */
  readonly from: string | null;
  readonly to: string | null;
  readonly filters: Readonly<Partial<Record<FilterDimension, string>>>;
  readonly slot: 15 | 30;
  /** The figure of the reachability heatmap. */
  readonly heat: HeatKpi;
  readonly by: Breakdown;
  readonly panel: PanelState | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KPI = /^[a-z_]+$/;

const pick = <T extends string>(list: readonly T[], v: string | null, fallback: T): T =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : fallback;

export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const day = (k: string) => {
    const v = p.get(k);
    return v !== null && DAY.test(v) ? v : null;
  };
  const filters: Partial<Record<FilterDimension, string>> = {};
  for (const d of DIMENSION_NAMES) {
    const v = p.get(d);
    if (v) filters[d] = v;
  }
  return {
    lang: isLang(p.get('lang')) ? (p.get('lang') as Lang) : 'en',
    page: pick(PAGES, p.get('page'), 'overview'),
    preset: isPreset(p.get('period')) ? (p.get('period') as Preset) : DEFAULT_PRESET,
    from: day('from'),
    to: day('to'),
    filters,
    slot: p.get('slot') === '15' ? 15 : 30,
    heat: pick(HEAT_KPIS, p.get('heat'), 'service_level'),
    by: pick(BREAKDOWNS, p.get('by'), 'agent'),
    panel: parsePanel(p),
  };
}

function parsePanel(p: URLSearchParams): PanelState | null {
  const kind = p.get('panel');
  const kpi = p.get('kpi');
  if ((kind !== 'drill' && kind !== 'def') || kpi === null || !KPI.test(kpi)) return null;
  const group: Record<string, string> = {};
  for (const g of p.getAll('group')) {
    const i = g.indexOf('=');
    if (i > 0) group[g.slice(0, i)] = g.slice(i + 1);
  }
  return { kind, kpi: kpi as KpiId, group, grain: p.get('grain') };
}

export function serializeState(s: ViewState): string {
  const p = new URLSearchParams();
  p.set('lang', s.lang);
  p.set('page', s.page);
  p.set('period', s.preset);
  if (s.preset === 'custom') {
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
  }
  for (const d of DIMENSION_NAMES) {
    const v = s.filters[d];
    if (v) p.set(d, v);
  }
  if (s.page === 'reachability') {
    p.set('slot', String(s.slot));
    p.set('heat', s.heat);
  }
  if (s.page === 'quality') p.set('by', s.by);
  if (s.panel) {
    p.set('panel', s.panel.kind);
    p.set('kpi', s.panel.kpi);
    for (const [k, v] of Object.entries(s.panel.group)) p.append('group', `${k}=${v}`);
    if (s.panel.grain) p.set('grain', s.panel.grain);
  }
  return `?${p.toString()}`;
}

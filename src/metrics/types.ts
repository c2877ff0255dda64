// The shape of a KPI definition: typed data (names, unit, formula text, bands) plus the
// aggregates it needs and a pure function from aggregate values to a figure.

import type { Aggregate, Expr } from './expr.ts';
import type { WorkspaceSettings } from './settings.ts';

export const KPI_IDS = [
  'nps',
  'csat',
  'ces',
  'ces_positive',
  'fcr',
  'service_level',
  'asa',
  'aht',
  'abandon_rate',
  'reopen_rate',
  'time_to_resolution',
  'cost_per_resolution',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export const LANGS = ['en', 'nl', 'es'] as const;
export type Lang = (typeof LANGS)[number];
export type Localized = Readonly<Record<Lang, string>>;

/** percent: 0–100; points: NPS −100…+100; seconds (every duration); score: a mean on a scale; currency. */
export type Unit = 'percent' | 'points' | 'seconds' | 'score' | 'currency';

/**
 * How people read a duration that every machine output keeps in seconds (KPIS.md's time units):
 * `seconds` "12 s" (waits), `minutes` "7:30 min" (handle time), `hours` "30.4 h" (resolution).
 */
export type DurationDisplay = 'seconds' | 'minutes' | 'hours';

/** The relation a KPI reads: raw contacts, derived case facts, or survey responses. */
export type KpiSource = 'contacts' | 'cases' | 'surveys';

/**
 * How a figure re-aggregates across days, channels or shards. `ratio`: add numerators and
 * denominators, then divide. `nonAdditive`: carries percentiles, recompute from rows.
 */
export type Additivity = 'ratio' | 'nonAdditive';

export type RatingBand = 'excellent' | 'good' | 'average' | 'poor';

/** A value range with its rating; bounds as written (`gt: 70` for "> 70"), absent = open. */
export interface Band {
  readonly rating: RatingBand;
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
  /** 'KPIS.md' when KPIS.md states the band; 'cxkpi' for cxkpi's own default filling a gap. */
  readonly from: 'KPIS.md' | 'cxkpi';
}

export interface Benchmark {
  readonly bands: readonly Band[];
  /** Where the bands come from, printed next to the rating: which part is KPIS.md, which cxkpi's. */
  readonly source: string;
  /** Only meaningful for this channel (e.g. ASA < 30 s is for calls). */
  readonly channel?: string;
  /** Only meaningful for figures in this currency (cost per resolution: €5–15). */
  readonly currency?: string;
  readonly text: string;
  /** `text` in every language the dashboard speaks (band words included). */
  readonly localized: Localized;
}

export type AggValues = Readonly<Record<string, number | null>>;

export interface Percentiles {
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p95: number | null;
}

/** What a KPI's compute step returns for one group. */
export interface Figure {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly n: number;
  /** Counts that the variant left out of the denominator, by name. */
  readonly excluded: Readonly<Record<string, number>>;
  /** Raw counts behind the figure (e.g. answered, abandoned), for reconciliation. */
  readonly counts: Readonly<Record<string, number>>;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly percentiles?: Percentiles;
  /** Extra named figures (e.g. AHT split into talk, hold and after-contact work). */
  readonly parts?: Readonly<Record<string, number | null>>;
  /** Split key for KPIs reported per scale (CES mean on mixed scales). */
  readonly scale?: string;
}

export interface KpiDefinition {
  readonly id: KpiId;
  readonly name: Localized;
  readonly description: Localized;
  readonly unit: Unit;
  /** For a duration: the unit people read it in (table, markdown, dashboard); absent = seconds. */
  readonly display?: DurationDisplay;
  readonly direction: 'higher' | 'lower';
  readonly source: KpiSource;
  /** The timestamp that places a record in a period. */
  readonly timeField: string;
  readonly additivity: Additivity;
  readonly benchmark?: Benchmark;
  /** The benchmark for a figure reported per scale (CES mean on 1–7), when it differs. */
  benchmarkForScale?(scale: string): Benchmark | undefined;
  /** The formula in words for the chosen variant. */
  formula(s: WorkspaceSettings): string;
  variant(s: WorkspaceSettings): string;
  /** The settings this KPI depends on, printed with every figure. */
  settingsUsed(s: WorkspaceSettings): Readonly<Record<string, string | number>>;
  aggregates(s: WorkspaceSettings): Readonly<Record<string, Aggregate>>;
  /** The records counted in `n`: the rows behind a figure in a drill-down. */
  population(s: WorkspaceSettings): Expr;
  compute(a: AggValues, s: WorkspaceSettings): readonly Figure[];
}

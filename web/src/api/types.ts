// The API's response shapes as the dashboard reads them (contract in docs and src/server).
// Limits: KpiRow comes from src/engine (type-only import); the rest is written down here.

import type { KpiRow, ReportPeriod } from '../../../src/engine/result.ts';
import type { DurationDisplay, KpiId, Lang, Localized, Unit } from '../../../src/metrics/types.ts';

export type { DurationDisplay, KpiId, KpiRow, Lang, Localized, ReportPeriod, Unit };

export interface KpiResponse {
  readonly engine: string;
  readonly period: ReportPeriod;
  readonly rows: readonly KpiRow[];
  readonly warnings: readonly string[];
  readonly previous?: { readonly period: ReportPeriod; readonly rows: readonly KpiRow[] };
}

/** A band's bounds: min/max (older servers) or gt/gte/lt/lte. */
export interface BandInfo {
  readonly rating: string;
  readonly min?: number;
  readonly max?: number;
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
}

export interface BenchmarkInfo {
  /** English; `localized` has every dashboard language (older servers send only `text`). */
  readonly text: string;
  readonly localized?: Localized;
  readonly source: string;
  /** The rating bands (src/metrics Band); bounds as the server names them. */
  readonly bands?: readonly BandInfo[];
  readonly channel?: string | null;
}

export interface KpiDefinitionInfo {
  readonly id: KpiId;
  readonly name: Localized;
  readonly description: Localized;
  readonly unit: Unit;
  /** For a duration (always seconds in the data): the unit to show it in; absent = seconds. */
  readonly display?: DurationDisplay | null;
  readonly direction: 'higher' | 'lower';
  readonly formula: string;
  readonly variant: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly benchmark: BenchmarkInfo | null;
  readonly target: number | null;
  /** Which relation the KPI reads; optional in the contract, derived locally when absent. */
  readonly source?: 'contacts' | 'cases' | 'surveys';
}

/** The workspace settings the dashboard reads (GET /definitions → settings). */
export interface SettingsInfo {
  readonly currency?: string;
  readonly timezone?: string;
  readonly min_sample?: number;
  readonly service_level?: {
    readonly threshold_s?: number;
    readonly threshold_s_by_channel?: Readonly<Record<string, number>>;
  };
  readonly targets?: Readonly<Record<string, number>>;
  readonly targets_by_channel?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface DefinitionsResponse {
  readonly kpis: readonly KpiDefinitionInfo[];
  readonly settings: SettingsInfo;
}

export const DIMENSION_NAMES = ['channel', 'queue', 'team', 'agent', 'category'] as const;
export type FilterDimension = (typeof DIMENSION_NAMES)[number];

export type DimensionsResponse = Readonly<Record<FilterDimension, readonly string[]>> & {
  readonly period: ReportPeriod;
};

export type DataRow = Readonly<Record<string, unknown>>;

export interface RowsResponse {
  readonly source: string;
  readonly total: number;
  readonly page: number;
  readonly page_size: number;
  readonly rows: readonly DataRow[];
}

export interface CommentGroup {
  readonly total: number;
  readonly comments: readonly DataRow[];
}

export const NPS_GROUPS = ['promoters', 'passives', 'detractors'] as const;
export type NpsGroup = (typeof NPS_GROUPS)[number];
export type CommentsResponse = Readonly<Record<NpsGroup, CommentGroup>>;

/** One staffing interval, normalised from the API's field names (see api/staffing.ts). */
export interface StaffingRow {
  readonly start: string;
  readonly volume: number | null;
  readonly ahtS: number | null;
  readonly required: number | null;
  readonly staffed: number | null;
  readonly predictedSl: number | null;
  readonly costPerPoint: number | null;
}

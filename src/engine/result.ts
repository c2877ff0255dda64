// A KPI result row as every output (CLI, API, CSV) shows it: the value with its numerator,
// denominator, n, excluded counts, interval, variant, settings and rating.

import type { Rating } from '../metrics/rating.ts';
import type { KpiId, Percentiles, Unit } from '../metrics/types.ts';
import type { EngineName } from './dialect.ts';
import type { KpiQuery } from './query.ts';

export type KeyValue = string | number | null;

export interface KpiRow {
  readonly kpi: KpiId;
  /** Group keys: the `by` dimensions and `period` (local bucket start) when a grain is set. */
  readonly keys: Readonly<Record<string, KeyValue>>;
  /** Set when a KPI is reported per scale (CES mean on 5- and 7-point scales). */
  readonly scale: string | null;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly n: number;
  readonly excluded: Readonly<Record<string, number>>;
  readonly counts: Readonly<Record<string, number>>;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  readonly percentiles: Percentiles | null;
  readonly parts: Readonly<Record<string, number | null>> | null;
  readonly unit: Unit;
  readonly variant: string;
  readonly formula: string;
  readonly settings: Readonly<Record<string, string | number>>;
  readonly rating: Rating;
  readonly warnings: readonly string[];
}

export interface ReportPeriod {
  /** First and last local day covered (the query's, or the data's when not given). */
  readonly from: string | null;
  readonly to: string | null;
  readonly timezone: string;
}

export interface KpiReport {
  readonly rows: readonly KpiRow[];
  readonly query: KpiQuery;
  readonly period: ReportPeriod;
  readonly engine: EngineName;
  readonly warnings: readonly string[];
  /** The query's `previous` period, computed in the same statement. */
  readonly previous?: { readonly period: ReportPeriod; readonly rows: readonly KpiRow[] };
}

// The contract every engine dialect fulfils: meaning-level SQL operations, each documented with
// how engines differ. The compiler only ever builds SQL through these. Pure: no connections.

import type { Scalar } from '../metrics/expr.ts';
import type { FieldSpec } from '../model/fields.ts';
import type { Grain } from './query.ts';
import type { ZoneOffsets } from './zone-offsets.ts';

export const ENGINES = ['duckdb', 'clickhouse'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface Dialect {
  readonly name: EngineName;
  quoteIdent(name: string): string;
  /** A literal, escaped. Strings use '' doubling; booleans are TRUE/FALSE or 1/0. */
  literal(value: Scalar): string;
  /** count(*) of rows where cond holds (DuckDB `FILTER`, ClickHouse `countIf`). */
  countIf(cond: string | null): string;
  /**
   * Sum over rows where cond holds; 0 when none, never NULL. Must not depend on row order or
   * parallelism (the same query gives the same figure to the last digit): an exact decimal sum
   * at microsecond resolution (6 decimals), read back as a double.
   */
  sumIf(expr: string, cond: string | null): string;
  /**
   * Plain floating-point sum, 0 when none. Only for small relations (daily cost shares such as
   * 1000 / 30, which a 6-decimal sum would truncate); one thread sums them, so it is repeatable.
   */
  sumSmall(expr: string): string;
  /**
   * The part of `sumIf` that a daily rollup stores (rollups.ts): the exact sum of one group,
   * kept exact (not yet a double), so that adding the parts gives `sumIf` to the last digit.
   */
  partialSumIf(expr: string, cond: string | null): string;
  /** `sumIf` over stored parts: the parts added exactly, then read back as `sumIf` reads it. */
  mergeSum(column: string): string;
  /** `countIf` over stored counts: their sum, 0 when none. */
  mergeCount(column: string): string;
  /**
   * Exact percentile, linear interpolation between closest ranks (Hyndman–Fan 7). `all` lists
   * every p the same SELECT asks of the same expr and cond: an engine that sorts once for several
   * (DuckDB's list form) may use it, and must give the same figure.
   */
  quantileIf(expr: string, p: number, cond: string | null, all?: readonly number[]): string;
  /** Fractional seconds from `from` to `to` (timestamps). */
  secondsBetween(from: string, to: string): string;
  /**
   * The wall-clock time in `tz` of a UTC instant column. With `zone` (the offsets over the
   * query's period), instant + offset instead of a conversion per row; outside it, the conversion.
   */
  localTime(instant: string, tz: string, zone?: ZoneOffsets | null): string;
  /** The UTC instant of local midnight starting `date` (YYYY-MM-DD) in `tz`. */
  localMidnight(date: string, tz: string): string;
  /** Start of the grain bucket containing a local timestamp (weeks start on Monday). */
  bucket(local: string, grain: Grain): string;
  /** A bucket start as text: 'YYYY-MM-DD' from day grain up, 'YYYY-MM-DD HH:MM' below. */
  formatBucket(bucket: string, grain: Grain): string;
  /** An offset from UTC in whole seconds as ISO 8601 text: 7200 → '+02:00', −18000 → '-05:00'. */
  formatUtcOffset(seconds: string): string;
  /** ISO weekday 1 (Monday) … 7 (Sunday) of a local timestamp. */
  weekday(local: string): string;
  /** Whole days from 1970-01-01 to the date of a local timestamp (an integer). */
  localDayNumber(local: string): string;
  /** Seconds since local midnight of a local timestamp, fractional. */
  secondsOfDay(local: string): string;
  /** Integer division rounding down, of non-negative integers. */
  intDiv(a: string, b: string): string;
  /** Minute of the day of a local timestamp, floored to a multiple of `minutes`. */
  slot(local: string, minutes: number): string;
  /**
   * Seconds that local time in `tz` is ahead of UTC at a UTC instant (Amsterdam in summer: 7200).
   * Tells apart the two occurrences of the repeated local hour when DST ends.
   */
  utcOffsetSeconds(instant: string, tz: string, zone?: ZoneOffsets | null): string;
  /** A timestamp plus `minutes` (an integer SQL expression) of elapsed time. */
  addMinutes(ts: string, minutes: string): string;
  /** Adds `next_at`: the next `at` value in the same `partition`, ordered by `at` then `tiebreak` (NULL for the last). */
  withNextInPartition(relation: string, partition: string, at: string, tiebreak: string): string;
  /** One row per day from `start` to `end` (DATE columns) with column `day` and `days` (count). */
  expandDays(relation: string, start: string, end: string): string;
  /** Column DDL type for a canonical field. */
  columnType(field: FieldSpec): string;
  /**
   * SELECTs with different column sets stacked into one result, matched by column name, absent
   * columns NULL (DuckDB `UNION ALL BY NAME`; elsewhere each SELECT lists every column).
   */
  unionAllByName(selects: readonly string[]): string;
  /** Text concatenation. */
  concat(...parts: string[]): string;
}

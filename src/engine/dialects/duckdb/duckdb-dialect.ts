// DuckDB: the embedded default engine. Needs the built-in ICU extension for time zones.
// https://duckdb.org/docs/sql/functions/timestamptz

import type { Scalar } from '../../../metrics/expr.ts';
import type { FieldSpec } from '../../../model/fields.ts';
import type { Dialect } from '../../dialect.ts';
import type { Grain } from '../../query.ts';
import type { ZoneOffsets } from '../../zone-offsets.ts';

const TRUNC: Readonly<Record<Grain, string>> = {
  '15m': 'time_bucket(INTERVAL 15 MINUTE, %s)',
  '30m': 'time_bucket(INTERVAL 30 MINUTE, %s)',
  hour: "date_trunc('hour', %s)",
  day: "date_trunc('day', %s)",
  week: "date_trunc('week', %s)", // ISO weeks: Monday
  month: "date_trunc('month', %s)",
  quarter: "date_trunc('quarter', %s)",
  year: "date_trunc('year', %s)",
};

const filter = (cond: string | null) => (cond ? ` FILTER (WHERE ${cond})` : '');

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  quoteIdent: (name) => `"${name.replaceAll('"', '""')}"`,
  literal,
  countIf: (cond) => `count(*)${filter(cond)}`,
  // Summed as DECIMAL(38,6): exact, so the total does not depend on how threads split the rows
  // (a DOUBLE sum differs in its last bits from run to run on a few million rows).
  sumIf: (expr, cond) =>
    `CAST(coalesce(sum(CAST(${expr} AS DECIMAL(38, 6)))${filter(cond)}, 0) AS DOUBLE)`,
  sumSmall: (expr) => `coalesce(sum(${expr}), 0)`,
  partialSumIf: (expr, cond) => `sum(CAST(${expr} AS DECIMAL(38, 6)))${filter(cond)}`,
  mergeSum: (column) => `CAST(coalesce(sum(${column}), 0) AS DOUBLE)`,
  mergeCount: (column) => `CAST(coalesce(sum(${column}), 0) AS BIGINT)`,
  // Several percentiles of one column: one list aggregate, one sort (DuckDB binds identical
  // aggregates once, so each p's element reads the same list).
  quantileIf: (expr, p, cond, all) =>
    all && all.length > 1 && all.includes(p)
      ? `(quantile_cont(${expr}, [${all.join(', ')}])${filter(cond)})[${all.indexOf(p) + 1}]`
      : `quantile_cont(${expr}, ${p})${filter(cond)}`,
  secondsBetween: (from, to) => `(epoch(${to}) - epoch(${from}))`,
  localTime: (instant, tz, zone) =>
    zone
      ? `make_timestamp(epoch_us(${instant}) + ${offsetSql(instant, tz, zone)} * 1000000::BIGINT)`
      : `timezone(${literal(tz)}, ${instant})`,
  localMidnight: (date, tz) => `timezone(${literal(tz)}, TIMESTAMP ${literal(`${date} 00:00:00`)})`,
  bucket: (local, grain) => TRUNC[grain].replace('%s', local),
  formatBucket: (expr, grain) =>
    `strftime(${expr}, ${literal(grain === '15m' || grain === '30m' || grain === 'hour' ? '%Y-%m-%d %H:%M' : '%Y-%m-%d')})`,
  formatUtcOffset: (sec) => {
    const part = (x: string) => `lpad(CAST(${x} AS VARCHAR), 2, '0')`;
    return `concat(CASE WHEN ${sec} < 0 THEN '-' ELSE '+' END, ${part(`abs(${sec}) // 3600`)}, ':', ${part(`abs(${sec}) % 3600 // 60`)})`;
  },
  weekday: (local) => `isodow(${local})`,
  localDayNumber: (local) => `date_diff('day', DATE '1970-01-01', CAST(${local} AS DATE))`,
  secondsOfDay: (local) => `(epoch(${local}) - epoch(date_trunc('day', ${local})))`,
  intDiv: (a, b) => `(${a} // ${b})`,
  slot: (local, minutes) => `((hour(${local}) * 60 + minute(${local})) // ${minutes} * ${minutes})`,
  utcOffsetSeconds: (instant, tz, zone) =>
    zone ? offsetSql(instant, tz, zone) : exactOffset(instant, tz),
  addMinutes: (ts, minutes) => `(${ts} + to_minutes(CAST(${minutes} AS BIGINT)))`,
  withNextInPartition: (relation, partition, at, tiebreak) =>
    `SELECT *, lead(${at}) OVER (PARTITION BY ${partition} ORDER BY ${at}, ${tiebreak}) AS next_at FROM (${relation})`,
  expandDays: (relation, start, end) =>
    `SELECT *, CAST(unnest(generate_series(CAST(${start} AS TIMESTAMP), CAST(${end} AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS day, date_diff('day', ${start}, ${end}) + 1 AS days FROM (${relation})`,
  unionAllByName: (selects) => selects.join('\nUNION ALL BY NAME\n'),
  columnType,
  concat: (...parts) => `concat(${parts.join(', ')})`,
};

// timezone() gives a naive TIMESTAMP whose epoch reads the wall clock as if it were UTC.
const exactOffset = (instant: string, tz: string) =>
  `CAST(epoch(timezone(${literal(tz)}, ${instant})) - epoch(${instant}) AS INTEGER)`;

/** The offset from the zone's segments inside [from, to), the exact conversion outside. */
function offsetSql(instant: string, tz: string, zone: ZoneOffsets): string {
  const ts = (iso: string) => `TIMESTAMPTZ ${literal(iso)}`;
  const next = [...zone.segments.slice(1).map((g) => g.start), zone.to];
  const whens = zone.segments.map(
    (g, i) => `WHEN ${instant} < ${ts(next[i] ?? zone.to)} THEN ${g.offsetSeconds}`,
  );
  return `(CASE WHEN ${instant} < ${ts(zone.from)} THEN ${exactOffset(instant, tz)} ${whens.join(' ')} ELSE ${exactOffset(instant, tz)} END)`;
}

function literal(value: Scalar): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write non-finite number ${value} as SQL`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

function columnType(field: FieldSpec): string {
  switch (field.type) {
    case 'timestamp':
      return 'TIMESTAMPTZ';
    case 'seconds':
    case 'number':
      return 'DOUBLE';
    case 'integer':
      return 'INTEGER';
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'DATE';
    case 'string':
    case 'enum':
      return 'VARCHAR';
  }
}

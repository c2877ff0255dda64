// SQL that turns trimmed source text into typed canonical values: timestamps (ISO, strftime,
// epoch; naive ones read in a time zone), durations in units, numbers, booleans, enums.

import type { FieldSpec } from '../model/fields.ts';
import type { Unit } from './mapping-schema.ts';
import { ISO_WITH_OFFSET, lit } from './sql-util.ts';

export interface ConvertOptions {
  readonly timezone: string;
  readonly decimal: '.' | ',';
  readonly unit: Unit;
  readonly format?: string;
}

export const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', 'ja', 'j', 'si', 'sí', 'oui', 'wahr'];
export const FALSE_WORDS = ['false', 'f', 'no', 'n', '0', 'nee', 'non', 'falsch'];

/** Synonyms accepted for enum values, after lower-casing and turning spaces/dashes into `_`. */
const ENUM_SYNONYMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  channel: {
    phone: 'voice',
    call: 'voice',
    telephone: 'voice',
    telephony: 'voice',
    e_mail: 'email',
    mail: 'email',
    webchat: 'chat',
    live_chat: 'chat',
    sms: 'messaging',
    whatsapp: 'messaging',
  },
  outcome: { flowed_out: 'flowed_out', flowout: 'flowed_out', flow_out: 'flowed_out' },
};

export function convertSql(spec: FieldSpec, t: string, o: ConvertOptions): string {
  switch (spec.type) {
    case 'string':
      return t;
    case 'enum':
      return enumSql(spec, t);
    case 'timestamp':
      return timestampSql(t, o.timezone, o.format);
    case 'date':
      return o.format
        ? `CAST(try_strptime(${t}, ${lit(o.format)}) AS DATE)`
        : `TRY_CAST(${t} AS DATE)`;
    case 'seconds':
      return durationSql(t, o.unit, o.decimal);
    case 'number':
      return numberSql(t, o.decimal);
    case 'integer': {
      const n = numberSql(t, o.decimal);
      return `CASE WHEN ${n} = floor(${n}) AND abs(${n}) < 2147483648 THEN CAST(${n} AS INTEGER) END`;
    }
    case 'boolean':
      return `CASE WHEN lower(${t}) IN (${TRUE_WORDS.map(lit).join(', ')}) THEN TRUE WHEN lower(${t}) IN (${FALSE_WORDS.map(lit).join(', ')}) THEN FALSE END`;
  }
}

function enumSql(spec: FieldSpec, t: string): string {
  const norm = `regexp_replace(lower(${t}), '[ -]+', '_', 'g')`;
  const pairs: [string, string][] = [
    ...(spec.values ?? []).filter((v) => v !== '').map((v): [string, string] => [v, v]),
    ...Object.entries(ENUM_SYNONYMS[spec.name] ?? {}),
  ];
  const exact = (spec.values ?? [])
    .filter((v) => v !== '')
    .map(lit)
    .join(', ');
  // Fast path: values already canonical skip the normalisation.
  return `CASE WHEN ${t} IN (${exact}) THEN ${t} ELSE CASE ${norm} ${pairs.map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`).join(' ')} END END`;
}

/** A number; `decimal: ','` also drops `.` thousands separators. Non-finite values are NULL. */
export function numberSql(t: string, decimal: '.' | ','): string {
  const s = decimal === ',' ? `replace(replace(${t}, '.', ''), ',', '.')` : t;
  const d = `TRY_CAST(${s} AS DOUBLE)`;
  return `CASE WHEN isfinite(${d}) THEN ${d} END`;
}

/**
 * h:mm:ss (hours may exceed 24) or m:ss to seconds, sign kept, via DuckDB's INTERVAL cast: fast,
 * and it rejects minutes or seconds of 60 and more.
 */
function hmsSql(t: string): string {
  const s = `replace(${t}, ',', '.')`;
  const colons = `(length(${t}) - length(replace(${t}, ':', '')))`;
  const ms = `CASE WHEN starts_with(${s}, '-') THEN concat('-00:', ltrim(${s}, '-')) ELSE concat('00:', ${s}) END`;
  return `CASE ${colons} WHEN 2 THEN epoch(TRY_CAST(${s} AS INTERVAL)) WHEN 1 THEN epoch(TRY_CAST(${ms} AS INTERVAL)) END`;
}

export function durationSql(t: string, unit: Unit, decimal: '.' | ','): string {
  const n = numberSql(t, decimal);
  switch (unit) {
    case 'seconds':
      return n;
    case 'minutes':
      return `(${n} * 60)`;
    case 'hours':
      return `(${n} * 3600)`;
    case 'ms':
      return `(${n} / 1000)`;
    case 'hh:mm:ss':
      return hmsSql(t);
    case 'auto':
      return `CASE WHEN contains(${t}, ':') THEN ${hmsSql(t)} ELSE ${n} END`;
  }
}

/**
 * ISO 8601 by default: text with Z or an offset is read as that instant; naive text is local time
 * in `tz` (DuckDB ICU `timezone(tz, timestamp)`: a time in the spring-forward gap is read with the
 * offset before the change, an ambiguous autumn time as the second, standard-time occurrence).
 */
export function timestampSql(t: string, tz: string, format?: string): string {
  const zone = lit(tz);
  if (format === 'epoch' || format === 'epoch_ms') {
    const n = numberSql(t, '.');
    const secs = format === 'epoch' ? n : `(${n} / 1000)`;
    return `CASE WHEN abs(${secs}) < 1e11 THEN to_timestamp(${secs}) END`;
  }
  if (format && format !== 'iso') {
    const parsed = `try_strptime(${t}, ${lit(format)})`;
    return /%[zZ]/.test(format) ? parsed : `timezone(${zone}, ${parsed})`;
  }
  // The text as it is first; only values that fail are rewritten (decimal comma, lower-case t/z):
  // coalesce evaluates its second argument for those rows only, and the rewrite copies strings.
  const s = `replace(${t}, ',', '.')`;
  return `CASE WHEN regexp_matches(${t}, '${ISO_WITH_OFFSET}')
      THEN coalesce(TRY_CAST(${t} AS TIMESTAMPTZ), TRY_CAST(upper(${s}) AS TIMESTAMPTZ))
    ELSE timezone(${zone}, coalesce(TRY_CAST(${t} AS TIMESTAMP), TRY_CAST(${s} AS TIMESTAMP))) END`;
}

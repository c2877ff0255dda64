// Small SQL-text helpers for the import pipeline: quoting, literals, temp-table names, and a
// regular expression for the shape a strftime format accepts. DuckDB SQL only.

let seq = 0;

/** A double-quoted identifier. */
export const q = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A string literal (or NULL). */
export const lit = (value: string | null): string =>
  value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`;

/** A fresh name for a temp table of one import step; unique within the process. */
export function tempName(step: string): string {
  seq += 1;
  return `_ingest_${step}_${process.pid}_${seq}`;
}

const FORMAT_PARTS: Readonly<Record<string, string>> = {
  Y: '\\d{4}',
  y: '\\d{2}',
  m: '\\d{1,2}',
  d: '\\d{1,2}',
  e: '\\s?\\d{1,2}',
  H: '\\d{1,2}',
  I: '\\d{1,2}',
  M: '\\d{1,2}',
  S: '\\d{1,2}',
  f: '\\d{1,9}',
  g: '\\d{1,3}',
  j: '\\d{1,3}',
  p: '[AaPp][Mm]',
  z: '(Z|z|[+-]\\d{2}:?\\d{2})',
  Z: '[A-Za-z_/+-]+',
  b: '[A-Za-z]+\\.?',
  B: '[A-Za-z]+',
  a: '[A-Za-z]+\\.?',
  A: '[A-Za-z]+',
  '%': '%',
};

/**
 * The shape of text a strftime format reads, as an anchored regular expression: text that has
 * the shape but does not parse names an impossible date (30 February), not a typo.
 */
export function formatShape(format: string): string {
  let out = '';
  for (let i = 0; i < format.length; i += 1) {
    const ch = format[i] ?? '';
    if (ch === '%' && i + 1 < format.length) {
      const code = format[i + 1] ?? '';
      out += FORMAT_PARTS[code] ?? '.+?';
      i += 1;
    } else out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return `^${out}$`;
}

/** ISO 8601 date or date-time with optional offset: the default timestamp shape. */
export const ISO_SHAPE =
  '^\\d{4}-\\d{1,2}-\\d{1,2}([T ]\\d{1,2}:\\d{2}(:\\d{2}([.,]\\d+)?)?\\s*(Z|z|[+-]\\d{2}(:?\\d{2})?)?)?$';

/** An ISO date-time that carries its own offset (Z or ±hh[:mm]). */
export const ISO_WITH_OFFSET =
  '[Tt ]\\d{1,2}:\\d{2}(:\\d{2}([.,]\\d+)?)?\\s*(Z|z|[+-]\\d{2}(:?\\d{2})?)$';

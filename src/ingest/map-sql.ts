// Builds the SQL that maps a staged source (file columns as text, or typed canonical records)
// into one row per source row: per field its source text ("f__t") and typed value ("f").

import type { FieldSpec } from '../model/fields.ts';
import { convertSql } from './convert-sql.ts';
import type { ResolvedField, ResolvedMapping, TemplatePart } from './resolve-mapping.ts';
import { lit, q } from './sql-util.ts';

/** A staged source: a relation with `_rid` (row id) and `_line` (reported row number). */
export interface StagedSource {
  readonly relation: string;
  /** `text`: every source column is text; `typed`: canonical columns, bad values in `_text` JSON. */
  readonly kind: 'text' | 'typed';
  /** Rows without `_rid`/`_line`: the table is numbered by position afterwards (RawRead). */
  readonly positional?: boolean;
}

/**
 * Trimmed text, NULL when blank. trim() copies every string; most values need no trimming, so
 * it runs only where a value starts or ends with a space (3x faster over a whole file).
 */
const blank = (expr: string) => {
  const s = `CAST(${expr} AS VARCHAR)`;
  return `CASE WHEN ${s} = '' THEN NULL WHEN starts_with(${s}, ' ') OR ends_with(${s}, ' ') THEN nullif(trim(${s}), '') ELSE ${s} END`;
};
const col = (name: string) => `r.${q(name)}`;

function templateSql(parts: readonly TemplatePart[]): string {
  const cols = parts.flatMap((p) => ('column' in p ? [blank(col(p.column))] : []));
  const pieces = parts.map((p) => ('column' in p ? blank(col(p.column)) : lit(p.text)));
  return `CASE WHEN ${cols.map((c) => `${c} IS NULL`).join(' OR ') || 'FALSE'} THEN NULL ELSE concat(${pieces.join(', ')}) END`;
}

function sourceText(f: ResolvedField): string {
  const s = f.source;
  if (!s) return 'CAST(NULL AS VARCHAR)';
  switch (s.kind) {
    case 'column':
      return blank(col(s.column));
    case 'template':
      return templateSql(s.parts);
    case 'constant':
      return s.value === null ? 'CAST(NULL AS VARCHAR)' : blank(lit(s.value));
    case 'combine':
      return `nullif(concat_ws(' ', ${blank(col(s.date))}, ${blank(col(s.time))}), '')`;
  }
}

function withValueMap(text: string, values?: Readonly<Record<string, string | null>>): string {
  if (!values || Object.keys(values).length === 0) return text;
  const whens = Object.entries(values).map(
    ([k, v]) => `WHEN ${lit(k.trim().toLowerCase())} THEN ${v === null ? 'NULL' : lit(v)}`,
  );
  return `CASE lower(${text}) ${whens.join(' ')} ELSE ${text} END`;
}

/**
 * The column holding a field's trimmed source text ("f__t"); a string field's value is its text,
 * so it has no separate text column.
 */
export const textOf = (spec: Pick<FieldSpec, 'name' | 'type'>): string =>
  spec.type === 'string' ? q(spec.name) : q(`${spec.name}__t`);

const isText = (spec: FieldSpec) => spec.type === 'string' || spec.type === 'enum';

/**
 * CREATE TEMP TABLE `table` with _rid, _line, _skip and per field its value "f" and, only where
 * the text could not be converted, the text "f__t" (NULL otherwise: rules need the text of bad
 * values only, and storing every value twice doubled the cost of this, the widest step).
 */
export function mappedTableSql(table: string, rm: ResolvedMapping, src: StagedSource): string {
  const ids = src.positional ? [] : ['_rid', '_line'];
  const inner: string[] = ids.map((c) => `r.${c}`);
  const mid: string[] = [...ids];
  const outer: string[] = [...ids];
  for (const f of rm.fields) {
    const name = f.spec.name;
    const t = q(`${name}__t`);
    const v = q(`${name}__v`);
    const opts = {
      timezone: rm.timezone,
      decimal: rm.decimal,
      unit: f.unit,
      ...(f.format ? { format: f.format } : {}),
    };
    if (f.spec.type === 'string') {
      // A string field's text is its value: stored once (rules read it through textOf).
      const text = src.kind === 'text' ? withValueMap(sourceText(f), f.values) : blank(col(name));
      inner.push(`${text} AS ${t}`);
      mid.push(t);
      outer.push(`${t} AS ${q(name)}`);
      continue;
    }
    if (src.kind === 'text') {
      inner.push(`${withValueMap(sourceText(f), f.values)} AS ${t}`);
      mid.push(t, `${convertSql(f.spec, t, opts)} AS ${v}`);
    } else if (isText(f.spec)) {
      inner.push(`${blank(col(name))} AS ${t}`);
      mid.push(t, `${convertSql(f.spec, t, opts)} AS ${v}`);
    } else {
      const given = q(`${name}__g`);
      inner.push(
        `json_extract_string(r._text, ${lit(`$.${name}`)}) AS ${t}`,
        `${col(name)} AS ${given}`,
      );
      mid.push(t, `coalesce(${given}, ${convertSql(f.spec, t, opts)}) AS ${v}`);
    }
    outer.push(`CASE WHEN ${v} IS NULL THEN ${t} END AS ${t}`, `${v} AS ${q(name)}`);
  }
  const strings = new Set(
    rm.fields.filter((f) => f.spec.type === 'string').map((f) => f.spec.name),
  );
  const skip = rm.skipIfBlank.map((name) =>
    strings.has(name)
      ? `${q(`${name}__t`)} IS NULL`
      : `(${q(`${name}__v`)} IS NULL AND ${q(`${name}__t`)} IS NULL)`,
  );
  outer.push(`${skip.length > 0 ? skip.join(' OR ') : 'FALSE'} AS _skip`);
  return `CREATE TEMP TABLE ${table} AS SELECT ${outer.join(', ')}
    FROM (SELECT ${mid.join(', ')} FROM (SELECT ${inner.join(', ')} FROM (${src.relation}) r))`;
}

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
}

const blank = (expr: string) => `nullif(trim(CAST(${expr} AS VARCHAR)), '')`;
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

/** CREATE TEMP TABLE `table` with _rid, _line, _skip and per field "f__t" and "f". */
export function mappedTableSql(table: string, rm: ResolvedMapping, src: StagedSource): string {
  const inner: string[] = ['r._rid', 'r._line'];
  const outer: string[] = ['_rid', '_line'];
  for (const f of rm.fields) {
    const name = f.spec.name;
    const t = q(`${name}__t`);
    const opts = {
      timezone: rm.timezone,
      decimal: rm.decimal,
      unit: f.unit,
      ...(f.format ? { format: f.format } : {}),
    };
    if (src.kind === 'text') {
      inner.push(`${withValueMap(sourceText(f), f.values)} AS ${t}`);
      // A string field's text is its value: stored once (rules read it through textOf).
      outer.push(
        ...(f.spec.type === 'string'
          ? [`${t} AS ${q(name)}`]
          : [t, `${convertSql(f.spec, t, opts)} AS ${q(name)}`]),
      );
    } else if (f.spec.type === 'string') {
      inner.push(`${blank(col(name))} AS ${t}`);
      outer.push(`${t} AS ${q(name)}`);
    } else if (isText(f.spec)) {
      inner.push(`${blank(col(name))} AS ${t}`);
      outer.push(t, `${convertSql(f.spec, t, opts)} AS ${q(name)}`);
    } else {
      const given = q(`${name}__g`);
      inner.push(
        `json_extract_string(r._text, ${lit(`$.${name}`)}) AS ${t}`,
        `${col(name)} AS ${given}`,
      );
      outer.push(t, `coalesce(${given}, ${convertSql(f.spec, t, opts)}) AS ${q(name)}`);
    }
  }
  const specs = new Map(rm.fields.map((f) => [f.spec.name, f.spec]));
  const skip = rm.skipIfBlank.map((f) => {
    const spec = specs.get(f);
    return `(${q(f)} IS NULL AND ${spec ? textOf(spec) : q(`${f}__t`)} IS NULL)`;
  });
  outer.push(`${skip.length > 0 ? skip.join(' OR ') : 'FALSE'} AS _skip`);
  return `CREATE TEMP TABLE ${table} AS SELECT ${outer.join(', ')}
    FROM (SELECT ${inner.join(', ')} FROM (${src.relation}) r)`;
}

// Resolves an entity mapping against the columns a file actually has: every canonical field gets
// its source (column, template, constant, date+time) or none; unknown columns fail early.

import { UserError } from '../errors.ts';
import { ENTITY_FIELDS, type Entity, type FieldSpec } from '../model/fields.ts';
import { autoMatch, normalizeName, type AutoMatch } from './auto-match.ts';
import type { EntityMapping, Unit } from './mapping-schema.ts';

export type TemplatePart = { readonly text: string } | { readonly column: string };

export type FieldSource =
  | { readonly kind: 'column'; readonly column: string }
  | { readonly kind: 'template'; readonly parts: readonly TemplatePart[] }
  | { readonly kind: 'constant'; readonly value: string | null }
  | { readonly kind: 'combine'; readonly date: string; readonly time: string };

export interface ResolvedField {
  readonly spec: FieldSpec;
  readonly source: FieldSource | null;
  readonly values?: Readonly<Record<string, string | null>>;
  readonly unit: Unit;
  /** Timestamp format (strftime, iso, epoch, epoch_ms) or date format for date fields. */
  readonly format?: string;
}

/** How one canonical field was filled, as the import summary reports it. */
export interface ColumnMatch {
  readonly field: string;
  readonly from: string;
  readonly how: 'mapping' | 'auto' | 'constant' | 'template' | 'combine';
}

export interface ResolvedMapping {
  readonly entity: Entity;
  readonly fields: readonly ResolvedField[];
  readonly timezone: string;
  readonly decimal: '.' | ',';
  readonly skipIfBlank: readonly string[];
  readonly matches: readonly ColumnMatch[];
  /** Source columns no field uses. */
  readonly unused: readonly string[];
}

export interface ResolveInput {
  readonly entity: Entity;
  readonly mapping?: EntityMapping;
  readonly mappingSource?: string;
  readonly columns: readonly string[];
  readonly file: string;
  readonly timezone: string;
  /**
   * Values for fields that neither the mapping nor a column gives, as text: the workspace's
   * staffing interval for a WFM export without an interval-length column.
   */
  readonly defaults?: Readonly<Record<string, string>>;
}

export function resolveMapping(input: ResolveInput): ResolvedMapping {
  const { entity, mapping: m, columns, file } = input;
  const where = input.mappingSource ?? 'the mapping';
  const find = (name: string, key: string): string => {
    if (columns.includes(name)) return name;
    const hits = columns.filter((c) => normalizeName(c) === normalizeName(name));
    if (hits.length === 1 && hits[0] !== undefined) return hits[0];
    throw new UserError(
      'MAPPING_COLUMN_NOT_FOUND',
      `${where}: ${key} names the column "${name}", which ${file} does not have.`,
      { file, field: key, value: name, allowed: columns, fix: `Use one of: ${columns.join(', ')}` },
    );
  };
  const sources = new Map<string, FieldSource>();
  const matches: ColumnMatch[] = [];
  for (const [field, col] of Object.entries(m?.columns ?? {})) {
    const parts = parseTemplate(col);
    if (parts.length === 1 && 'column' in (parts[0] ?? {}) && !col.includes('{')) {
      const column = find(col, `columns.${field}`);
      sources.set(field, { kind: 'column', column });
      matches.push({ field, from: column, how: 'mapping' });
    } else {
      const resolved = parts.map((p) =>
        'column' in p ? { column: find(p.column, `columns.${field}`) } : p,
      );
      sources.set(field, { kind: 'template', parts: resolved });
      matches.push({ field, from: col, how: 'template' });
    }
  }
  for (const [field, v] of Object.entries(m?.constants ?? {})) {
    sources.set(field, { kind: 'constant', value: v === null ? null : String(v) });
    matches.push({ field, from: JSON.stringify(v), how: 'constant' });
  }
  for (const [field, c] of Object.entries(m?.combine ?? {})) {
    const date = find(c.date, `combine.${field}.date`);
    const time = find(c.time, `combine.${field}.time`);
    sources.set(field, { kind: 'combine', date, time });
    matches.push({ field, from: `${date} + ${time}`, how: 'combine' });
  }
  const specs = ENTITY_FIELDS[entity];
  const auto = m?.auto ?? m?.columns === undefined;
  const used = new Set(usedColumns([...sources.values()]));
  const free = columns.filter((c) => !used.has(c));
  const open = specs.map((f) => f.name).filter((f) => !sources.has(f));
  const autoUnits = new Map<string, Unit>();
  const autoValues = new Map<string, Readonly<Record<string, string>>>();
  for (const hit of auto ? autoMatch(entity, free, open) : exactMatch(free, open)) {
    sources.set(hit.field, { kind: 'column', column: hit.column });
    used.add(hit.column);
    matches.push({ field: hit.field, from: hit.column, how: 'auto' });
    if (hit.unit) autoUnits.set(hit.field, hit.unit);
    if (hit.values) autoValues.set(hit.field, hit.values);
  }
  if (auto) combineDateTime(specs, sources, columns, used, matches);
  for (const [field, v] of Object.entries(input.defaults ?? {})) {
    if (sources.has(field)) continue;
    sources.set(field, { kind: 'constant', value: v });
    matches.push({ field, from: `${v} (workspace default)`, how: 'constant' });
  }
  const fields = specs.map((spec): ResolvedField => {
    const values = m?.values?.[spec.name];
    const unit = m?.units?.[spec.name] ?? autoUnits.get(spec.name) ?? 'auto';
    const ts = m?.timestamps;
    const combine = m?.combine?.[spec.name];
    const format =
      spec.type === 'date'
        ? ts?.date_format
        : (combine?.format ?? ts?.formats?.[spec.name] ?? ts?.format);
    const map = values ? stringValues(values) : autoValues.get(spec.name);
    return {
      spec,
      source: sources.get(spec.name) ?? null,
      unit: spec.type === 'seconds' ? unit : 'auto',
      ...(map ? { values: map } : {}),
      ...(format ? { format } : {}),
    };
  });
  return {
    entity,
    fields,
    timezone: m?.timestamps?.timezone ?? input.timezone,
    decimal: m?.numbers?.decimal ?? '.',
    skipIfBlank: m?.skip_if_blank ?? [],
    matches,
    unused: columns.filter((c) => !used.has(c)),
  };
}

export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const hit of text.matchAll(/\{([^{}]+)\}/g)) {
    if (hit.index > last) parts.push({ text: text.slice(last, hit.index) });
    parts.push({ column: hit[1] ?? '' });
    last = hit.index + hit[0].length;
  }
  if (last < text.length)
    parts.push(parts.length === 0 ? { column: text } : { text: text.slice(last) });
  return parts;
}

function usedColumns(sources: readonly FieldSource[]): string[] {
  return sources.flatMap((s) =>
    s.kind === 'column'
      ? [s.column]
      : s.kind === 'combine'
        ? [s.date, s.time]
        : s.kind === 'template'
          ? s.parts.flatMap((p) => ('column' in p ? [p.column] : []))
          : [],
  );
}

function exactMatch(columns: readonly string[], fields: readonly string[]): AutoMatch[] {
  return fields.flatMap((field) => {
    const column = columns.find((c) => normalizeName(c) === normalizeName(field));
    return column === undefined ? [] : [{ field, column }];
  });
}

const stringValues = (v: Readonly<Record<string, string | number | boolean | null>>) =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === null ? null : String(x)]));

/** A required timestamp without a column, and "Date" + "Time" columns: combine them. */
function combineDateTime(
  specs: readonly FieldSpec[],
  sources: Map<string, FieldSource>,
  columns: readonly string[],
  used: Set<string>,
  matches: ColumnMatch[],
): void {
  const field = specs.find((f) => f.type === 'timestamp' && f.required && !sources.has(f.name));
  const date = columns.find((c) => normalizeName(c) === 'date' && !used.has(c));
  const time = columns.find((c) => normalizeName(c) === 'time' && !used.has(c));
  if (!field || !date || !time) return;
  sources.set(field.name, { kind: 'combine', date, time });
  used.add(date).add(time);
  matches.push({ field: field.name, from: `${date} + ${time}`, how: 'combine' });
}

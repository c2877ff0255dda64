// The mapping file format (YAML or JSON) as a zod schema: how source columns become canonical
// fields. Shape only; field names are checked against the model in load-mapping.ts.

import { z } from 'zod';
import { ENTITIES } from '../model/fields.ts';

export const SOURCE_FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'parquet'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Units a duration column can be in; `auto` reads numbers as seconds and h:mm:ss / m:ss text. */
export const UNITS = ['auto', 'seconds', 'minutes', 'hours', 'ms', 'hh:mm:ss'] as const;
export type Unit = (typeof UNITS)[number];

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const timestampsSchema = z.strictObject({
  /** strftime format (DuckDB `strptime`), or `iso` (default), `epoch` (seconds), `epoch_ms`. */
  format: z.string().min(1).optional(),
  /** Per-field formats, overriding `format`. */
  formats: z.record(z.string(), z.string().min(1)).optional(),
  /** IANA zone of naive timestamps (default: the workspace time zone). */
  timezone: z.string().min(1).optional(),
  /** strftime format of date fields (cost periods); default ISO `YYYY-MM-DD`. */
  date_format: z.string().min(1).optional(),
});

const numbersSchema = z.strictObject({ decimal: z.enum(['.', ',']) });

const combineSchema = z.strictObject({
  date: z.string().min(1),
  time: z.string().min(1),
  /** strftime format of "<date> <time>"; default ISO. */
  format: z.string().min(1).optional(),
});

const readSchema = z.strictObject({
  format: z.enum(SOURCE_FORMATS).optional(),
  /** CSV delimiter; sniffed when absent. */
  delimiter: z.string().min(1).max(4).optional(),
  quote: z.string().max(1).optional(),
  encoding: z.enum(['utf-8', 'utf-16', 'latin-1']).optional(),
});

const entityShape = {
  entity: z.enum(ENTITIES),
  /** canonical field ← source column, or a template such as "{Call Id}-csat". */
  columns: z.record(z.string(), z.string().min(1)).optional(),
  /** canonical field ← fixed value. */
  constants: z.record(z.string(), scalar.nullable()).optional(),
  /** Per field: source value → canonical value (case-insensitive, trimmed). */
  values: z.record(z.string(), z.record(z.string(), scalar.nullable())).optional(),
  /** Timestamp field ← a date column and a time column. */
  combine: z.record(z.string(), combineSchema).optional(),
  timestamps: timestampsSchema.optional(),
  /** Duration field → unit of its source column. */
  units: z.record(z.string(), z.enum(UNITS)).optional(),
  /** Rows where any of these fields is blank produce no record (counted as skipped). */
  skip_if_blank: z.array(z.string()).optional(),
  numbers: numbersSchema.optional(),
  /** Match unmapped fields to source columns by synonyms (default: only without `columns`). */
  auto: z.boolean().optional(),
};

export const entityMappingSchema = z.strictObject(entityShape);

export const mappingSchema = z
  .strictObject({
    name: z.string().optional(),
    description: z.string().optional(),
    read: readSchema.optional(),
    ...entityShape,
    entity: entityShape.entity.optional(),
    entities: z.array(entityMappingSchema).min(1).optional(),
  })
  .refine((m) => (m.entity === undefined) !== (m.entities === undefined), {
    message: 'give either `entity` (one entity) or `entities` (a list), not both and not neither',
  });

/** A mapping as written in a file or passed in code. */
export type Mapping = z.input<typeof mappingSchema>;
export type EntityMapping = z.output<typeof entityMappingSchema>;
export type ReadOptions = z.output<typeof readSchema>;

/** A checked mapping: one entry per entity, top-level defaults merged in. */
export interface LoadedMapping {
  readonly loaded: true;
  /** Where it came from (a file path, or "inline"). */
  readonly source: string;
  readonly name?: string;
  readonly read: ReadOptions;
  readonly entities: readonly EntityMapping[];
}

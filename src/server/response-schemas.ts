// Response shapes as zod schemas, for the OpenAPI document and the serializer. Limits: objects
// are loose (extra fields pass through), so an engine field added later is never dropped.

import { z } from 'zod';

const num = z.number().nullable();
const key = z.union([z.string(), z.number(), z.null()]);

export const periodSchema = z
  .looseObject({ from: z.string().nullable(), to: z.string().nullable(), timezone: z.string() })
  .meta({ description: 'First and last local day covered, in the workspace time zone.' });

export const kpiRowSchema = z
  .looseObject({
    kpi: z.string(),
    keys: z.record(z.string(), key).meta({ description: '`by` dimensions and `period`.' }),
    scale: z.string().nullable(),
    value: num.meta({
      description: 'Unrounded; percentages in percent, NPS in points, durations in seconds.',
    }),
    numerator: num,
    denominator: num,
    n: z.number(),
    excluded: z.record(z.string(), z.number()),
    counts: z.record(z.string(), z.number()),
    ci_low: num,
    ci_high: num,
    percentiles: z.looseObject({ p50: num, p90: num, p95: num }).nullable(),
    parts: z.record(z.string(), num).nullable(),
    unit: z.string(),
    variant: z.string(),
    formula: z.string(),
    settings: z.record(z.string(), z.union([z.string(), z.number()])),
    rating: z.looseObject({
      band: z.string().nullable(),
      bandSource: z.string().nullable(),
      target: num,
      targetMet: z.boolean().nullable(),
      status: z.string().nullable(),
    }),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'KpiRow' });

export const kpisResponseSchema = z.looseObject({
  engine: z.string(),
  period: periodSchema,
  query: z.looseObject({}),
  rows: z.array(kpiRowSchema),
  warnings: z.array(z.string()),
  previous: z.looseObject({ period: periodSchema, rows: z.array(kpiRowSchema) }).optional(),
});

const row = z.record(z.string(), z.unknown());

export const drillDownResponseSchema = z.looseObject({
  source: z.enum(['contacts', 'cases', 'surveys']),
  total: z.number(),
  page: z.number(),
  page_size: z.number(),
  rows: z.array(row),
});

const commentGroup = z.looseObject({ total: z.number(), comments: z.array(row) });
export const commentsResponseSchema = z.looseObject({
  promoters: commentGroup,
  passives: commentGroup,
  detractors: commentGroup,
});

const localized = z.looseObject({ en: z.string(), nl: z.string(), es: z.string() });
export const definitionsResponseSchema = z.looseObject({
  kpis: z.array(
    z.looseObject({
      id: z.string(),
      name: localized,
      description: localized,
      unit: z.string(),
      display: z.enum(['seconds', 'minutes', 'hours']).nullable().meta({
        description:
          'For a duration (unit seconds): the unit people read it in, e.g. hours for time to resolution.',
      }),
      direction: z.enum(['higher', 'lower']),
      source: z.enum(['contacts', 'cases', 'surveys']),
      formula: z.string(),
      variant: z.string(),
      settings: z.record(z.string(), z.union([z.string(), z.number()])),
      benchmark: z
        .looseObject({
          text: z.string(),
          localized,
          source: z.string(),
          bands: z.array(z.looseObject({ rating: z.string() })),
          channel: z.string().nullable(),
        })
        .nullable(),
      target: num,
      goals: z.array(z.string()),
    }),
  ),
  settings: z.record(z.string(), z.unknown()),
  goals: z.record(z.string(), z.unknown()),
});

const values = z.array(z.string());
export const dimensionsResponseSchema = z.looseObject({
  channel: values,
  queue: values,
  team: values,
  agent: values,
  category: values,
  period: periodSchema,
});

export const healthResponseSchema = z.looseObject({ ok: z.literal(true), workspace: z.string() });

export const dataVersionResponseSchema = z.strictObject({
  version: z.string().meta({ description: '16 hex digits; compare for equality only.' }),
});

export const tableResponseSchema = z.looseObject({ total: z.number(), rows: z.array(row) });

export const errorResponseSchema = z
  .looseObject({
    error: z.looseObject({
      code: z.string(),
      message: z.string(),
      parameter: z.string().optional(),
      allowed: z.array(z.string()).optional(),
    }),
  })
  .meta({ id: 'ApiError' });

/** A 200 that is JSON or, for tables, CSV; plus the error shape. */
export function responses(json: z.ZodType, { csv }: { csv: boolean }) {
  return {
    200: csv
      ? {
          description: 'JSON, or CSV with `Accept: text/csv` or a `.csv` path suffix.',
          content: {
            'application/json': { schema: json },
            'text/csv': { schema: z.string() },
          },
        }
      : json,
    400: errorResponseSchema,
    500: errorResponseSchema,
  };
}

// A KpiQuery: which KPIs, broken down by which dimensions and time grain, over which period and
// filters. Validated here so the CLI, the API and tests share one set of rules and messages.

import { z } from 'zod';
import type { SettingsOverride } from '../metrics/settings-override.ts';
import { KPI_IDS, type KpiId } from '../metrics/types.ts';

export const DIMENSIONS = [
  'channel',
  'queue',
  'team',
  'agent',
  'category',
  'weekday',
  'slot',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Dimensions stored as columns; `weekday` and `slot` are derived from local time. */
export const COLUMN_OF: Readonly<Record<Exclude<Dimension, 'weekday' | 'slot'>, string>> = {
  channel: 'channel',
  queue: 'queue',
  team: 'team',
  agent: 'agent_id',
  category: 'category',
};

export const GRAINS = ['15m', '30m', 'hour', 'day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

/**
 * Grains shorter than a day. Their bucket labels carry the UTC offset ('2026-10-25 02:00+02:00'),
 * so the local hour that repeats when DST ends gives two buckets, not one of double length.
 */
export const isSubDay = (g: Grain | undefined): boolean =>
  g === '15m' || g === '30m' || g === 'hour';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const kpiQuerySchema = z
  .object({
    kpis: z
      .array(z.enum(KPI_IDS))
      .min(1)
      .default([...KPI_IDS]),
    by: z.array(z.enum(DIMENSIONS)).default([]),
    grain: z.enum(GRAINS).optional(),
    /** First local day of the period (inclusive). */
    from: localDate.optional(),
    /** Last local day of the period (inclusive). */
    to: localDate.optional(),
    /** Dimension → allowed values (OR within a dimension, AND across dimensions). */
    filters: z.partialRecord(z.enum(DIMENSIONS), z.array(z.string()).min(1)).default({}),
    /**
     * Compute p50/p90/p95 (ASA, AHT, time to resolution). A trend that only draws values can
     * leave them out: they are the costliest part of a query (a sort per group).
     */
    percentiles: z.boolean().default(true),
    /**
     * The period just before `from`…`to` to compare with (it must end the day before `from`):
     * both are computed in the same statement, one scan over both periods.
     */
    previous: z.object({ from: localDate, to: localDate }).optional(),
    /** Minutes per `slot` (time of day) bucket. */
    slotMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).default(30),
    /**
     * Settings for this query only, merged over the workspace's (`{ service_level: { variant:
     * 'answered-only' } }`); validated by the settings schema when the query runs.
     */
    settings: z
      .custom<SettingsOverride>(
        (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
        'expected settings as an object, e.g. { service_level: { variant: "answered-only" } }',
      )
      .optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '`from` must not be after `to`',
    path: ['from'],
  })
  .refine(
    (q) =>
      !q.previous ||
      (q.from !== undefined &&
        q.previous.from <= q.previous.to &&
        dayAfter(q.previous.to) === q.from),
    { message: '`previous` must end the day before `from`', path: ['previous'] },
  );

const dayAfter = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export type KpiQueryInput = z.input<typeof kpiQuerySchema>;
export type KpiQuery = z.output<typeof kpiQuerySchema>;

export function kpiQuery(input: KpiQueryInput): KpiQuery {
  return kpiQuerySchema.parse(input);
}

export type { KpiId };

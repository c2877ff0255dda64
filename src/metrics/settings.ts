// Workspace settings that change what a KPI means: variants, thresholds, windows, scales, targets.
// Pure data with defaults; every report prints the settings it used.

import { z } from 'zod';
import { CHANNELS } from '../model/fields.ts';
import { isTimeZone, suggestTimeZones, TIME_ZONE_FIX } from './time-zone.ts';
import { KPI_IDS } from './types.ts';

export const SL_VARIANTS = [
  'answered-only',
  'abandons-negative',
  'offered-minus-short-abandons',
  'short-abandons-excluded',
  'abandons-before-t-ignored',
  'abandons-positive',
  'flow-outs-included',
] as const;
export type SlVariant = (typeof SL_VARIANTS)[number];

export const ASA_VARIANTS = ['answered', 'all-offered'] as const;
export type AsaVariant = (typeof ASA_VARIANTS)[number];

export const FCR_METHODS = ['auto', 'flag', 'single-contact', 'no-repeat'] as const;
export type FcrMethod = (typeof FCR_METHODS)[number];

export const TTR_CLOCKS = ['calendar', 'business'] as const;
export type TtrClock = (typeof TTR_CLOCKS)[number];

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a local time as HH:MM (00:00 to 24:00)');
/** One opening window, local wall-clock time, start before end. */
const window = z
  .tuple([hhmm, hhmm])
  .refine(([a, b]) => a < b, { message: 'a window must start before it ends' });
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const weekdays = (windows: [string, string][]) =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, Number(d) <= 5 ? windows : []]));

const channelMap = <T extends z.ZodType>(v: T) => z.partialRecord(z.enum(CHANNELS), v).default({});

/** An IANA zone; an unknown one is refused here, not by every later report. */
const timeZone = z.string().superRefine((tz, ctx) => {
  if (isTimeZone(tz)) return;
  const like = suggestTimeZones(tz);
  ctx.addIssue({
    code: 'custom',
    message: `"${tz}" is not an IANA time zone${like.length ? ` (did you mean ${like.join(' or ')}?)` : ''}`,
    params: { fix: TIME_ZONE_FIX },
  });
});

/** Targets per KPI id, e.g. { service_level: 80, asa: 30 }. */
const targets = z.partialRecord(z.enum(KPI_IDS), z.number());

export const settingsSchema = z.object({
  timezone: timeZone.default('Europe/Amsterdam'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 code such as EUR')
    .default('EUR'),
  service_level: z
    .object({
      variant: z.enum(SL_VARIANTS).default('offered-minus-short-abandons'),
      /** T in X/T: answered within this many seconds. */
      threshold_s: z.number().positive().default(20),
      /** Per-channel T, e.g. chat 60 s, email 86400 s. */
      threshold_s_by_channel: channelMap(z.number().positive()),
      /** `<=` (default) or `<` for "within T". */
      within: z.enum(['<=', '<']).default('<='),
      /** S: abandons after less than S seconds are short ("fast") abandons. */
      short_abandon_s: z.number().nonnegative().default(5),
    })
    .prefault({}),
  asa: z.object({ variant: z.enum(ASA_VARIANTS).default('answered') }).prefault({}),
  fcr: z
    .object({
      method: z.enum(FCR_METHODS).default('auto'),
      /** N in method 3: a repeat contact within N days makes the case non-FCR. */
      repeat_window_days: z.number().positive().default(7),
    })
    .prefault({}),
  /** Time to resolution on the calendar clock (default) or counting business hours only. */
  time_to_resolution: z.object({ clock: z.enum(TTR_CLOCKS).default('calendar') }).prefault({}),
  /**
   * Opening hours for business-hours time, in the workspace time zone: per ISO weekday
   * (1 = Monday … 7 = Sunday) a list of [start, end] windows (several for split shifts), and
   * holidays (local dates) on which nothing counts.
   */
  business_hours: z
    .object({
      week: z
        .partialRecord(z.enum(WEEKDAYS), z.array(window))
        .default(weekdays([['09:00', '17:00']])),
      holidays: z
        .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'))
        .default([]),
    })
    .prefault({}),
  /** Lowest score that counts as "satisfied", per CSAT scale maximum. */
  csat_satisfied_min: z
    .record(z.string(), z.number().int())
    .default({ '3': 3, '5': 4, '7': 6, '10': 8 }),
  /** Lowest score that counts as "positive" (low effort), per CES scale maximum. */
  ces_positive_min: z.record(z.string(), z.number().int()).default({ '5': 4, '7': 5 }),
  /** Warn when a survey KPI rests on fewer responses than this. */
  min_sample: z.number().int().positive().default(30),
  /** Staffing assumptions for Erlang plans and the cost of service level. */
  staffing: z
    .object({
      /** Loaded cost of one agent hour, in the workspace currency. */
      hourly_rate: z.number().nonnegative().default(32),
      /** Share of paid time not available for contacts (breaks, training, absence). */
      shrinkage: z.number().min(0).max(0.95).default(0.3),
      /** Cap on planned occupancy. */
      max_occupancy: z.number().gt(0).max(1).default(0.9),
      /** Minutes per planning interval: 15 or 30. */
      interval_minutes: z.union([z.literal(15), z.literal(30)]).default(30),
      /** Contacts an agent handles at once per channel (chat, messaging); 1 where not given. */
      concurrency_by_channel: channelMap(z.number().int().min(1).max(20)),
    })
    .prefault({}),
  /** User targets, e.g. { service_level: 80, asa: 30 }; per channel in targets_by_channel. */
  targets: targets.default({}),
  targets_by_channel: channelMap(targets),
});

export type WorkspaceSettings = z.infer<typeof settingsSchema>;

export function defaultSettings(): WorkspaceSettings {
  return settingsSchema.parse({});
}

// Zod schemas for the parts of a scenario: channels, categories, queues, agents, shifts.
// Limits: shape and ranges only; cross-references are checked in scenario-schema.ts.

import { z } from 'zod';
import { CHANNELS, FLOW_REASONS } from '../model/fields.ts';

const nonNeg = z.number().nonnegative();
const positive = z.number().positive();
const fraction = z.number().min(0).max(1);

/** "HH:MM" local wall-clock time → minutes after midnight ("24:00" is the end of the day). */
const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a local time "HH:MM" (00:00–24:00)')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5)));

/** Opening hours of one kind of day: [from, to) local time, or null when closed. */
const hours = z
  .tuple([clock, clock])
  .refine(([from, to]) => to > from, 'closing time must be after opening time')
  .nullable();

export const channelNameSchema = z.enum(CHANNELS);

export const handleSchema = z.strictObject({
  /** lognormal parts (talk, hold, acw) or one exponential talk time (validation runs). */
  model: z.enum(['lognormal', 'exponential']).default('lognormal'),
  talk_s: positive,
  talk_cv: nonNeg.default(0.7),
  /** Share of contacts with any hold. */
  hold_share: fraction.default(0),
  hold_s: nonNeg.default(0),
  hold_cv: nonNeg.default(1),
  acw_s: nonNeg.default(0),
  acw_cv: nonNeg.default(0.5),
});

export const patienceSchema = z
  .strictObject({
    /** Mean patience of an exponential abandoner, in seconds. */
    mean_s: positive,
    /** Share of callers who hang up almost at once ("fast abandons"). */
    fast_share: fraction.default(0),
    /** Fast abandons leave uniformly within this many seconds. */
    fast_max_s: positive.default(5),
  })
  .nullable();

export const channelSchema = z.strictObject({
  /** queue: answered live (voice, chat); backlog: arrives any time, worked when open (email). */
  mode: z.enum(['queue', 'backlog']).default('queue'),
  /** New contacts expected on an open day, weekday factor 1, before trend and noise (× scale). */
  daily_volume: nonNeg,
  /** Volume factor per weekday, Monday first. */
  weekday: z.array(nonNeg).length(7).default([1, 1, 1, 1, 1, 1, 1]),
  /** Relative arrival rate per local hour 0–23 (interpolated between hour midpoints). */
  intraday: z.array(nonNeg).length(24),
  /** Opening hours per kind of day; a backlog channel receives all day, is worked in these. */
  open: z.strictObject({
    weekday: hours,
    saturday: hours,
    sunday: hours,
    /** Holidays that do not close the centre (see holidays.closed). */
    holiday: hours,
  }),
  /** Volume factor on a holiday that does not close the centre. */
  holiday_volume_factor: nonNeg.default(0.5),
  /** Category mix of new contacts: category → weight. */
  categories: z.record(z.string(), nonNeg),
  /** Contacts one agent handles at once (chat, messaging). */
  concurrency: z.number().int().min(1).max(20).default(1),
  /** null: nobody abandons (infinite patience). */
  patience: patienceSchema.default(null),
  /** Customers who abandoned try again. */
  retry: z
    .strictObject({
      probability: fraction,
      delay_mean_s: positive.default(600),
      max_attempts: z.number().int().min(1).default(3),
    })
    .prefault({ probability: 0 }),
  handle: handleSchema,
  /** Chance an answered contact is transferred (times the category's transfer_factor). */
  transfer_probability: fraction.default(0),
  /** Channel mix of repeat contacts: channel → weight; empty means the same channel. */
  switch_to: z.partialRecord(channelNameSchema, nonNeg).default({}),
  survey: z
    .strictObject({
      /** Share of answered contacts whose customer answers the survey. */
      response_rate: fraction,
      /** Mean delay between the end of the contact and the response, in hours. */
      delay_mean_h: positive.default(2),
    })
    .prefault({ response_rate: 0 }),
  /** Waiting this long lowers satisfaction by about one "wait" effect (ln(1 + wait/tolerance)). */
  wait_tolerance_s: positive.default(120),
  /** Service-level threshold T written to the workspace settings for this channel. */
  threshold_s: positive.optional(),
  /** Fixed cost per calendar day (licences, telephony, floor space), × scale. */
  fixed_cost_per_day: nonNeg.default(0),
});

export const categorySchema = z.strictObject({
  /** Multiplies the channel's talk time. */
  talk_factor: positive.default(1),
  /** Probability a first contact resolves the case (standard agent, typical handle time). */
  fcr: fraction,
  /** Probability a resolved case is reopened later. */
  reopen: fraction.default(0),
  /** Multiplies the channel's transfer probability. */
  transfer_factor: nonNeg.default(1),
  /** Shift of satisfaction for this topic (latent scale, ~1 = one CSAT point). */
  satisfaction: z.number().default(0),
});

const staffingSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    /** The same agents on duty during all opening hours, no breaks (× scale, rounded). */
    mode: z.literal('fixed'),
    agents: z.number().int().min(0),
  }),
  z.strictObject({
    /** Agents per interval from Erlang C for a service-level target, then shifts to cover them. */
    mode: z.literal('erlang-c'),
    target_sl: fraction,
    /** T of the target; default (and if given, must equal) the channel's threshold_s. */
    threshold_s: positive.optional(),
    max_occupancy: z.number().gt(0).max(1).default(1),
    /** Planned volume = expected new contacts × this (repeat contacts, retries, transfers). */
    forecast_factor: positive.default(1),
    min_agents: z.number().int().min(0).default(1),
  }),
  z.strictObject({
    /** Agents from the day's workload (volume × AHT) at an occupancy, flat over opening hours. */
    mode: z.literal('workload'),
    occupancy: z.number().gt(0).max(1),
    forecast_factor: positive.default(1),
    min_agents: z.number().int().min(0).default(1),
  }),
  z.strictObject({
    /**
     * A backlog worked oldest first: agents per day so that a share target_sl of the items is
     * answered within threshold_s (src/staffing backlogNeed), flat over the opening hours.
     */
    mode: z.literal('backlog'),
    target_sl: fraction,
    /** Response-time target; default (and if given, must equal) the channel's threshold_s. */
    threshold_s: positive.optional(),
    /** Share of on-duty time spent answering items. */
    occupancy: z.number().gt(0).max(1),
    forecast_factor: positive.default(1),
    min_agents: z.number().int().min(0).default(1),
  }),
]);

export const queueSchema = z.strictObject({
  name: z.string().min(1),
  channel: channelNameSchema,
  /** Categories routed here; empty: every category of the channel not routed to another queue. */
  categories: z.array(z.string()).default([]),
  /** Teams of this queue's agents (agents are spread over them). */
  teams: z.array(z.string().min(1)).min(1),
  hourly_rate: nonNeg,
  /** After this wait the contact flows out (callback, voicemail); null: never. */
  max_wait_s: positive.nullable().default(null),
  flow_reason: z.enum(FLOW_REASONS).default('callback'),
  /** Queue (same channel) a transferred contact goes to; null: this queue, another agent. */
  transfer_to: z.string().min(1).nullable().default(null),
  staffing: staffingSchema,
});

export const agentsSchema = z.strictObject({
  levels: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        share: nonNeg,
        aht_factor: positive.default(1),
        fcr_logit: z.number().default(0),
        satisfaction: z.number().default(0),
      }),
    )
    .min(1)
    .default([{ name: 'standard', share: 1, aht_factor: 1, fcr_logit: 0, satisfaction: 0 }]),
  /** Spread of an agent's personal speed (lognormal cv of its handle-time factor). */
  speed_cv: nonNeg.default(0),
  /** Spread of an agent's personal quality (normal sd on FCR logit and satisfaction). */
  quality_sd: nonNeg.default(0),
  /** People per queue = most shifts on one day × this (they rotate over the week). */
  pool_factor: z.number().min(1).default(1.4),
  /** Share of planned shifts nobody shows up for. */
  absenteeism: fraction.default(0),
});

export const shiftsSchema = z.strictObject({
  length_h: positive.default(8),
  /** Shortest shift the planner adds to cover the end of the day. */
  min_length_h: positive.default(4),
  /** Paid breaks in a shift: `after_h` hours into it (staggered per agent), `minutes` long. */
  breaks: z.array(z.strictObject({ after_h: positive, minutes: positive })).default([]),
});

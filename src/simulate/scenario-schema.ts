// The scenario a simulation runs: one JSON document validated by zod (docs/simulator.md).
// Limits: checks shape, ranges and cross-references, not whether the numbers are realistic.

import { z } from 'zod';
import { HOLIDAY_CALENDARS, holidayKeys } from './holidays.ts';
import { addDays, isTimeZone } from './local-time.ts';
import {
  agentsSchema,
  categorySchema,
  channelNameSchema,
  channelSchema,
  queueSchema,
  shiftsSchema,
} from './scenario-parts.ts';

const nonNeg = z.number().nonnegative();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date "YYYY-MM-DD"');
export const LANGUAGES = ['nl', 'en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const surveysSchema = z.strictObject({
  /** Share of respondents who answer each question (each answer is one response row). */
  kinds: z
    .strictObject({ csat: nonNeg.max(1), nps: nonNeg.max(1), ces: nonNeg.max(1) })
    .prefault({ csat: 1, nps: 0.5, ces: 0.5 }),
  csat_scale: z.union([z.literal(3), z.literal(5), z.literal(7), z.literal(10)]).default(5),
  ces_scale: z.union([z.literal(5), z.literal(7)]).default(7),
  /** Share of respondents who leave a verbatim comment. */
  comment_probability: z.number().min(0).max(1).default(0.3),
  /** Language mix of comments: language → weight. */
  languages: z.partialRecord(z.enum(LANGUAGES), nonNeg).default({ nl: 1 }),
  /** Drivers of the latent satisfaction score (≈ CSAT points). */
  effects: z
    .strictObject({
      base: z.number().default(0.8),
      resolved: z.number().default(1),
      wait: z.number().default(-0.8),
      repeat: z.number().default(-0.3),
      transfer: z.number().default(-0.4),
      noise: nonNeg.default(0.9),
    })
    .prefault({}),
});

const casesSchema = z.strictObject({
  /** An unresolved case brings the customer back (else the back office resolves it). */
  repeat_probability: z.number().min(0).max(1).default(0.7),
  /** Mean days until a repeat contact (lognormal, cv 0.8). */
  repeat_delay_days: z.number().positive().default(2),
  /** Mean hours until the back office resolves a case without a new contact. */
  backoffice_delay_h: z.number().positive().default(24),
  /** After this many contacts the back office takes over. */
  max_contacts: z.number().int().min(1).default(4),
  /** Mean days until a resolved case is reopened by the customer. */
  reopen_delay_days: z.number().positive().default(4),
  /** FCR logit shift of later contacts of a case (they know more). */
  repeat_fcr_logit: z.number().default(0.3),
  /** FCR logit per ln(handle time / expected): rushed contacts resolve less. */
  handle_fcr_logit: z.number().default(0.5),
  transfer_fcr_logit: z.number().default(-0.8),
  /** Channels whose cases carry the source flag first_contact_resolved. */
  fcr_flag_channels: z.array(channelNameSchema).default([]),
});

export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().default(''),
    timezone: z.string().refine(isTimeZone, 'unknown IANA time zone'),
    start: date,
    days: z.number().int().min(1).max(3660),
    interval_minutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).default(15),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('EUR'),
    seed: z.number().int().default(1),
    /** Customers new cases are drawn from (× scale). */
    customers: z.number().int().positive(),
    channels: z.partialRecord(channelNameSchema, channelSchema),
    categories: z.record(z.string(), categorySchema),
    queues: z.array(queueSchema).min(1),
    agents: agentsSchema.prefault({}),
    shifts: shiftsSchema.prefault({}),
    cases: casesSchema.prefault({}),
    surveys: surveysSchema.prefault({}),
    trend: z
      .strictObject({
        growth_per_month: z.number().default(0),
        seasonal_amplitude: z.number().min(0).max(1).default(0),
        /** Day of the year (1–366) with the seasonal peak. */
        seasonal_peak_day: z.number().int().min(1).max(366).default(15),
      })
      .prefault({}),
    /** Day-to-day volume noise (lognormal cv of a day factor per channel). */
    daily_noise_cv: nonNeg.default(0),
    special_days: z
      .array(
        z.strictObject({
          date,
          factor: nonNeg,
          channels: z.array(channelNameSchema).default([]),
          label: z.string().default(''),
        }),
      )
      .default([]),
    holidays: z
      .strictObject({
        calendar: z.enum(HOLIDAY_CALENDARS).default('none'),
        /** Holiday keys on which the centre is closed. */
        closed: z.array(z.string()).default([]),
        extra: z
          .array(z.strictObject({ date, name: z.string(), closed: z.boolean().default(true) }))
          .default([]),
      })
      .prefault({}),
  })
  .superRefine(crossChecks);

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ChannelConfig = Scenario['channels'][keyof Scenario['channels']] & {};
export type QueueConfig = Scenario['queues'][number];

function crossChecks(s: Scenario, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const channels = Object.keys(s.channels);
  s.queues.forEach((q, i) => {
    if (!s.channels[q.channel]) issue(['queues', i, 'channel'], `no channel "${q.channel}"`);
    q.categories.forEach((c, j) => {
      if (!s.categories[c]) issue(['queues', i, 'categories', j], `unknown category "${c}"`);
    });
  });
  s.queues.forEach((q, i) => {
    const channelT = s.channels[q.channel]?.threshold_s;
    const st = q.staffing;
    if (st.mode !== 'erlang-c' && st.mode !== 'backlog') return;
    if (st.threshold_s === undefined && channelT === undefined) {
      issue(
        ['queues', i, 'staffing', 'threshold_s'],
        `give threshold_s here or on channel "${q.channel}"`,
      );
    } else if (
      st.threshold_s !== undefined &&
      channelT !== undefined &&
      st.threshold_s !== channelT
    ) {
      issue(
        ['queues', i, 'staffing', 'threshold_s'],
        `${st.threshold_s} s differs from channel "${q.channel}" threshold_s ${channelT} s: the plan and the reported service level would measure different targets`,
      );
    }
  });
  s.queues.forEach((q, i) => {
    if (q.transfer_to === null) return;
    const to = s.queues.find((o) => o.name === q.transfer_to);
    if (!to) issue(['queues', i, 'transfer_to'], `no queue "${q.transfer_to}"`);
    else if (to.channel !== q.channel) {
      issue(['queues', i, 'transfer_to'], `queue "${to.name}" serves another channel`);
    }
  });
  const names = s.queues.map((q) => q.name);
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) issue(['queues', i, 'name'], `duplicate queue name "${n}"`);
  });
  for (const [ch, cfg] of Object.entries(s.channels)) {
    const queues = s.queues.filter((q) => q.channel === ch);
    if (queues.length === 0) issue(['channels', ch], `no queue serves channel "${ch}"`);
    for (const cat of Object.keys(cfg.categories)) {
      if (!s.categories[cat])
        issue(['channels', ch, 'categories', cat], `unknown category "${cat}"`);
    }
    for (const to of Object.keys(cfg.switch_to)) {
      if (!channels.includes(to)) issue(['channels', ch, 'switch_to', to], `no channel "${to}"`);
    }
  }
  if (s.holidays.calendar !== 'none') {
    const known = new Set(holidayKeys(s.holidays.calendar));
    s.holidays.closed.forEach((k, i) => {
      if (!known.has(k)) issue(['holidays', 'closed', i], `unknown holiday key "${k}"`);
    });
  }
  if (s.agents.levels.every((l) => l.share === 0)) {
    issue(['agents', 'levels'], 'at least one level needs a share above 0');
  }
  const end = addDays(s.start, s.days - 1);
  s.special_days.forEach((d, i) => {
    if (d.date < s.start || d.date > end) issue(['special_days', i, 'date'], 'outside the period');
  });
}

// The staffing plan as the API answers it: every ratio in percent (as /kpis does, KPIS.md), every
// duration in seconds, and a typed schema so the OpenAPI document lists each column.
// Limits: src/staffing works in fractions; this is the one place they become percent.

import { z } from 'zod';
import type { IntervalPlanResult, PlannedInterval } from '../staffing/index.ts';
import { periodSchema } from './response-schemas.ts';

const num = z.number().nullable();
const pct = (what: string) => num.meta({ description: `${what}, in percent (0–100).` });
const sec = (what: string) => num.meta({ description: `${what}, in seconds.` });

export const staffingRowSchema = z
  .object({
    intervalStart: z.string().nullable().meta({
      description:
        "Local start 'YYYY-MM-DD HH:MM' (the day 'YYYY-MM-DD' in a backlog plan); null in a weekday profile.",
    }),
    queue: z
      .string()
      .nullable()
      .meta({ description: 'The queue; null on rows that add up every queue planned.' }),
    utcOffsetMinutes: num,
    weekday: z.number().meta({ description: 'ISO weekday, 1 = Monday.' }),
    slot: z.string().meta({ description: "Local time of day 'HH:MM'." }),
    days: z.number().meta({ description: 'Days behind the row (1, or per weekday in a profile).' }),
    volume: z.number().meta({ description: 'Contacts offered (mean per day in a profile).' }),
    ahtSeconds: sec('Average handle time'),
    ahtFromPeriod: z.boolean().meta({ description: 'AHT of the whole period stands in.' }),
    observedServiceLevel: pct('Observed service level (workspace variant, target T)'),
    offered: z.number(),
    answered: z.number(),
    abandoned: z.number(),
    slNumerator: z.number(),
    slDenominator: z.number(),
    observedAsaSeconds: sec('Observed average speed of answer'),
    observedAbandonRate: pct('Abandoned / offered'),
    trafficErlangs: num,
    requiredAgents: num.meta({ description: 'Agents on contacts the target needs.' }),
    scheduledAgents: num.meta({ description: 'Paid headcount for the target, after shrinkage.' }),
    bindingConstraint: z
      .enum(['none', 'stability', 'serviceLevel', 'occupancy', 'abandonment'])
      .nullable(),
    staffedAgents: num.meta({ description: 'Paid agents observed (mean over the interval).' }),
    onDutyAgents: num.meta({
      description: 'Agents on duty (present, not on a break) where the staffing table gives them.',
    }),
    productiveAgents: num.meta({
      description: 'Agents Erlang sees: on duty where known, else staffed × (1 − shrinkage).',
    }),
    predictedServiceLevel: pct('Service level Erlang predicts with the staffed agents'),
    predictedAsaSeconds: sec('ASA Erlang predicts with the staffed agents'),
    predictedAbandonRate: pct('Abandon rate Erlang A predicts'),
    hourlyRate: z.number(),
    requiredCost: num,
    staffedCost: num,
    extraPointCost: num.meta({
      description:
        'Cost per interval of raising the target by one point (0 when whole agents already reach it).',
    }),
    marginalCostPerPoint: num.meta({
      description: 'What the next agent costs per SL point it adds, at the required agents.',
    }),
  })
  .meta({ id: 'StaffingRow' });

export const staffingTotalsSchema = z.object({
  intervals: z.number(),
  intervalsWithPlan: z.number(),
  requiredAgentHours: z.number(),
  requiredCost: z.number(),
  requiredAgentHoursPlanned: z.number(),
  requiredCostPlanned: z.number(),
  staffedAgentHours: num,
  staffedCost: num,
  extraPointCost: z.number(),
});

export const staffingResponseSchema = z.object({
  period: periodSchema,
  filters: z.record(z.string(), z.array(z.string())),
  engine: z.string(),
  mode: z.enum(['intervals', 'weekday-profile']),
  model: z.enum(['erlang-c', 'erlang-a']),
  grain: z.enum(['interval', 'day']).meta({
    description: '`day` when only backlog queues (e-mail) are planned: one row per day.',
  }),
  target: z.object({
    sl: z.number().meta({ description: 'X of X/T, in percent.' }),
    thresholdSeconds: z.number(),
  }),
  slVariant: z.string(),
  shrinkage: z.number().meta({ description: 'Paid time not on contacts, in percent.' }),
  maxOccupancy: z.number().meta({ description: 'In percent.' }),
  hourlyRate: z.number(),
  currency: z.string(),
  intervalMinutes: z.number(),
  patienceSeconds: sec('Erlang A patience'),
  patienceEstimated: z.boolean(),
  rows: z.array(staffingRowSchema),
  totals: staffingTotalsSchema,
  queues: z
    .array(
      z.object({
        queue: z.string().nullable(),
        channel: z.string().nullable(),
        kind: z.enum(['live', 'backlog']),
        model: z.enum(['erlang-c', 'erlang-a']),
        target: z.object({ sl: z.number(), thresholdSeconds: z.number() }),
        patienceSeconds: sec('Erlang A patience of this queue'),
        rows: z.array(staffingRowSchema),
        totals: staffingTotalsSchema,
      }),
    )
    .meta({ description: 'Each queue planned on its own; `rows` add them up.' }),
  warnings: z.array(z.string()),
});

export type StaffingRow = z.infer<typeof staffingRowSchema>;
export type StaffingResponse = z.infer<typeof staffingResponseSchema>;

/** The CSV's columns: the row schema's, in its order. */
export const STAFFING_CSV_COLUMNS = Object.keys(staffingRowSchema.shape);

const percent = (v: number | null): number | null => (v === null ? null : v * 100);
/** Erlang's ASA with no productive agent is Infinity: JSON has no such number, so null. */
const finite = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);
/** Settings echoed back (0.57 → 57, not 56.99999999999999); computed figures stay unrounded. */
const settingPercent = (v: number): number => Number((v * 100).toPrecision(12));

export function staffingRowForApi(r: PlannedInterval): StaffingRow {
  return {
    ...r,
    observedServiceLevel: percent(r.observedServiceLevel),
    observedAbandonRate: percent(r.observedAbandonRate),
    predictedServiceLevel: percent(r.predictedServiceLevel),
    predictedAbandonRate: percent(r.predictedAbandonRate),
    predictedAsaSeconds: finite(r.predictedAsaSeconds),
  };
}

export function staffingForApi(plan: IntervalPlanResult): StaffingResponse {
  return {
    period: { ...plan.period },
    filters: Object.fromEntries(Object.entries(plan.filters).map(([k, v]) => [k, [...(v ?? [])]])),
    engine: plan.engine,
    mode: plan.mode,
    model: plan.model,
    target: {
      sl: settingPercent(plan.target.sl),
      thresholdSeconds: plan.target.thresholdSeconds,
    },
    slVariant: plan.slVariant,
    shrinkage: settingPercent(plan.shrinkage),
    maxOccupancy: settingPercent(plan.maxOccupancy),
    hourlyRate: plan.hourlyRate,
    currency: plan.currency,
    intervalMinutes: plan.intervalMinutes,
    patienceSeconds: plan.patienceSeconds,
    patienceEstimated: plan.patienceEstimated,
    grain: plan.grain,
    rows: plan.rows.map(staffingRowForApi),
    totals: { ...plan.totals },
    queues: plan.queues.map((q) => ({
      queue: q.queue,
      channel: q.channel,
      kind: q.kind,
      model: q.model,
      target: { sl: settingPercent(q.target.sl), thresholdSeconds: q.target.thresholdSeconds },
      patienceSeconds: q.patienceSeconds,
      rows: q.rows.map(staffingRowForApi),
      totals: { ...q.totals },
    })),
    warnings: [...plan.warnings],
  };
}

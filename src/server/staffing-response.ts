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
    intervalStart: z
      .string()
      .nullable()
      .meta({ description: "Local start 'YYYY-MM-DD HH:MM'; null in a weekday profile." }),
    utcOffsetMinutes: num,
    weekday: z.number().meta({ description: 'ISO weekday, 1 = Monday.' }),
    slot: z.string().meta({ description: "Local time of day 'HH:MM'." }),
    days: z.number().meta({ description: 'Days behind the row (1, or per weekday in a profile).' }),
    volume: z.number().meta({ description: 'Contacts offered (mean per day in a profile).' }),
    ahtSeconds: sec('Average handle time'),
    ahtFromPeriod: z.boolean().meta({ description: 'AHT of the whole period stands in.' }),
    observedServiceLevel: pct('Observed service level (workspace variant, target T)'),
    offered: z.number(),
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
    productiveAgents: num,
    predictedServiceLevel: pct('Service level Erlang predicts with the staffed agents'),
    predictedAsaSeconds: sec('ASA Erlang predicts with the staffed agents'),
    predictedAbandonRate: pct('Abandon rate Erlang A predicts'),
    hourlyRate: z.number(),
    requiredCost: num,
    staffedCost: num,
    extraPointCost: num.meta({ description: 'Cost of one more point of service level.' }),
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
    rows: plan.rows.map(staffingRowForApi),
    totals: { ...plan.totals },
    warnings: [...plan.warnings],
  };
}

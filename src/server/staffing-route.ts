// GET /api/v1/staffing(.csv): the per-interval staffing plan from the workspace's own history
// (src/staffing intervalPlan): agents an SL target needs, staffed, predicted SL, extra-point cost.
// Limits: 15- or 30-minute intervals; shrinkage, occupancy and rates come from the settings.

import { z } from 'zod';
import { intervalPlan } from '../staffing/index.ts';
import { objectsToCsv } from './csv.ts';
import { sendCsv, wantsCsv, withCsvPath } from './csv-reply.ts';
import { checkPeriod, localDay, oneOf, toKpiQueryInput } from './query-params.ts';
import { periodSchema, responses } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

const INTERVALS = ['15', '30'] as const;
const MODELS = ['erlang-c', 'erlang-a'] as const;
const MODES = ['intervals', 'weekday-profile'] as const;

const target = z
  .string()
  .transform((raw, ctx) => {
    const m = /^(\d{1,2}(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(raw.trim());
    const sl = Number(m?.[1]);
    const t = Number(m?.[2]);
    if (m && sl > 0 && sl < 100 && t > 0) return { sl: sl / 100, thresholdSeconds: t };
    ctx.addIssue({
      code: 'custom',
      message: `\`target\` must be X/T: X percent (0 < X < 100) answered within T seconds, e.g. 80/20 (got "${raw}").`,
    });
    return z.NEVER;
  })
  .meta({ description: 'Service-level target X/T, e.g. 80/20 (default: workspace settings).' });

const values = (what: string) =>
  z
    .string()
    .min(1)
    .transform((raw) =>
      raw
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    )
    .meta({ description: `Only these ${what} (comma-separated).` });

export const staffingQuerySchema = z
  .strictObject({
    from: localDay('from').optional(),
    to: localDay('to').optional(),
    interval: oneOf('interval', INTERVALS)
      .optional()
      .meta({ description: 'Interval minutes: 15 or 30 (default: workspace settings).' }),
    target: target.optional(),
    queue: values('queues').optional(),
    channel: values('channels').optional(),
    model: oneOf('model', MODELS).optional(),
    mode: oneOf('mode', MODES).optional(),
  })
  .superRefine((q, ctx) => checkPeriod(q, ctx, { compareUsed: false }));

const staffingResponseSchema = z.looseObject({
  period: periodSchema,
  target: z.looseObject({ sl: z.number(), thresholdSeconds: z.number() }),
  intervalMinutes: z.number(),
  rows: z.array(z.record(z.string(), z.unknown())),
  totals: z.record(z.string(), z.unknown()),
  warnings: z.array(z.string()),
});

export function registerStaffingRoute(app: ZodApp, { workspace }: ServerContext): void {
  for (const url of withCsvPath(`${API}/staffing`)) {
    app.get(
      url,
      {
        schema: {
          summary: 'Per-interval staffing plan for a service-level target, from history',
          tags: ['staffing'],
          querystring: staffingQuerySchema,
          response: responses(staffingResponseSchema, { csv: true }),
        },
      },
      async (req, reply) => {
        const q = req.query;
        const filter = {
          ...(q.queue ? { queue: q.queue } : {}),
          ...(q.channel ? { channel: q.channel } : {}),
        };
        const plan = await intervalPlan(
          workspace.runner,
          {
            query: toKpiQueryInput({ from: q.from, to: q.to, filter }),
            ...(q.interval ? { intervalMinutes: Number(q.interval) as 15 | 30 } : {}),
            ...(q.target ? { target: q.target } : {}),
            ...(q.model ? { model: q.model } : {}),
            ...(q.mode ? { mode: q.mode } : {}),
          },
          await workspace.settings(),
        );
        if (wantsCsv(req)) {
          return sendCsv(reply, 'staffing', objectsToCsv(plan.rows.map((r) => ({ ...r }))));
        }
        return { ...plan, rows: plan.rows.map((r) => ({ ...r })) };
      },
    );
  }
}

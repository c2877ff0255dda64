// GET /api/v1/staffing(.csv): the per-interval staffing plan from the workspace's own history
// (src/staffing intervalPlan): agents an SL target needs, staffed, predicted SL, extra-point cost.
// Limits: 15- or 30-minute intervals; shrinkage, occupancy and rates come from the settings;
// ratios in percent and durations in seconds (staffing-response.ts).

import { z } from 'zod';
import { intervalPlan } from '../staffing/index.ts';
import { objectsToCsv } from './csv.ts';
import { sendCsv, wantsCsv, withCsvPath } from './csv-reply.ts';
import { checkPeriod, localDay, oneOf, toKpiQueryInput } from './query-params.ts';
import { responses } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';
import {
  STAFFING_CSV_COLUMNS,
  staffingForApi,
  staffingResponseSchema,
} from './staffing-response.ts';

const INTERVALS = ['15', '30'] as const;
const MODELS = ['auto', 'erlang-c', 'erlang-a'] as const;
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

/** A comma list of values; an empty one is an error that says so (not zod's "too small"). */
const values = (param: string, what: string) =>
  z
    .string()
    .transform((raw, ctx) => {
      const list = raw
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      if (list.length > 0) return list;
      ctx.addIssue({
        code: 'custom',
        message: `\`${param}\` needs at least one ${what.slice(0, -1)} (comma-separated), e.g. ${param}=${param === 'channel' ? 'voice' : 'Sales'}; leave it out for all.`,
      });
      return z.NEVER;
    })
    .meta({ description: `Only these ${what} (comma-separated).` });

export const staffingQuerySchema = z
  .strictObject({
    from: localDay('from').optional(),
    to: localDay('to').optional(),
    interval: oneOf('interval', INTERVALS)
      .optional()
      .meta({ description: 'Interval minutes: 15 or 30 (default: workspace settings).' }),
    target: target.optional(),
    queue: values('queue', 'queues').optional(),
    channel: values('channel', 'channels').optional(),
    model: oneOf('model', MODELS).optional(),
    mode: oneOf('mode', MODES).optional(),
  })
  .superRefine((q, ctx) => checkPeriod(q, ctx, { compareUsed: false }));

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
        const body = staffingForApi(plan);
        if (wantsCsv(req)) {
          return sendCsv(reply, 'staffing', objectsToCsv(body.rows, STAFFING_CSV_COLUMNS));
        }
        return body;
      },
    );
  }
}

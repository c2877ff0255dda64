// GET /api/v1/staffing(.csv): the per-interval staffing plan. The plan function (intervalPlan)
// is looked up when a request comes in. Limits: 501 until src/staffing or src/engine exports it.

import { z } from 'zod';
import { objectsToCsv } from './csv.ts';
import { sendCsv, wantsCsv, withCsvPath } from './csv-reply.ts';
import { checkPeriod, localDay, oneOf } from './query-params.ts';
import { errorResponseSchema, responses, tableResponseSchema } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

const INTERVALS = ['15', '30', '60'] as const;

const target = z
  .string()
  .transform((raw, ctx) => {
    const m = /^(\d{1,3}(?:\.\d+)?)\/(\d+)$/.exec(raw);
    const sl = Number(m?.[1]);
    const t = Number(m?.[2]);
    if (m && sl > 0 && sl < 100 && t > 0) return { sl: sl / 100, thresholdSeconds: t };
    ctx.addIssue({
      code: 'custom',
      message: `\`target\` must be X/T: percent answered within T seconds, e.g. 80/20 (got "${raw}").`,
    });
    return z.NEVER;
  })
  .meta({ description: 'Service-level target X/T, e.g. 80/20.' });

export const staffingQuerySchema = z
  .strictObject({
    from: localDay('from').optional(),
    to: localDay('to').optional(),
    interval: oneOf('interval', INTERVALS).optional(),
    target: target.optional(),
    queue: z.string().min(1).optional(),
    channel: z.string().min(1).optional(),
  })
  .superRefine((q, ctx) => checkPeriod(q, ctx, { compareUsed: false }));

type PlanFn = (...args: unknown[]) => unknown;

/** intervalPlan from src/staffing or src/engine, whichever exports it; null while neither does. */
async function findIntervalPlan(): Promise<PlanFn | null> {
  for (const load of [() => import('../staffing/index.ts'), () => import('../engine/index.ts')]) {
    const fn = ((await load()) as Record<string, unknown>)['intervalPlan'];
    if (typeof fn === 'function') return fn as PlanFn;
  }
  return null;
}

export function registerStaffingRoute(app: ZodApp, { workspace }: ServerContext): void {
  for (const url of withCsvPath(`${API}/staffing`)) {
    app.get(
      url,
      {
        schema: {
          summary: 'Per-interval staffing plan for a service-level target',
          tags: ['staffing'],
          querystring: staffingQuerySchema,
          response: { ...responses(tableResponseSchema, { csv: true }), 501: errorResponseSchema },
        },
      },
      async (req, reply) => {
        const plan = await findIntervalPlan();
        if (!plan) {
          const msg = 'The staffing plan (intervalPlan) is not in this build yet.';
          return reply.code(501).send({ error: { code: 'NOT_IMPLEMENTED', message: msg } });
        }
        const q = req.query;
        const settings = await workspace.settings();
        const rows = (await plan(
          workspace.runner,
          {
            from: q.from,
            to: q.to,
            intervalMinutes: Number(q.interval ?? 30),
            target: q.target ?? { sl: 0.8, thresholdSeconds: 20 },
            queue: q.queue,
            channel: q.channel,
          },
          settings,
        )) as Record<string, unknown>[];
        if (wantsCsv(req)) return sendCsv(reply, 'staffing', objectsToCsv(rows));
        return { total: rows.length, rows };
      },
    );
  }
}

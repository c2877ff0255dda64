// GET /api/v1/distribution(.csv): waiting or handle times of every contact in the period and
// filters, binned in SQL (engine distribution), with n and p50/p90/p95 of the same contacts.
// Limits: bins fixed per measure and channel (seconds for voice/chat, hours for e-mail).

import { z } from 'zod';
import { distribution, MEASURE_KPI, MEASURES } from '../engine/distribution.ts';
import { toCsv } from './csv.ts';
import { sendCsv, wantsCsv, withCsvPath } from './csv-reply.ts';
import { checkPeriod, oneOf, scopeParams, toKpiQueryInput } from './query-params.ts';
import { periodSchema, responses } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

export const distributionQuerySchema = z
  .strictObject({
    // Optional in the shape only so that a missing one gets the message below, not zod's.
    measure: oneOf('measure', MEASURES).optional().meta({
      description: `Required. wait: waiting time of ASA's contacts; handle: handle time of AHT's contacts.`,
    }),
    from: scopeParams.from,
    to: scopeParams.to,
    filter: scopeParams.filter,
  })
  .superRefine((q, ctx) => {
    checkPeriod(q, ctx, { compareUsed: false });
    if (q.measure === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['measure'],
        message: `\`measure\` is required. Allowed values: ${MEASURES.join(', ')}.`,
        params: { allowed: MEASURES },
      });
    }
  });

const num = z.number().nullable();

export const distributionResponseSchema = z
  .object({
    measure: z.enum(MEASURES),
    kpi: z.string().meta({ description: 'The KPI whose n and percentiles these are.' }),
    unit: z.literal('seconds'),
    ladder: z.enum(['live', 'backlog', 'mixed']).meta({
      description: 'Bins for live queues (seconds), a backlog such as e-mail (hours), or both.',
    }),
    period: periodSchema,
    filters: z.record(z.string(), z.array(z.string())),
    n: z.number().meta({ description: "Contacts binned: the KPI's n." }),
    percentiles: z.object({ p50: num, p90: num, p95: num }),
    bins: z.array(
      z.object({
        from: z.number().meta({ description: 'Seconds, inclusive.' }),
        to: num.meta({ description: 'Seconds, exclusive; null for the open last bin.' }),
        count: z.number(),
      }),
    ),
  })
  .meta({ id: 'Distribution' });

export function registerDistributionRoute(app: ZodApp, { workspace }: ServerContext): void {
  for (const url of withCsvPath(`${API}/distribution`)) {
    app.get(
      url,
      {
        schema: {
          summary: `Waiting or handle time distribution of every contact (${Object.values(MEASURE_KPI).join(', ')})`,
          tags: ['kpis'],
          querystring: distributionQuerySchema,
          response: responses(distributionResponseSchema, { csv: true }),
        },
      },
      async (req, reply) => {
        const q = req.query;
        const dist = await distribution(
          workspace.runner,
          { measure: q.measure ?? 'wait', query: toKpiQueryInput(q) },
          await workspace.settings(),
        );
        const body = {
          ...dist,
          period: { ...dist.period },
          filters: Object.fromEntries(Object.entries(dist.filters).map(([k, v]) => [k, [...v]])),
          percentiles: { ...dist.percentiles },
          bins: dist.bins.map((b) => ({ ...b })),
        };
        if (!wantsCsv(req)) return body;
        const columns = ['measure', 'from_s', 'to_s', 'count', 'n', 'period_from', 'period_to'];
        const rows = body.bins.map((b) => [
          body.measure,
          b.from,
          b.to,
          b.count,
          body.n,
          body.period.from,
          body.period.to,
        ]);
        return sendCsv(reply, `distribution-${body.measure}`, toCsv(columns, rows));
      },
    );
  }
}

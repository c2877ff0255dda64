// GET /api/v1/contacts|cases|surveys(.csv): the rows behind a figure (engine drillDown), paged;
// CSV without `page` streams every row. Limits: page_size ≤ 1000; rows as the engine returns them.

import { z } from 'zod';
import { drillDown, type KeyValue } from '../engine/index.ts';
import { KPI_IDS, KPIS, type KpiId } from '../metrics/index.ts';
import { sendCsvTable, wantsCsv, withCsvPath } from './csv-reply.ts';
import {
  checkPeriod,
  GROUP_KEYS,
  intParam,
  pairs,
  scopeParams,
  toKpiQueryInput,
} from './query-params.ts';
import { checkDrillScope } from './drill-down-params.ts';
import { drillDownResponseSchema, responses } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

export const DRILL_SOURCES = ['contacts', 'cases', 'surveys'] as const;
export type DrillSource = (typeof DRILL_SOURCES)[number];

const MAX_PAGE_SIZE = 1000;

export function kpisOf(source: DrillSource): KpiId[] {
  return KPI_IDS.filter((id) => KPIS[id].source === source);
}

function kpiFor(source: DrillSource) {
  const own = kpisOf(source);
  return z
    .string()
    .transform((raw, ctx) => {
      if ((own as string[]).includes(raw)) return raw as KpiId;
      const other = (KPI_IDS as readonly string[]).includes(raw) ? KPIS[raw as KpiId].source : null;
      ctx.addIssue({
        code: 'custom',
        message: other
          ? `\`kpi\` "${raw}" is computed from ${other}: use /api/v1/${other}, or on /api/v1/${source} one of: ${own.join(', ')}.`
          : `Unknown \`kpi\` "${raw}". On /api/v1/${source} use one of: ${own.join(', ')}.`,
        params: { allowed: own },
      });
      return z.NEVER;
    })
    .meta({ description: `One KPI of this source (${own.join(', ')}): only its population.` });
}

/** `scale=1-7`: the row of a figure given per scale (CES), as that row's `scale`. */
const scaleParam = z
  .string()
  .transform((raw, ctx) => {
    const m = /^(\d{1,2})-(\d{1,2})$/.exec(raw.trim());
    if (m && Number(m[1]) < Number(m[2])) return { min: Number(m[1]), max: Number(m[2]) };
    ctx.addIssue({
      code: 'custom',
      message: `\`scale\` "${raw}" must be a row's scale as min-max, e.g. 1-7.`,
    });
    return z.NEVER;
  })
  .optional()
  .meta({
    description:
      "/surveys only: responses on this scale, as a row's `scale` (min-max, e.g. 1-7), the rows behind one scale's figure.",
  });

export function drillDownQuerySchema(source: DrillSource) {
  return z
    .strictObject({
      kpi: kpiFor(source).optional(),
      group: pairs('group', GROUP_KEYS, { listValues: false }).optional().meta({
        description:
          'One group of a report, repeatable: dimension=value, period=<bucket label of grain>; an empty value means null.',
      }),
      page: intParam('page', 1, 1_000_000_000).optional(),
      page_size: intParam('page_size', 1, MAX_PAGE_SIZE).optional(),
      // /kpis's scope without `compare`: one period's rows (ask for the other period's rows).
      from: scopeParams.from,
      to: scopeParams.to,
      filter: scopeParams.filter,
      grain: scopeParams.grain.meta({
        description: 'The grain of `group=period=…` (needed with it).',
      }),
      slot: scopeParams.slot.meta({
        description: 'Minutes per slot of `group=slot=…` or `filter=slot=…`.',
      }),
      by: scopeParams.by.meta({
        description: "The figure's breakdown, optional; each dimension needs a `group` value.",
      }),
      scale: scaleParam,
    })
    .superRefine((q, ctx) => {
      if (q.scale && source !== 'surveys') {
        ctx.addIssue({
          code: 'custom',
          path: ['scale'],
          message: `\`scale\` is for survey figures: use it on /api/v1/surveys, not /api/v1/${source}.`,
        });
      }
      checkPeriod(q, ctx, { compareUsed: false });
      checkDrillScope(q, ctx);
      for (const [key, vals] of Object.entries(q.group ?? {})) {
        if ((vals ?? []).length > 1) {
          ctx.addIssue({
            code: 'custom',
            path: ['group'],
            message: `\`group\` ${key} given twice.`,
          });
        }
      }
      if (q.group?.period && !q.grain) {
        ctx.addIssue({
          code: 'custom',
          path: ['group'],
          message: '`group=period=…` needs `grain` (the grain of the report the group came from).',
        });
      }
    });
}

export function registerDrillDownRoutes(app: ZodApp, { workspace }: ServerContext): void {
  for (const source of DRILL_SOURCES) {
    for (const url of withCsvPath(`${API}/${source}`)) {
      app.get(
        url,
        {
          schema: {
            summary: `Row-level ${source} behind a figure (drill-down), paged`,
            tags: ['drill-down'],
            querystring: drillDownQuerySchema(source),
            response: responses(drillDownResponseSchema, { csv: true }),
          },
        },
        async (req, reply) => {
          const q = req.query;
          const settings = await workspace.settings();
          const group: Record<string, KeyValue> = {};
          for (const [k, v] of Object.entries(q.group ?? {})) {
            const value = v?.[0] ?? '';
            group[k] = value === '' ? null : value;
          }
          const base = {
            query: toKpiQueryInput(q),
            source,
            group,
            ...(q.kpi ? { kpi: q.kpi } : {}),
            ...(q.scale ? { scale: q.scale } : {}),
          };
          const page = (p: number, pageSize: number) =>
            drillDown(workspace.runner, { ...base, page: p, pageSize }, settings);
          if (wantsCsv(req)) {
            const asked = q.page !== undefined || q.page_size !== undefined;
            const size = q.page_size ?? 100;
            return sendCsvTable(
              reply,
              source,
              {
                count: async () => (await page(1, 1)).total,
                fetch: async (offset, limit) => (await page(offset / limit + 1, limit)).rows,
                snapshot: workspace.runner,
              },
              asked ? { page: { page: q.page ?? 1, size } } : {},
            );
          }
          const r = await page(q.page ?? 1, q.page_size ?? 100);
          return {
            source: r.source,
            total: r.total,
            page: r.page,
            page_size: r.pageSize,
            rows: [...r.rows],
          };
        },
      );
    }
  }
}

// GET /api/v1/kpis(.csv): KPI figures with their definition, variant, n and period; optionally
// the previous period of equal length. Limits: one workspace; the engine does all the math.

import { z } from 'zod';
import { runKpiQuery, type KpiReport } from '../engine/index.ts';
import { GOALS, KPI_IDS, kpisWithGoal } from '../metrics/index.ts';
import { sendCsv, wantsCsv, withCsvPath } from './csv-reply.ts';
import { kpiRowsToCsv, type KpiCsvSeries } from './kpi-csv.ts';
import { previousPeriod } from './previous-period.ts';
import {
  checkPeriod,
  nameList,
  oneOf,
  percentilesParam,
  scopeParams,
  settingOverrides,
  toKpiQueryInput,
} from './query-params.ts';
import { kpisResponseSchema, responses } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

export const kpisQuerySchema = z
  .strictObject({
    kpi: nameList('kpi', KPI_IDS, 'KPI')
      .optional()
      .meta({ description: `KPI ids, comma-separated; all when omitted: ${KPI_IDS.join(', ')}.` }),
    goal: oneOf('goal', Object.keys(GOALS) as (keyof typeof GOALS)[])
      .optional()
      .meta({
        description: `The KPIs of a goal of KPIS.md (added to \`kpi\`, as \`cxkpi report --goal\`): ${Object.keys(GOALS).join(', ')}.`,
      }),
    ...scopeParams,
    percentiles: percentilesParam,
    set: settingOverrides('set').optional(),
  })
  .superRefine((q, ctx) => checkPeriod(q, ctx, { compareUsed: true }));

export function registerKpiRoutes(app: ZodApp, { workspace }: ServerContext): void {
  for (const url of withCsvPath(`${API}/kpis`)) {
    app.get(
      url,
      {
        schema: {
          summary: 'KPI figures, each with its definition, variant, n and period',
          tags: ['kpis'],
          querystring: kpisQuerySchema,
          response: responses(kpisResponseSchema, { csv: true }),
        },
      },
      async (req, reply) => {
        const q = req.query;
        const settings = await workspace.settings();
        const input = toKpiQueryInput(q, kpisWithGoal(q.kpi, q.goal));
        // The previous period comes from the same statement (one scan over both periods).
        const compare = q.compare === 'previous-period' && q.from && q.to;
        const report = await runKpiQuery(
          workspace.runner,
          compare ? { ...input, previous: previousPeriod(q.from ?? '', q.to ?? '') } : input,
          settings,
        );
        const previous: KpiReport | undefined = report.previous
          ? { ...report, ...report.previous, warnings: [] }
          : undefined;
        if (wantsCsv(req)) {
          // The whole report, so each CSV line says its period, time zone, grain and filters.
          const series: KpiCsvSeries[] = [{ series: 'current', ...report }];
          if (previous) series.push({ series: 'previous', ...previous });
          return sendCsv(reply, 'kpis', kpiRowsToCsv(series));
        }
        return {
          engine: report.engine,
          period: report.period,
          query: report.query,
          rows: [...report.rows],
          warnings: [...new Set([...report.warnings, ...(previous?.warnings ?? [])])],
          ...(previous ? { previous: { period: previous.period, rows: [...previous.rows] } } : {}),
        };
      },
    );
  }
}

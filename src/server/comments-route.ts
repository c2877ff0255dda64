// GET /api/v1/surveys/comments(.csv): verbatim NPS comments of a period, promoters, passives and
// detractors apart (NPS is never shown alone). Limits: newest first, at most `limit` per group.

import { z } from 'zod';
import { NPS_GROUPS, npsVerbatims, type NpsGroup } from '../engine/index.ts';
import { columnsOf, toCsv, type CsvCell } from './csv.ts';
import { sendCsv, wantsCsv, withCsvPath } from './csv-reply.ts';
import { checkPeriod, intParam, scopeParams, toKpiQueryInput } from './query-params.ts';
import { commentsResponseSchema, responses } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

export const commentsQuerySchema = z
  .strictObject({
    from: scopeParams.from,
    to: scopeParams.to,
    filter: scopeParams.filter,
    limit: intParam('limit', 1, 1000)
      .optional()
      .meta({ description: 'Comments per group, newest first (default 50, at most 1000).' }),
  })
  .superRefine((q, ctx) => checkPeriod(q, ctx, { compareUsed: false }));

export function registerCommentsRoute(app: ZodApp, { workspace }: ServerContext): void {
  for (const url of withCsvPath(`${API}/surveys/comments`)) {
    app.get(
      url,
      {
        schema: {
          summary: 'Verbatim NPS comments: promoters, passives and detractors apart',
          tags: ['surveys'],
          querystring: commentsQuerySchema,
          response: responses(commentsResponseSchema, { csv: true }),
        },
      },
      async (req, reply) => {
        const q = req.query;
        const settings = await workspace.settings();
        const { groups } = await npsVerbatims(workspace.runner, toKpiQueryInput(q), settings, {
          limit: q.limit ?? 50,
        });
        if (wantsCsv(req)) {
          const names = Object.keys(NPS_GROUPS) as NpsGroup[];
          const rows = names.flatMap((g) => groups[g].comments.map((c) => ({ group: g, ...c })));
          const columns = rows.length > 0 ? columnsOf(rows) : ['group'];
          const lines = rows.map((r) => columns.map((c) => r[c as keyof typeof r] as CsvCell));
          return sendCsv(reply, 'comments', toCsv(columns, lines));
        }
        return {
          promoters: { total: groups.promoters.total, comments: [...groups.promoters.comments] },
          passives: { total: groups.passives.total, comments: [...groups.passives.comments] },
          detractors: { total: groups.detractors.total, comments: [...groups.detractors.comments] },
        };
      },
    );
  }
}

// GET /api/v1/quarantine(.csv): rows an import set aside, with the reason and the raw line,
// newest import first; the current ones unless `history=true` (a re-import supersedes a file's).
// CSV without `page`/`page_size` streams every row (sendCsvTable).

import { z } from 'zod';
import { countQuarantine, listQuarantine } from '../ingest/index.ts';
import { uploadName } from './imports-route.ts';
import { sendCsvTable, wantsCsv, withCsvPath } from './csv-reply.ts';
import { intParam, oneOf } from './query-params.ts';
import { responses, tableResponseSchema } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

export const quarantineQuerySchema = z.strictObject({
  page: intParam('page', 1, 1_000_000).optional(),
  page_size: intParam('page_size', 1, 1000).optional(),
  import_id: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Only the rows of this import (importId of an import summary).' }),
  history: oneOf('history', ['true', 'false'] as const)
    .optional()
    .meta({
      description:
        'true: also rows of earlier imports of the same file and entity, superseded by a later import (`current: false`).',
    }),
});

export function registerQuarantineRoute(app: ZodApp, { workspace }: ServerContext): void {
  for (const url of withCsvPath(`${API}/quarantine`)) {
    app.get(
      url,
      {
        schema: {
          summary: 'Quarantined import rows with their reasons, paged',
          tags: ['imports'],
          querystring: quarantineQuerySchema,
          response: responses(tableResponseSchema, { csv: true }),
        },
      },
      async (req, reply) => {
        const { page, page_size: size, import_id: importId, history } = req.query;
        const filter = { history: history === 'true', ...(importId ? { importId } : {}) };
        const fetch = async (offset: number, limit: number) =>
          (await listQuarantine(workspace, { limit, offset, ...filter })).map((r) => ({
            ...r,
            file: r.file === null ? null : uploadName(r.file),
          }));
        if (wantsCsv(req)) {
          const asked = page !== undefined || size !== undefined;
          return sendCsvTable(
            reply,
            'quarantine',
            {
              count: () => countQuarantine(workspace, filter),
              fetch,
              snapshot: workspace.runner,
            },
            asked ? { page: { page: page ?? 1, size: size ?? 100 } } : {},
          );
        }
        const pageSize = size ?? 100;
        const [rows, total] = await Promise.all([
          fetch(((page ?? 1) - 1) * pageSize, pageSize),
          countQuarantine(workspace, filter),
        ]);
        return { total, page: page ?? 1, page_size: pageSize, rows };
      },
    );
  }
}

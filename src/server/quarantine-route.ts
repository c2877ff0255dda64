// GET /api/v1/quarantine(.csv): rows an import set aside, with the reason and the raw line,
// newest import first. Limits: paged over src/ingest listQuarantine (which has no offset).

import { z } from 'zod';
import { listQuarantine } from '../ingest/index.ts';
import { objectsToCsv } from './csv.ts';
import { uploadName } from './imports-route.ts';
import { sendCsv, wantsCsv, withCsvPath } from './csv-reply.ts';
import { intParam } from './query-params.ts';
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
        const { page = 1, page_size: pageSize = 100, import_id: importId } = req.query;
        const filter = importId ? { importId } : {};
        const [upTo, [count]] = await Promise.all([
          listQuarantine(workspace, { limit: page * pageSize, ...filter }),
          workspace.runner.all(
            `SELECT count(*) AS n FROM quarantine${importId ? ` WHERE import_id = ${workspace.runner.dialect.literal(importId)}` : ''}`,
          ),
        ]);
        const rows = upTo
          .slice((page - 1) * pageSize)
          .map((r) => ({ ...r, file: r.file === null ? null : uploadName(r.file) }));
        if (wantsCsv(req)) return sendCsv(reply, 'quarantine', objectsToCsv(rows));
        return { total: Number(count?.['n'] ?? 0), page, page_size: pageSize, rows };
      },
    );
  }
}

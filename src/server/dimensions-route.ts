// GET /api/v1/dimensions(.csv): the distinct values of each dimension in contacts, cases and
// surveys, and the data's first and last local day. Limits: raw stored columns, no lineage fill.

import { z } from 'zod';
import { listDimensions } from '../engine/index.ts';
import { toCsv } from './csv.ts';
import { sendCsv, wantsCsv, withCsvPath } from './csv-reply.ts';
import { dimensionsResponseSchema, responses } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

const DIMENSIONS = ['channel', 'queue', 'team', 'agent', 'category'] as const;

export function registerDimensionsRoute(app: ZodApp, { workspace }: ServerContext): void {
  for (const url of withCsvPath(`${API}/dimensions`)) {
    app.get(
      url,
      {
        schema: {
          summary: 'Distinct dimension values and the period the data covers',
          tags: ['definitions'],
          querystring: z.strictObject({}),
          response: responses(dimensionsResponseSchema, { csv: true }),
        },
      },
      async (req, reply) => {
        const dims = await listDimensions(workspace.runner, await workspace.settings());
        if (wantsCsv(req)) {
          const rows = DIMENSIONS.flatMap((name) => dims[name].map((v) => [name, v]));
          return sendCsv(reply, 'dimensions', toCsv(['dimension', 'value'], rows));
        }
        return dims;
      },
    );
  }
}

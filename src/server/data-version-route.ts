// GET /api/v1/data-version: a short version of the data and settings a report reads. An open
// dashboard polls it (once a minute and on focus) and reloads its figures when it changes.
// Limits: changes with every import (the import log) and settings change, not with code changes.

import { z } from 'zod';
import { dataVersion } from '../engine/index.ts';
import { dataVersionResponseSchema, responses } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

export function registerDataVersionRoute(app: ZodApp, { workspace }: ServerContext): void {
  app.get(
    `${API}/data-version`,
    {
      schema: {
        summary: 'A version of the data and settings; it changes with every import',
        tags: ['server'],
        querystring: z.strictObject({}),
        response: responses(dataVersionResponseSchema, { csv: false }),
      },
    },
    async () => ({
      version: await dataVersion(workspace.runner, await workspace.settings()),
    }),
  );
}

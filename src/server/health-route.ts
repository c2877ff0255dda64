// GET /api/v1/health: the server answers and which workspace it owns. Used by
// findRunningServer and the CLI to decide whether to send writes here. Limits: no deep checks.

import { z } from 'zod';
import { healthResponseSchema, responses } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

export function registerHealthRoute(app: ZodApp, { workspace }: ServerContext): void {
  app.get(
    `${API}/health`,
    {
      schema: {
        summary: 'Liveness and the workspace this server owns',
        tags: ['server'],
        querystring: z.strictObject({}),
        response: responses(healthResponseSchema, { csv: false }),
      },
    },
    async () => ({ ok: true as const, workspace: workspace.path }),
  );
}

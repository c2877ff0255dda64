// Builds the derived fact tables and the daily rollups before a user asks for them: when the
// server starts listening and after each import through it (10M contacts: 12.8 s that the first
// dashboard request would otherwise wait). It asks GET /api/v1/dimensions as a browser would
// (inject), so the build runs on a pooled connection and a request that arrives meanwhile waits
// for the same build instead of starting a second one.

import type { FastifyInstance } from 'fastify';

export interface WarmUp {
  /** Starts a build in the background; a failure is logged, the next read tries again. */
  start(): void;
  /** Resolves when every build started so far has ended (before the server closes). */
  settled(): Promise<void>;
}

export function warmUp(app: FastifyInstance): WarmUp {
  const running = new Set<Promise<void>>();
  return {
    start() {
      const job = app
        .inject({ method: 'GET', url: '/api/v1/dimensions' })
        .then((res) => {
          if (res.statusCode !== 200)
            app.log.warn(`warm-up: /dimensions answered ${res.statusCode}`);
        })
        .catch((err: unknown) => app.log.warn({ err }, 'warm-up failed'));
      running.add(job);
      void job.finally(() => running.delete(job));
    },
    settled: async () => {
      await Promise.all([...running]);
    },
  };
}

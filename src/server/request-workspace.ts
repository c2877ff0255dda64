// Each API request runs on a DuckDB connection of its own from a small pool, so GETs are answered
// while an import writes (DuckDB MVCC). Route modules keep using `ctx.workspace`: its runner
// sends SQL to the connection of the request that runs it (AsyncLocalStorage), so a request's
// statements, transactions and temp tables stay on one connection.
// Limits: outside a request (startup, tests seeding data) the workspace's own connection is used.

import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import type { DuckDbRunner } from '../engine/dialects/duckdb/duckdb-runner.ts';
import { workspaceOn, type Workspace } from '../workspace/workspace.ts';
import { connectionPool } from './connection-pool.ts';

export interface RequestWorkspace {
  /** The workspace as routes see it: every call goes to the calling request's connection. */
  readonly workspace: Workspace;
  /** Gives each /api request a pooled connection, returned when the response is done. */
  register(app: FastifyInstance): void;
}

export function requestWorkspace({
  workspace,
  maxConnections = 8,
}: {
  workspace: Workspace;
  maxConnections?: number;
}): RequestWorkspace {
  const base = workspace.runner;
  const pool = connectionPool({ base, max: maxConnections });
  const als = new AsyncLocalStorage<DuckDbRunner>();
  const current = (): DuckDbRunner => als.getStore() ?? base;
  // One runner object for every request, so derived.ts builds the fact tables once for all.
  const runner: DuckDbRunner = {
    dialect: base.dialect,
    path: base.path,
    get connection() {
      return current().connection;
    },
    connect: () => base.connect(),
    all: (sql) => current().all(sql),
    exec: (sql) => current().exec(sql),
    // The server closes the pool and then the workspace itself.
    close: async () => undefined,
  };
  const view: Workspace = { ...workspaceOn(runner, workspace.path), close: async () => undefined };

  const register = (app: FastifyInstance): void => {
    app.addHook('onRequest', (req, reply, done) => {
      const path = req.url.split('?')[0] ?? '';
      if (!path.startsWith('/api/')) return done();
      pool.acquire().then((conn) => {
        // A request cut off may still be working (an import goes on), so its connection is
        // dropped rather than handed to the next request.
        reply.raw.once('close', () =>
          reply.raw.writableFinished ? pool.release(conn) : pool.discard(conn),
        );
        als.run(conn, done);
      }, done);
    });
    app.addHook('onClose', async () => pool.close());
  };

  return { workspace: view, register };
}

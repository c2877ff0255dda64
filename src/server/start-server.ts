// Runs the API on a workspace file: opens it (DuckDB: one process), listens, and writes the lock
// file other cxkpi processes read. Limits: one server per workspace; the lock is advisory.

import type { AddressInfo } from 'node:net';
import type { FastifyServerOptions } from 'fastify';
import { UserError } from '../errors.ts';
import { setMemoryLimit } from '../workspace/memory-limit.ts';
import { openWorkspace } from '../workspace/workspace.ts';
import { buildServer } from './build-server.ts';
import { removeLock, removeLockSync, writeLock } from './lock-file.ts';

export interface StartServerOptions {
  readonly dbPath: string;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly webDir?: string;
  readonly logger?: FastifyServerOptions['logger'];
  /** DuckDB's memory limit in bytes (default DuckDB's own: 80 % of the memory). */
  readonly memoryLimit?: number;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export async function startServer({
  dbPath,
  host = '127.0.0.1',
  port = 8080,
  webDir,
  logger = { level: 'warn' },
  memoryLimit,
}: StartServerOptions): Promise<RunningServer> {
  const workspace = await openWorkspace({ path: dbPath });
  if (memoryLimit !== undefined) await setMemoryLimit(workspace.runner, memoryLimit);
  const app = buildServer({ workspace, logger, ...(webDir ? { webDir } : {}) });
  try {
    await app.listen({ host, port });
  } catch (e) {
    await app.close();
    await workspace.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UserError('PORT_IN_USE', `Port ${port} on ${host} is already in use.`, {
        parameter: 'port',
        value: String(port),
        fix: 'Choose another port (--port), or 0 for any free port.',
      });
    }
    throw e;
  }
  const { port: actual } = app.server.address() as AddressInfo;
  const url = `http://${urlHost(host)}:${actual}`;
  const locked = dbPath !== ':memory:';
  if (locked) await writeLock(dbPath, { pid: process.pid, url });

  let closing: Promise<void> | undefined;
  const onExit = () => {
    if (locked) removeLockSync(dbPath);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void close().finally(() => {
      // Restore the default action (exit) unless someone else, e.g. the CLI, handles the signal.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      process.off('exit', onExit);
      for (const s of SIGNALS) process.off(s, onSignal);
      try {
        await app.close();
        await workspace.close();
      } finally {
        if (locked) await removeLock(dbPath);
      }
    })());
  process.on('exit', onExit);
  for (const s of SIGNALS) process.once(s, onSignal);
  return { url, close };
}

/** Wildcard binds are reached via loopback; IPv6 literals need brackets in a URL. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

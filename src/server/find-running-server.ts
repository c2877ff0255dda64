// Finds the server that owns a workspace file, for CLI commands that must write through it. Kept
// apart from start-server.ts so the CLI can ask without loading Fastify (a quicker start).

import { pidAlive, readLock } from './lock-file.ts';

/** A server that owns `dbPath` and answers its health check, or null (a stale lock is ignored). */
export async function findRunningServer(
  dbPath: string,
  { timeoutMs = 2000 }: { timeoutMs?: number } = {},
): Promise<{ url: string } | null> {
  const lock = await readLock(dbPath);
  if (!lock || !pidAlive(lock.pid)) return null;
  try {
    const res = await fetch(`${lock.url}/api/v1/health`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { ok?: unknown };
    return body.ok === true ? { url: lock.url } : null;
  } catch {
    return null;
  }
}

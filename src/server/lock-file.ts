// The lock file `<dbPath>.server.json` ({ pid, url }) that tells other cxkpi processes a server
// owns the workspace. Limits: advisory; a stale file (dead pid, no answer) is ignored, not trusted.

import { readFileSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';

export interface ServerLock {
  readonly pid: number;
  readonly url: string;
}

export function lockPath(dbPath: string): string {
  return `${dbPath}.server.json`;
}

export async function writeLock(dbPath: string, lock: ServerLock): Promise<void> {
  await writeFile(lockPath(dbPath), `${JSON.stringify(lock)}\n`, 'utf8');
}

export async function readLock(dbPath: string): Promise<ServerLock | null> {
  try {
    return parseLock(await readFile(lockPath(dbPath), 'utf8'));
  } catch {
    return null;
  }
}

function parseLock(text: string): ServerLock | null {
  try {
    const v = JSON.parse(text) as Partial<ServerLock>;
    return typeof v.pid === 'number' && typeof v.url === 'string'
      ? { pid: v.pid, url: v.url }
      : null;
  } catch {
    return null;
  }
}

/** Removes the lock only when it is ours (another server may have taken over a stale one). */
export async function removeLock(dbPath: string, pid = process.pid): Promise<void> {
  const cur = await readLock(dbPath);
  if (cur && cur.pid !== pid) return;
  await rm(lockPath(dbPath), { force: true });
}

/** Synchronous removal for process `exit`, where no promise can run; only our own lock. */
export function removeLockSync(dbPath: string, pid = process.pid): void {
  try {
    if (parseLock(readFileSync(lockPath(dbPath), 'utf8'))?.pid !== pid) return;
  } catch {
    return;
  }
  rmSync(lockPath(dbPath), { force: true });
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

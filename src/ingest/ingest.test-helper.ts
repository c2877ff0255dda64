// Shared helpers for the src/ingest tests: a fresh in-memory workspace per test (always closed),
// fixture paths, a temp directory for generated files, and quarantine rows in row order.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkspace, type Workspace } from '../workspace/workspace.ts';
import { listQuarantine, type QuarantineRow } from './quarantine.ts';
import type { WriteCounts } from './types.ts';

const here = dirname(fileURLToPath(import.meta.url));

export const fixture = (name: string): string => resolve(here, '../../test/fixtures/ingest', name);

export async function withWorkspace<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await openWorkspace({ path: ':memory:' });
  try {
    return await fn(ws);
  } finally {
    await ws.close();
  }
}

/** Runs `fn` with a fresh temp directory, removed afterwards. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'cxkpi-ingest-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes exact bytes (BOM, CRLF, invalid UTF-8 are spelled out by the caller). */
export async function writeBytes(
  dir: string,
  name: string,
  bytes: Buffer | string,
): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

export async function quarantine(ws: Workspace, importId?: string): Promise<QuarantineRow[]> {
  const rows = await listQuarantine(ws, { limit: 10_000, ...(importId ? { importId } : {}) });
  return rows.sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || String(a.field).localeCompare(String(b.field)),
  );
}

/** [row, field, code] triples, the shape most assertions compare. */
export const triples = (rows: readonly QuarantineRow[]) =>
  rows.map((q) => [q.row, q.field, q.code]);

export function addsUp(c: WriteCounts): boolean {
  return c.read === c.stored + c.updated + c.unchanged + c.quarantined + c.skipped;
}

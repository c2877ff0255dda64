// The import log: one row per (file or writeRecords call, entity) with its counts and status
// (running → ok; rejected when --strict found defects; failed on an error).

import { randomBytes } from 'node:crypto';
import type { Entity } from '../model/fields.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { lit } from './sql-util.ts';
import type { WriteCounts } from './types.ts';

/** e.g. "contacts-20260301T093000-3f9a1c". */
export function newImportId(entity: Entity): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `${entity}-${stamp}-${randomBytes(3).toString('hex')}`;
}

export async function startImport(
  ws: Workspace,
  e: { importId: string; entity: Entity; file: string; format: string; mapping: string | null },
): Promise<void> {
  await ws.runner
    .exec(`INSERT INTO import_log (import_id, entity, file, format, mapping, started_at, status)
    VALUES (${lit(e.importId)}, ${lit(e.entity)}, ${lit(e.file)}, ${lit(e.format)}, ${lit(e.mapping)}, current_timestamp, 'running')`);
}

export async function finishImport(
  ws: Workspace,
  importId: string,
  c: WriteCounts,
  status: 'ok' | 'rejected',
): Promise<void> {
  await ws.runner.exec(`UPDATE import_log SET finished_at = current_timestamp, "read" = ${c.read},
    stored = ${c.stored}, updated = ${c.updated}, unchanged = ${c.unchanged}, quarantined = ${c.quarantined},
    skipped = ${c.skipped}, status = ${lit(status)} WHERE import_id = ${lit(importId)}`);
}

/** Marks imports that stopped on an error (their rows were not committed). */
export async function failImports(ws: Workspace, importIds: readonly string[]): Promise<void> {
  if (importIds.length === 0) return;
  await ws.runner.exec(`UPDATE import_log SET finished_at = current_timestamp, status = 'failed'
    WHERE status = 'running' AND import_id IN (${importIds.map(lit).join(', ')})`);
}

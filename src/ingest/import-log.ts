// The import log: one row per (file or writeRecords call, entity) with its counts and status
// (running → ok; rejected when --strict found defects; failed on an error). Lists quarantine rows.

import { randomBytes } from 'node:crypto';
import type { Entity } from '../model/fields.ts';
import type { Row } from '../engine/runner.ts';
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

export interface QuarantineRow {
  readonly importId: string;
  readonly entity: string;
  readonly file: string | null;
  readonly row: number | null;
  readonly field: string | null;
  readonly value: string | null;
  readonly reason: string;
  readonly code: string;
  readonly raw: string | null;
}

/** Quarantine rows, newest import first, then by row; `importId` narrows to one import. */
export async function listQuarantine(
  ws: Workspace,
  { limit = 100, importId }: { limit?: number; importId?: string } = {},
): Promise<QuarantineRow[]> {
  const where = importId ? `WHERE import_id = ${lit(importId)}` : '';
  const rows = await ws.runner
    .all(`SELECT import_id, entity, file, "row", field, value, reason, code, raw
    FROM quarantine ${where} ORDER BY quarantined_at DESC, import_id, "row", field LIMIT ${Math.max(0, Math.floor(limit))}`);
  return rows.map(toQuarantineRow);
}

function toQuarantineRow(r: Row): QuarantineRow {
  const s = (k: string) => (r[k] === null || r[k] === undefined ? null : String(r[k]));
  return {
    importId: String(r['import_id']),
    entity: String(r['entity']),
    file: s('file'),
    row: r['row'] === null || r['row'] === undefined ? null : Number(r['row']),
    field: s('field'),
    value: s('value'),
    reason: String(r['reason']),
    code: String(r['code']),
    raw: s('raw'),
  };
}

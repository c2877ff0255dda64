// Lists quarantine rows. A new import of a file supersedes the quarantine of earlier imports of
// the same file (as recorded) and entity: by default only the latest finished import's rows show.

import type { Row } from '../engine/runner.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { lit } from './sql-util.ts';

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
  /** False when a later import of the same file and entity superseded this row. */
  readonly current: boolean;
}

export interface QuarantineFilter {
  /** Only this import's rows (current or not). */
  readonly importId?: string;
  /** Also rows of superseded imports (default: current rows only). */
  readonly history?: boolean;
}

/**
 * The latest import per (entity, file) that finished (`ok`, or `rejected` by --strict, whose
 * quarantine is written too). Failed imports wrote nothing and supersede nothing.
 */
const LATEST = `SELECT max_by(import_id, started_at) FROM import_log
  WHERE status IN ('ok', 'rejected') GROUP BY entity, file`;

function where({ importId, history = false }: QuarantineFilter): string {
  const conds = [
    ...(importId ? [`import_id = ${lit(importId)}`] : []),
    ...(history || importId ? [] : [`import_id IN (${LATEST})`]),
  ];
  return conds.length ? `WHERE ${conds.join(' AND ')}` : '';
}

/** Quarantine rows, newest import first, then by row. */
export async function listQuarantine(
  ws: Workspace,
  {
    limit = 100,
    offset = 0,
    ...filter
  }: QuarantineFilter & { limit?: number; offset?: number } = {},
): Promise<QuarantineRow[]> {
  const n = (x: number) => Math.max(0, Math.floor(x));
  const rows = await ws.runner
    .all(`SELECT import_id, entity, file, "row", field, value, reason, code, raw,
      import_id IN (${LATEST}) AS current
    FROM quarantine ${where(filter)}
    ORDER BY quarantined_at DESC, import_id, "row", field LIMIT ${n(limit)} OFFSET ${n(offset)}`);
  return rows.map(toQuarantineRow);
}

export async function countQuarantine(
  ws: Workspace,
  filter: QuarantineFilter = {},
): Promise<number> {
  const [row] = await ws.runner.all(`SELECT count(*) AS n FROM quarantine ${where(filter)}`);
  return Number(row?.['n'] ?? 0);
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
    current: r['current'] === true,
  };
}

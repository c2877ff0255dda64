// Writes one import's outcome: upserts new and changed rows (INSERT OR REPLACE by key), and
// writes quarantine rows with the raw source row as JSON. Runs inside the caller's transaction.

import type { Workspace } from '../workspace/workspace.ts';
import { ENTITY_FIELDS, ENTITY_KEY, type Entity } from '../model/fields.ts';
import { lit, q } from './sql-util.ts';

export interface StoreTables {
  readonly entity: Entity;
  readonly view: string;
  readonly cls: string;
  readonly issues: string;
  /** Staged rows with `_rid` (for the raw-row lookup), and the JSON of a row over alias `r`. */
  readonly rawRelation: string;
  readonly rawJson: string;
  readonly importId: string;
  readonly source: string;
}

/** New keys are inserted; changed keys are updated in place (much cheaper than a replace). */
export async function upsertRows(ws: Workspace, t: StoreTables): Promise<void> {
  const fields = ENTITY_FIELDS[t.entity].map((f) => q(f.name));
  const keys = new Set(ENTITY_KEY[t.entity].map(q));
  const pick = (
    cls: string,
  ) => `SELECT ${fields.map((f) => `d.${f}`).join(', ')}, ${lit(t.source)} AS _source,
      d._line AS _row, c._hash, ${lit(t.importId)} AS _import_id
    FROM ${t.view} d JOIN ${t.cls} c USING (_rid) WHERE c._class = '${cls}'`;
  const set = [...fields.filter((f) => !keys.has(f)), '_source', '_row', '_hash', '_import_id']
    .map((f) => `${f} = u.${f}`)
    .join(', ');
  const on = [...keys].map((k) => `e.${k} = u.${k}`).join(' AND ');
  await ws.runner.exec(`UPDATE ${t.entity} e SET ${set} FROM (${pick('updated')}) u WHERE ${on}`);
  // Row order within the store does not matter (queries sort); letting threads insert in any
  // order makes this, the biggest write of an import, run in parallel.
  await ws.runner.exec('SET preserve_insertion_order = false');
  try {
    await ws.runner.exec(
      `INSERT INTO ${t.entity} (${fields.join(', ')}, _source, _row, _hash, _import_id) ${pick('new')}`,
    );
  } finally {
    await ws.runner.exec('RESET preserve_insertion_order');
  }
}

/** Duplicates with other content become issues too, naming the row they conflict with. */
export async function addDuplicateIssues(ws: Workspace, t: StoreTables): Promise<void> {
  const keys = ENTITY_KEY[t.entity];
  const value = `concat_ws(' | ', ${keys.map((k) => `CAST(d.${q(k)} AS VARCHAR)`).join(', ')})`;
  await ws.runner.exec(`INSERT INTO ${t.issues} (rid, line, field, value, reason, code)
    SELECT _rid, c._line, ${lit(keys.join(', '))}, ${value},
      CASE _class WHEN 'dup_conflict'
        THEN concat('same key as row ', _other_line, ' of this file, but different content; the first row is kept')
        ELSE concat('same key as row ', _other_line, ', stored earlier in this import, but different content') END,
      'DUPLICATE_CONFLICT'
    FROM ${t.cls} c JOIN ${t.view} d USING (_rid) WHERE _class IN ('dup_conflict', 'dup_earlier')`);
}

export async function writeQuarantine(ws: Workspace, t: StoreTables): Promise<void> {
  await ws.runner
    .exec(`INSERT INTO quarantine (import_id, entity, file, "row", field, value, reason, code, raw)
    SELECT ${lit(t.importId)}, ${lit(t.entity)}, ${lit(t.source)}, i.line, i.field, i.value, i.reason, i.code,
      coalesce(i.raw, CAST(${t.rawJson} AS VARCHAR))
    FROM ${t.issues} i
    LEFT JOIN (SELECT * FROM (${t.rawRelation}) WHERE _rid IN (SELECT rid FROM ${t.issues})) r ON r._rid = i.rid
    ORDER BY i.line, i.field`);
}

// The workspace store's tables: one per canonical entity (plus lineage columns), quarantine,
// the import log and settings. DDL through the dialect; pure.

import type { Dialect } from '../engine/dialect.ts';
import { ENTITIES, ENTITY_FIELDS, type Entity } from '../model/fields.ts';

/** Lineage kept with every stored record: where it came from and a hash of its content. */
export const LINEAGE_COLUMNS = [
  ['_source', 'VARCHAR'],
  ['_row', 'BIGINT'],
  ['_hash', 'UBIGINT'],
  ['_import_id', 'VARCHAR'],
] as const;

export function entityTableDdl(entity: Entity, d: Dialect, table: string = entity): string {
  const cols = ENTITY_FIELDS[entity].map((f) => `${d.quoteIdent(f.name)} ${d.columnType(f)}`);
  const lineage = LINEAGE_COLUMNS.map(([n, t]) => `${n} ${t}`);
  return `CREATE TABLE IF NOT EXISTS ${table} (${[...cols, ...lineage].join(', ')})`;
}

export function workspaceDdl(d: Dialect): string[] {
  return [
    ...ENTITIES.map((e) => entityTableDdl(e, d)),
    `CREATE TABLE IF NOT EXISTS quarantine (import_id VARCHAR NOT NULL, entity VARCHAR NOT NULL, file VARCHAR,
      "row" BIGINT, field VARCHAR, value VARCHAR, reason VARCHAR NOT NULL, code VARCHAR NOT NULL, raw VARCHAR,
      quarantined_at TIMESTAMPTZ DEFAULT current_timestamp)`,
    `CREATE TABLE IF NOT EXISTS import_log (import_id VARCHAR PRIMARY KEY, entity VARCHAR NOT NULL, file VARCHAR,
      format VARCHAR, mapping VARCHAR, started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ, "read" BIGINT,
      stored BIGINT, updated BIGINT, unchanged BIGINT, quarantined BIGINT)`,
    `CREATE TABLE IF NOT EXISTS settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
    // Added by src/ingest: rows skipped by design (blank score) and the import's status.
    `ALTER TABLE import_log ADD COLUMN IF NOT EXISTS skipped BIGINT`,
    `ALTER TABLE import_log ADD COLUMN IF NOT EXISTS status VARCHAR`,
    // Workspaces made before staffing was an entity: its newer field and the lineage columns.
    `ALTER TABLE staffing ADD COLUMN IF NOT EXISTS agents_on_duty DOUBLE`,
    ...LINEAGE_COLUMNS.map(([n, t]) => `ALTER TABLE staffing ADD COLUMN IF NOT EXISTS ${n} ${t}`),
  ];
}

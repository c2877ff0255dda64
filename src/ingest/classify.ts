// Classifies valid rows against the store by key and content hash: new, updated, unchanged, or a
// duplicate within the import (same content: unchanged; different content: quarantined).

import { ENTITY_FIELDS, ENTITY_KEY, type Entity } from '../model/fields.ts';
import { lit, q } from './sql-util.ts';

export const CLASSES = [
  'new',
  'updated',
  'unchanged',
  'dup_same',
  'dup_conflict',
  'dup_earlier',
] as const;
export type RowClass = (typeof CLASSES)[number];

/**
 * DuckDB `hash` of the canonical values (64 bits, 5x cheaper than md5 here). It is compared only
 * between two versions of the same key. If a DuckDB upgrade changes `hash`, the next re-import
 * reports identical rows as updated once; the stored data stays right.
 */
export function hashSql(entity: Entity, alias = ''): string {
  const cols = ENTITY_FIELDS[entity].map((f) => `${alias}${q(f.name)}`);
  return `hash(${cols.join(', ')})`;
}

/**
 * CREATE TEMP TABLE `table` (_rid, _line, _hash, _class, _other_line): one row per valid row of
 * `view` (not skipped, no issue). `_other_line` names the earlier row a duplicate conflicts with.
 */
export function classifySql(opts: {
  table: string;
  view: string;
  issues: string;
  entity: Entity;
  importId: string;
}): string {
  const { table, view, issues, entity, importId } = opts;
  const keys = ENTITY_KEY[entity].map(q);
  const keyList = keys.join(', ');
  const on = keys.map((k) => `e.${k} = v.${k}`).join(' AND ');
  return `CREATE TEMP TABLE ${table} AS
    WITH valid AS MATERIALIZED (
      SELECT _rid, _line, ${keyList}, ${hashSql(entity)} AS _hash FROM ${view} d
      WHERE NOT _skip AND NOT EXISTS (SELECT 1 FROM ${issues} i WHERE i.rid = d._rid)),
    dupkeys AS (SELECT ${keyList} FROM valid GROUP BY ALL HAVING count(*) > 1),
    ranked AS (
      SELECT _rid, row_number() OVER w AS _n, first_value(_hash) OVER w AS _fh,
             first_value(_line) OVER w AS _fl
      FROM valid SEMI JOIN dupkeys USING (${keyList})
      WINDOW w AS (PARTITION BY ${keyList} ORDER BY _line))
    SELECT v._rid, v._line, v._hash,
      CASE WHEN rk._n > 1 AND rk._fh = v._hash THEN 'dup_same'
           WHEN rk._n > 1 THEN 'dup_conflict'
           WHEN e.${keys[0]} IS NULL THEN 'new'
           WHEN e._hash IS NOT DISTINCT FROM v._hash THEN 'unchanged'
           WHEN e._import_id = ${lit(importId)} THEN 'dup_earlier'
           ELSE 'updated' END AS _class,
      CASE WHEN rk._n > 1 THEN rk._fl ELSE e._row END AS _other_line
    FROM valid v LEFT JOIN ranked rk USING (_rid) LEFT JOIN ${entity} e ON ${on}`;
}

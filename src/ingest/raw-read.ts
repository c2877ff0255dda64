// What every reader returns: a staged relation of text columns with `_rid` and `_line`, the
// JSON of a raw row, optional reader rejects (issues-shaped), and temp tables to drop.

import type { Workspace } from '../workspace/workspace.ts';
import { lit, q } from './sql-util.ts';

export interface RawRead {
  readonly columns: readonly string[];
  /** Rows accepted by the reader (rejected lines are not in `relation`). */
  readonly rows: number;
  /** SELECT with `_rid`, `_line` and the source columns. */
  readonly relation: string;
  /** The same rows (`_rid` and source columns) without row-number work: for raw-row lookups. */
  readonly rawRows?: string;
  /** SQL over alias `r` of `relation`: the row as JSON text. */
  readonly rawJson: string;
  /** Temp table (line, field, value, reason, code, raw) of lines the reader could not use. */
  readonly rejects?: string;
  readonly delimiter?: string;
  readonly cleanup: readonly string[];
  /**
   * Set when `relation` is the file itself (no `_rid`, `_line`): the mapping step reads it once,
   * straight into its table, instead of a copy of every value as text first.
   */
  readonly positional?: PositionalRead;
}

/** A read whose rows are numbered by their position in the table the mapping step wrote. */
export interface PositionalRead {
  /** After that table was written: fills `rejects`; the table with `_rid` and `_line` added. */
  numbered(table: string): Promise<string>;
  /** The source rows with `_rid`, kept only when some row has an issue (quarantine's raw JSON). */
  rawRows(): Promise<string>;
  /** The same columns and no rows, when no row needs its raw text. */
  readonly noRawRows: string;
  /** The error to show when reading the file fails during the mapping step. */
  readError(e: unknown): Error;
}

export async function columnsOf(ws: Workspace, table: string): Promise<string[]> {
  const rows = await ws.runner.all(`DESCRIBE ${table}`);
  return rows.map((r) => String(r['column_name']));
}

export function jsonOfColumns(columns: readonly string[]): string {
  if (columns.length === 0) return `'{}'`;
  return `CAST(json_object(${columns.map((c) => `${lit(c)}, r.${q(c)}`).join(', ')}) AS VARCHAR)`;
}

export async function dropAll(ws: Workspace, tables: readonly string[]): Promise<void> {
  for (const t of tables) {
    await ws.runner.exec(`DROP TABLE IF EXISTS ${t}`);
  }
}

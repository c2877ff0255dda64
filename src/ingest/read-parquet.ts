// Reads a Parquet file into text columns (row numbers are 1-based positions). Timestamps with
// time zone become ISO text with Z; naive timestamps stay naive (read in the mapping's zone).

import { UserError } from '../errors.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { jsonOfColumns, type RawRead } from './raw-read.ts';
import { lit, q, tempName } from './sql-util.ts';

export async function readParquet(ws: Workspace, path: string): Promise<RawRead> {
  const raw = tempName('raw');
  let described: { name: string; type: string }[];
  try {
    const rows = await ws.runner.all(`DESCRIBE SELECT * FROM read_parquet(${lit(path)})`);
    described = rows.map((r) => ({
      name: String(r['column_name']),
      type: String(r['column_type']),
    }));
  } catch (e) {
    throw new UserError(
      'UNREADABLE_FILE',
      `Cannot read ${path} as Parquet: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      {
        file: path,
      },
    );
  }
  const cols = described.map(({ name, type }) => {
    const c = q(name);
    const text = type.startsWith('TIMESTAMP WITH TIME ZONE')
      ? `strftime(timezone('UTC', ${c}), '%Y-%m-%dT%H:%M:%S.%fZ')`
      : `CAST(${c} AS VARCHAR)`;
    return `${text} AS ${c}`;
  });
  await ws.runner.exec(
    `CREATE TEMP TABLE ${raw} AS SELECT ${cols.join(', ')} FROM read_parquet(${lit(path)})`,
  );
  const columns = described.map((d) => d.name);
  const rows = Number((await ws.runner.all(`SELECT count(*) AS n FROM ${raw}`))[0]?.['n'] ?? 0);
  return {
    columns,
    rows,
    relation: `SELECT r.rowid AS _rid, r.rowid + 1 AS _line, r.* FROM ${raw} r`,
    rawJson: jsonOfColumns(columns),
    cleanup: [raw],
  };
}

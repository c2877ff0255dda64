// Runs SQL on DuckDB through @duckdb/node-api; a file path or ':memory:'.
// DuckDB locks a database file to one process, even read-only.

import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Row, Runner } from '../../runner.ts';
import { duckdbDialect } from './duckdb-dialect.ts';

export interface DuckDbRunner extends Runner {
  readonly connection: DuckDBConnection;
  readonly path: string;
}

export async function openDuckDb({
  path = ':memory:',
  threads,
}: { path?: string; threads?: number } = {}): Promise<DuckDbRunner> {
  const instance = await DuckDBInstance.create(path, threads ? { threads: String(threads) } : {});
  const connection = await instance.connect();
  return {
    dialect: duckdbDialect,
    connection,
    path,
    async all(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map(plain);
    },
    async exec(sql) {
      await connection.run(sql);
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function plain(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out;
}

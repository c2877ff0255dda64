// Runs SQL on DuckDB through @duckdb/node-api; a file path or ':memory:'.
// DuckDB locks a database file to one process, even read-only; inside that process it allows
// many connections (MVCC: a reader sees the last commit while another connection writes).

import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Row, Runner } from '../../runner.ts';
import { duckdbDialect } from './duckdb-dialect.ts';

export interface DuckDbRunner extends Runner {
  readonly connection: DuckDBConnection;
  readonly path: string;
  /** Another connection to the same database; closing it leaves this one open. */
  connect(): Promise<DuckDbRunner>;
}

export async function openDuckDb({
  path = ':memory:',
  threads,
}: { path?: string; threads?: number } = {}): Promise<DuckDbRunner> {
  const instance = await DuckDBInstance.create(path, threads ? { threads: String(threads) } : {});
  return connectionRunner(instance, path, await instance.connect(), () => instance.closeSync());
}

function connectionRunner(
  instance: DuckDBInstance,
  path: string,
  connection: DuckDBConnection,
  closeInstance?: () => void,
): DuckDbRunner {
  return {
    dialect: duckdbDialect,
    connection,
    path,
    async connect() {
      return connectionRunner(instance, path, await instance.connect());
    },
    async all(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map(plain);
    },
    async exec(sql) {
      await connection.run(sql);
    },
    async close() {
      connection.closeSync();
      closeInstance?.();
    },
  };
}

function plain(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out;
}

// A small pool of DuckDB connections to the workspace, one per API request at a time, so a GET
// is answered while an import writes on another connection (DuckDB MVCC within one process).
// Limits: at most `max` connections in use, later requests wait; connections are never shared.

import type { DuckDbRunner } from '../engine/dialects/duckdb/duckdb-runner.ts';

export interface ConnectionPool {
  acquire(): Promise<DuckDbRunner>;
  /** Returns a connection whose work is finished. */
  release(conn: DuckDbRunner): void;
  /** Forgets a connection that may still be busy (its request was cut off); never reused. */
  discard(conn: DuckDbRunner): void;
  close(): Promise<void>;
  /** Connections open now: idle and in use. */
  readonly size: number;
}

export function connectionPool({
  base,
  max = 8,
}: {
  base: DuckDbRunner;
  max?: number;
}): ConnectionPool {
  const idle: DuckDbRunner[] = [];
  const busy = new Set<DuckDbRunner>();
  const waiting: ((c: DuckDbRunner) => void)[] = [];
  let opening = 0;
  let closed = false;

  const acquire = async (): Promise<DuckDbRunner> => {
    if (closed) throw new Error('connection pool closed');
    const ready = idle.pop();
    if (ready) {
      busy.add(ready);
      return ready;
    }
    if (busy.size + opening < max) {
      opening++;
      try {
        const conn = await base.connect();
        busy.add(conn);
        return conn;
      } finally {
        opening--;
      }
    }
    return new Promise((resolve) => waiting.push(resolve));
  };

  const release = (conn: DuckDbRunner): void => {
    if (!busy.has(conn)) return;
    const next = waiting.shift();
    if (next) return next(conn);
    busy.delete(conn);
    if (closed) void conn.close();
    else idle.push(conn);
  };

  const discard = (conn: DuckDbRunner): void => {
    if (!busy.delete(conn)) return;
    // A waiting request gets a fresh connection in its place.
    const next = waiting.shift();
    if (next) acquire().then(next, () => undefined);
  };

  return {
    acquire,
    release,
    discard,
    async close() {
      closed = true;
      for (const c of idle.splice(0)) await c.close();
    },
    get size() {
      return idle.length + busy.size;
    },
  };
}

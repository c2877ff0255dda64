// What the engine needs from a connection: run SQL, read rows as plain JS values.
// One implementation per engine lives beside its dialect.

import type { Dialect } from './dialect.ts';

export type Row = Record<string, unknown>;

export interface Runner {
  readonly dialect: Dialect;
  /** Rows as plain objects; 64-bit integers come back as numbers. */
  all(sql: string): Promise<Row[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

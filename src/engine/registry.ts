// The engines cxkpi can run on, by name. An unknown name throws: never a silent fallback.

import { UserError } from '../errors.ts';
import { ENGINES, type Dialect, type EngineName } from './dialect.ts';
import { duckdbDialect } from './dialects/duckdb/duckdb-dialect.ts';

const DIALECTS: Partial<Record<EngineName, Dialect>> = { duckdb: duckdbDialect };

export function registerDialect(d: Dialect): void {
  DIALECTS[d.name] = d;
}

export function getDialect(name: string): Dialect {
  const d = (ENGINES as readonly string[]).includes(name)
    ? DIALECTS[name as EngineName]
    : undefined;
  if (!d) {
    throw new UserError('UNKNOWN_ENGINE', `Unknown engine "${name}".`, {
      parameter: 'engine',
      allowed: Object.keys(DIALECTS),
      fix: `Use one of: ${Object.keys(DIALECTS).join(', ')}.`,
    });
  }
  return d;
}

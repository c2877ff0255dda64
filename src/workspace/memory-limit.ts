// DuckDB's memory limit for the CLI's and the server's workspaces: by default a quarter of the
// machine's memory (DuckDB's own default is 80 %), beyond which DuckDB spills to a temp directory
// (<workspace>.tmp next to the file) instead of growing. Limits: DuckDB's own buffers only.

import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { UserError } from '../errors.ts';
import type { DuckDbRunner } from '../engine/dialects/duckdb/duckdb-runner.ts';

export const DEFAULT_MEMORY_SHARE = 0.25;
const FLOOR = 256 * 2 ** 20;
const UNITS: Readonly<Record<string, number>> = {
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Memory this process may use: the machine's, or a container's (cgroup) limit when lower. */
export function machineMemory(): number {
  const limits = ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes']
    .map((f) => {
      try {
        return Number(readFileSync(f, 'utf8').trim());
      } catch {
        return Number.NaN;
      }
    })
    .filter((n) => Number.isFinite(n) && n > 0);
  return Math.min(totalmem(), ...limits);
}

/** "2GB", "512MiB", "25%" (of the machine's memory) → bytes. */
export function parseMemoryLimit(text: string, machine = machineMemory()): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%|[kmgt]i?b)\s*$/i.exec(text);
  const n = Number(m?.[1]);
  const unit = (m?.[2] ?? '').toLowerCase();
  const bytes = unit === '%' ? (n / 100) * machine : n * (UNITS[unit] ?? Number.NaN);
  if (!m || !Number.isFinite(bytes) || bytes <= 0 || (unit === '%' && n > 100)) {
    throw new UserError('INVALID_PARAMETER', `Invalid memory limit "${text}".`, {
      parameter: 'memory-limit',
      value: text,
      fix: 'Give an amount such as 512MB, 4GB or 2GiB, or a share of the memory such as 25%.',
    });
  }
  return Math.floor(bytes);
}

export function defaultMemoryLimit(machine = machineMemory()): number {
  return Math.max(FLOOR, Math.floor(machine * DEFAULT_MEMORY_SHARE));
}

/** Sets DuckDB's memory_limit (a setting of the database instance, not of one connection). */
export async function setMemoryLimit(runner: DuckDbRunner, bytes: number): Promise<void> {
  await runner.exec(`SET memory_limit = '${Math.max(1, Math.floor(bytes / 2 ** 20))}MiB'`);
}

// What the numbers were measured on: cores, memory, Node, DuckDB, OS, and the load average
// (other processes on a shared 2-core machine change timings; the results say how busy it was).

import os from 'node:os';
import { openDuckDb } from '../src/engine/dialects/duckdb/duckdb-runner.ts';
import { round } from './stats.ts';

export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly duckdb: string;
  readonly platform: string;
  readonly loadAverageAtStart: readonly number[];
}

export async function machineInfo(): Promise<MachineInfo> {
  const db = await openDuckDb();
  try {
    const [v] = await db.all('SELECT version() AS v');
    return {
      cores: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      duckdb: String(v?.['v'] ?? 'unknown'),
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      loadAverageAtStart: loadAverage(),
    };
  } finally {
    await db.close();
  }
}

export const loadAverage = (): number[] => os.loadavg().map((x) => round(x, 2));

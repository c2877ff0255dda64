// The dashboard benchmark puts the server and the browser on CPUs of their own, as a server and
// its users' browsers are on different machines: without it, Chromium's start of each tab took
// CPU from the server mid-load (on 2 cores: API p95 in the page 298 ms shared, 185 ms split).
// Limits: Linux with taskset (util-linux) and at least 2 CPUs; otherwise they share (null).

import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface CpuSplit {
  /** taskset CPU lists. */
  readonly server: string;
  readonly browser: string;
}

export function cpuSplit(cpus = availableParallelism()): CpuSplit | null {
  if (cpus < 2 || spawnSync('taskset', ['-V']).status !== 0) return null;
  const half = Math.floor(cpus / 2);
  const list = (from: number, to: number) => (from === to ? `${from}` : `${from}-${to}`);
  return { server: list(0, half - 1), browser: list(half, cpus - 1) };
}

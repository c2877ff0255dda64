// `cxkpi serve` as its own process, as a user runs it, for the dashboard benchmark. With `cpus`
// (taskset's list, e.g. "0") the server and every thread it starts (DuckDB's) stay on those CPUs.
// Limits: Linux (the peak RSS is the kernel's high-water mark, /proc/<pid>/status VmHWM).

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { toMb } from './stats.ts';

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** The CPUs it is kept on, if any. */
  readonly cpus?: string;
  /** The server's peak resident set so far (Node heap + DuckDB), MB. */
  peakRssMb(): number;
  close(): Promise<void>;
}

export async function startServerProcess(
  dbPath: string,
  { cpus, memoryLimit }: { cpus?: string; memoryLimit: string },
): Promise<ServerProcess> {
  const cli = [
    'bin/cxkpi.js',
    '--db',
    dbPath,
    '--memory-limit',
    memoryLimit,
    'serve',
    '--port',
    '0',
  ];
  const [cmd, args] = cpus
    ? ['taskset', ['-c', cpus, process.execPath, ...cli]]
    : [process.execPath, cli];
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    // Kept reading to the end: a full pipe would stall the server's request log.
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /dashboard: (http:\/\/[^/\s]+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`cxkpi serve exited (${code}): ${err}`)));
  });
  const pid = child.pid ?? 0;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let last = 0;
  const peakRssMb = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      last = toMb(Number(m?.[1] ?? 0) * 1024);
    } catch {
      // Exited: the last reading stands.
    }
    return last;
  };
  return {
    url,
    pid,
    ...(cpus ? { cpus } : {}),
    peakRssMb,
    close: async () => {
      peakRssMb();
      child.kill('SIGINT');
      await exited;
    },
  };
}

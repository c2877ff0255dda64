// startServer on a real workspace file over real HTTP (port 0): the lock file appears with
// { pid, url }, findRunningServer finds it, close removes it; stale lock files are ignored.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRunningServer } from './find-running-server.ts';
import { startServer } from './start-server.ts';
import { lockPath } from './lock-file.ts';
import { previousPeriod } from './previous-period.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cxkpi-server-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('serves the workspace, writes and removes the lock file', async () => {
    const dbPath = join(dir, 'a.duckdb');
    const server = await startServer({ dbPath, port: 0, logger: false });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const lock = JSON.parse(await readFile(lockPath(dbPath), 'utf8')) as unknown;
      expect(lock).toEqual({ pid: process.pid, url: server.url });
      const health = await fetch(`${server.url}/api/v1/health`);
      expect(await health.json()).toEqual({ ok: true, workspace: dbPath });
      const kpis = await fetch(`${server.url}/api/v1/kpis?kpi=service_level`);
      const body = (await kpis.json()) as { rows: { value: number | null; n: number }[] };
      expect(body.rows).toEqual([expect.objectContaining({ value: null, n: 0 })]);
      const csv = await fetch(`${server.url}/api/v1/kpis.csv?kpi=asa`);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(await findRunningServer(dbPath)).toEqual({ url: server.url });
    } finally {
      await server.close();
    }
    expect(existsSync(lockPath(dbPath))).toBe(false);
    expect(await findRunningServer(dbPath)).toBeNull();
    await server.close(); // idempotent
  });

  it('a busy port is a UserError that names the port, and the workspace is released', async () => {
    const first = await startServer({ dbPath: join(dir, 'b.duckdb'), port: 0, logger: false });
    try {
      const port = Number(new URL(first.url).port);
      await expect(
        startServer({ dbPath: join(dir, 'c.duckdb'), port, logger: false }),
      ).rejects.toMatchObject({ code: 'PORT_IN_USE', location: { parameter: 'port' } });
      // c.duckdb was closed again: a second open succeeds.
      const again = await startServer({ dbPath: join(dir, 'c.duckdb'), port: 0, logger: false });
      await again.close();
    } finally {
      await first.close();
    }
  });
});

describe('signals', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} closes the server, removes the lock file and ends the process`, async () => {
      const dbPath = join(dir, `${signal}.duckdb`);
      const script = join(dir, `${signal}.mts`);
      const entry = resolve('src/server/start-server.ts');
      await writeFile(
        script,
        `import { startServer } from ${JSON.stringify(entry)};\n` +
          `await startServer({ dbPath: ${JSON.stringify(dbPath)}, port: 0, logger: false });\n`,
      );
      const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((done) =>
        child.on('exit', (_code, sig) => done(sig)),
      );
      try {
        let found: { url: string } | null = null;
        for (let i = 0; i < 200 && !found; i++) {
          await sleep(50);
          found = await findRunningServer(dbPath);
        }
        expect(found).not.toBeNull();
        child.kill(signal);
        expect(await exited).toBe(signal);
        expect(existsSync(lockPath(dbPath))).toBe(false);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    });
  }
});

describe('findRunningServer', () => {
  it('ignores a missing, malformed or stale lock file', async () => {
    const dbPath = join(dir, 'stale.duckdb');
    expect(await findRunningServer(dbPath)).toBeNull();
    await writeFile(lockPath(dbPath), 'not json');
    expect(await findRunningServer(dbPath)).toBeNull();
    // A pid that does not exist (above Linux's pid_max).
    await writeFile(lockPath(dbPath), JSON.stringify({ pid: 2 ** 23, url: 'http://127.0.0.1:9' }));
    expect(await findRunningServer(dbPath)).toBeNull();
    // A live pid (ours) but nothing answers at the URL.
    await writeFile(
      lockPath(dbPath),
      JSON.stringify({ pid: process.pid, url: 'http://127.0.0.1:9' }),
    );
    expect(await findRunningServer(dbPath, { timeoutMs: 500 })).toBeNull();
  });

  it('a new server takes over a stale lock file', async () => {
    const dbPath = join(dir, 'takeover.duckdb');
    await writeFile(lockPath(dbPath), JSON.stringify({ pid: 2 ** 23, url: 'http://127.0.0.1:9' }));
    const server = await startServer({ dbPath, port: 0, logger: false });
    expect(await findRunningServer(dbPath)).toEqual({ url: server.url });
    await server.close();
    expect(existsSync(lockPath(dbPath))).toBe(false);
  });
});

describe('previousPeriod', () => {
  it('is the equally long run of days just before', () => {
    expect(previousPeriod('2026-06-02', '2026-06-02')).toEqual({
      from: '2026-06-01',
      to: '2026-06-01',
    });
    expect(previousPeriod('2026-06-01', '2026-06-30')).toEqual({
      from: '2026-05-02',
      to: '2026-05-31',
    });
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({
      from: '2026-01-29',
      to: '2026-02-28',
    });
  });
});

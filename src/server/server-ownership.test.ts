// While `cxkpi serve` runs (here a child process owning a workspace file), the CLI's writes go
// through it or fail saying so: `cxkpi import` is sent to the server and reports the same totals
// an import on the file would; `cxkpi config set` stops with WORKSPACE_LOCKED naming the server;
// `cxkpi demo --force` refuses to replace the file.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../cli/io.ts';
import { main } from '../cli/main.ts';
import { findRunningServer } from './find-running-server.ts';

let dir: string;
let db: string;
let child: ChildProcess;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cxkpi-owner-'));
  db = join(dir, 'owned.duckdb');
  const script = join(dir, 'serve.mts');
  await writeFile(
    script,
    `import { startServer } from ${JSON.stringify(resolve('src/server/start-server.ts'))};\n` +
      `await startServer({ dbPath: ${JSON.stringify(db)}, port: 0, logger: false });\n`,
  );
  child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'ignore' });
  for (let i = 0; i < 400; i++) {
    const found = await findRunningServer(db);
    if (found) {
      url = found.url;
      return;
    }
    await sleep(50);
  }
  throw new Error('the server did not start');
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

/** A command line as its words (no quoting needed in these tests). */
const words = (line: string) => line.split(' ');

async function cli(...args: string[]) {
  const io = bufferIo();
  const code = await main(['node', 'cxkpi', '--db', db, ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

// 3 contacts stored, 1 quarantined (channel "fax").
const CSV = `contact_id,channel,offered_at,outcome,wait_s
o1,voice,2026-06-03T08:00:00Z,answered,10
o2,voice,2026-06-03T08:01:00Z,answered,30
o3,chat,2026-06-03T08:02:00Z,abandoned,3
o4,fax,2026-06-03T08:03:00Z,answered,12
`;

describe('a running server owns the workspace', () => {
  it('cxkpi import goes through the server and reports per-file counts and totals', async () => {
    const file = join(dir, 'june-3.csv');
    await writeFile(file, CSV);
    const { code, out, err } = await cli('import', 'contacts', file, '--format', 'json');
    expect({ code, err: err.includes('running server') }).toEqual({ code: 0, err: true });
    const summary = JSON.parse(out) as {
      files: { file: string; read: number; stored: number; quarantined: number }[];
      totals: Record<string, { read: number; stored: number; quarantined: number }>;
    };
    expect(summary.files).toEqual([
      expect.objectContaining({ file: 'june-3.csv', read: 4, stored: 3, quarantined: 1 }),
    ]);
    expect(summary.totals['contacts']).toMatchObject({ read: 4, stored: 3, quarantined: 1 });
    // The server's figures see it: SL = 1 within 20 s of (3 offered − 1 short abandon) = 50 %.
    const res = await fetch(`${url}/api/v1/kpis?kpi=service_level&from=2026-06-03&to=2026-06-03`);
    const body = (await res.json()) as { rows: { value: number; n: number }[] };
    expect(body.rows[0]).toMatchObject({ value: 50, n: 2 });
  });

  it('cxkpi report and cxkpi quarantine read through the server, with the same figures', async () => {
    const day = ['--from', '2026-06-03', '--to', '2026-06-03'];
    const json = await cli('report', '--kpi', 'service_level', ...day, '--format', 'json');
    expect(json.code).toBe(0);
    expect(json.err).toContain(`running server at ${url}`);
    const report = JSON.parse(json.out) as { rows: { kpi: string; value: number; n: number }[] };
    // 2 of (3 offered − 1 short abandon) within 20 s = 50 % (o1 10 s; o2 30 s is not).
    expect(report.rows).toEqual([
      expect.objectContaining({ kpi: 'service_level', value: 50, n: 2 }),
    ]);
    // A setting for this report only reaches the server: within 30 s both answered → 100 %.
    const t30 = await cli(
      'report',
      '--kpi',
      'service_level',
      ...day,
      '--set',
      'service_level.threshold_s=30',
      '--format',
      'json',
    );
    expect((JSON.parse(t30.out) as typeof report).rows[0]).toMatchObject({ value: 100, n: 2 });
    const table = await cli('report', '--kpi', 'service_level', ...day, '--format', 'table');
    expect(table.out).toMatch(/Service level.*50\.0\s?%/s);
    const q = await cli('quarantine', '--format', 'json');
    expect(q.code).toBe(0);
    expect(
      (JSON.parse(q.out) as { row: number; field: string; code: string }[]).map((r) => [
        r.row,
        r.field,
        r.code,
      ]),
    ).toEqual([[5, 'channel', 'INVALID_ENUM']]);
    // A parameter the server refuses comes back as the local error would.
    const bad = await cli(
      ...words('report --kpi service_level --set service_level.threshold_s=-3'),
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('threshold_s');
  });

  it('cxkpi config get, kpis and the quick staffing question read the settings from the server', async () => {
    const get = await cli('config', 'get', 'service_level.threshold_s');
    expect({ code: get.code, out: get.out }).toEqual({ code: 0, out: '20\n' });
    const kpis = await cli('kpis', '--format', 'json');
    expect(kpis.code).toBe(0);
    expect(kpis.out).toContain('service_level');
    const quick = await cli(
      ...words('staffing --volume 100 --interval 30m --aht 180 --target 80/20 --format json'),
    );
    expect(quick.code).toBe(0);
    expect(quick.out).toContain('"agents": 14');
  });

  it('cxkpi config set fails with WORKSPACE_LOCKED naming the server, and changes nothing', async () => {
    const { code, err } = await cli('config', 'set', 'service_level.threshold_s', '30');
    expect(code).toBe(2);
    expect(err).toContain('WORKSPACE_LOCKED');
    expect(err).toContain(`served by the running cxkpi serve at ${url}`);
    const defs = (await (await fetch(`${url}/api/v1/definitions`)).json()) as {
      settings: { service_level: { threshold_s: number } };
    };
    expect(defs.settings.service_level.threshold_s).toBe(20);
  });

  it('cxkpi demo --force refuses to replace the served workspace and leaves it as it was', async () => {
    const before = await fetch(
      `${url}/api/v1/kpis?kpi=service_level&from=2026-06-03&to=2026-06-03`,
    );
    const { code, err } = await cli('demo', '--scenario', 'tiny', '--force');
    expect(code).toBe(2);
    expect(err).toContain('WORKSPACE_LOCKED');
    expect(err).toContain(url);
    // No build was left beside it, and the server still answers from the same file.
    expect((await readdir(dir)).filter((f) => f.includes('.building-'))).toEqual([]);
    const after = await fetch(`${url}/api/v1/kpis?kpi=service_level&from=2026-06-03&to=2026-06-03`);
    expect(await after.json()).toEqual(await before.json());
  });
});

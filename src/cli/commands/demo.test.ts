// `cxkpi demo`: flags and the scenario are checked before any file is made; the workspace is
// built beside the target and renamed when complete; builds of dead processes are cleaned up.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../workspace/workspace.ts';
import { bufferIo } from '../io.ts';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'cxkpi-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BIN = fileURLToPath(new URL('../../../bin/cxkpi.js', import.meta.url));

async function demo(db: string, ...args: string[]) {
  const io = bufferIo({ isTTY: false });
  const code = await main(['node', 'cxkpi', '--db', db, 'demo', ...args], io);
  return { code, err: io.stderr() };
}

const files = (prefix: string) => readdirSync(dir).filter((f) => f.startsWith(prefix));

/** A pid that surely runs no process: one that just exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('cxkpi demo', () => {
  it('rejects an unknown scenario or a bad flag before creating any file', async () => {
    const db = join(dir, 'bad.duckdb');
    const r = await demo(db, '--scenario', 'nope');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('SCENARIO_NOT_FOUND');
    for (const flag of [
      ['--scale', '0'],
      ['--seed', '1.5'],
      ['--seed', 'x'],
    ]) {
      const f = await demo(db, '--scenario', 'tiny', ...flag);
      expect(f.code).not.toBe(0);
      expect(f.err).toContain(`Invalid ${flag[0]} "${flag[1]}"`);
    }
    expect(files('bad.duckdb')).toEqual([]);
  });

  it('builds into a temporary file, renames it, and removes builds of dead processes', async () => {
    const db = join(dir, 'tiny.duckdb');
    const stale = `${db}.building-${deadPid()}`;
    writeFileSync(stale, 'half a workspace');
    writeFileSync(`${stale}.wal`, 'its log');
    // Seed 0 is a seed like any other (a scenario file may say 0 too).
    const r = await demo(db, '--scenario', 'tiny', '--seed', '0');
    expect(r.code).toBe(0);
    expect(files('tiny.duckdb')).toEqual(['tiny.duckdb']);
    const ws = await openWorkspace({ path: db });
    try {
      const [row] = await ws.runner.all('SELECT count(*) AS n FROM contacts');
      expect(Number(row!['n'])).toBeGreaterThan(2000);
    } finally {
      await ws.close();
    }
    const again = await demo(db, '--scenario', 'tiny');
    expect(again.code).not.toBe(0);
    expect(again.err).toContain('WORKSPACE_EXISTS');
    expect((await demo(db, '--scenario', 'tiny', '--seed', '3', '--force')).code).toBe(0);
    expect(files('tiny.duckdb')).toEqual(['tiny.duckdb']);
  });

  it('leaves no workspace at the target when the build is killed', async () => {
    const db = join(dir, 'killed.duckdb');
    const child = spawn(process.execPath, [BIN, '--db', db, 'demo'], { stdio: 'ignore' });
    const building = `killed.duckdb.building-${child.pid}`;
    const deadline = Date.now() + 30_000;
    while (!files(building).length && Date.now() < deadline) await sleep(50);
    await sleep(500);
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
    expect(existsSync(db)).toBe(false);
    expect(files(building).length).toBeGreaterThan(0);
    // The next run cleans up after the killed one.
    expect((await demo(db, '--scenario', 'tiny')).code).toBe(0);
    expect(files('killed.duckdb')).toEqual(['killed.duckdb']);
  });
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

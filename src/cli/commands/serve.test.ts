// `cxkpi serve` as a user runs it: its own process, the URL it prints answers (API and OpenAPI),
// a bad --port is refused before anything starts, and SIGTERM closes it and frees the workspace.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readLock } from '../../server/lock-file.ts';
import { openWorkspace } from '../../workspace/workspace.ts';
import { bufferIo } from '../io.ts';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'cxkpi-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BIN = fileURLToPath(new URL('../../../bin/cxkpi.js', import.meta.url));

describe('cxkpi serve', () => {
  it('refuses a --port that is not 0–65535, naming it, and creates no workspace', async () => {
    const db = join(dir, 'never.duckdb');
    for (const port of ['abc', '70000', '-1', '']) {
      const io = bufferIo({ isTTY: false });
      const code = await main(['node', 'cxkpi', '--db', db, 'serve', '--port', port], io);
      expect({ port, code }).toEqual({ port, code: 2 });
      expect(io.stderr()).toContain('INVALID_PARAMETER');
      expect(io.stderr()).toContain('--port');
    }
    expect(existsSync(db)).toBe(false);
  });

  it('prints a URL on 127.0.0.1 that answers, and stops on SIGTERM leaving the file free', async () => {
    const db = join(dir, 'served.duckdb');
    const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<string>((done) =>
      child.once('exit', (code, signal) => done(signal ?? `exit ${code}`)),
    );
    try {
      for (let i = 0; i < 600 && !/Press Ctrl\+C/.test(out); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const url = /API:\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1\/kpis/.exec(out)?.[1];
      expect(url, out).toBeDefined();
      expect(out).toContain(`cxkpi is serving ${db}`);
      const health = await fetch(`${url}/api/v1/health`);
      expect(await health.json()).toMatchObject({ ok: true });
      const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { openapi: string };
      expect(doc.openapi).toMatch(/^3\./);
      const kpis = (await (await fetch(`${url}/api/v1/kpis?kpi=service_level`)).json()) as {
        rows: { n: number }[];
      };
      expect(kpis.rows[0]?.n).toBe(0); // an empty workspace: n = 0, not an error
    } finally {
      child.kill('SIGTERM');
    }
    // It closes the server and the workspace, then ends by the signal it got (the default action).
    expect(await exited).toBe('SIGTERM');
    // The server let go of the file and its lock: this process can open it for writing.
    expect(await readLock(db)).toBeNull();
    const ws = await openWorkspace({ path: db });
    await ws.close();
  }, 60_000);
});

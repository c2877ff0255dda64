// The README's main job, `npm start` (scripts/start.js), as a user runs it: it builds what is
// missing, creates the demo workspace when absent, serves both and prints the URL, which answers
// with the dashboard and with the demo's figures. The workspace goes to a temp file ($CXKPI_DB).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KpiRow } from '../../src/engine/result.ts';
import { findRunningServer } from '../../src/server/find-running-server.ts';
import { readLock } from '../../src/server/lock-file.ts';
import { ROOT } from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'cxkpi-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it('builds the demo workspace, serves the dashboard and prints its URL', async () => {
    const db = join(dir, 'demo.duckdb');
    const child = spawn(process.execPath, [join(ROOT, 'scripts/start.js'), '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, CXKPI_DB: db },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      for (let i = 0; i < 1500 && !out.includes('Press Ctrl+C'); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const url = /dashboard: (http:\/\/127\.0\.0\.1:\d+)\/\n/.exec(out)?.[1];
      expect(url, out.slice(-2000)).toBeDefined();
      expect(out).toContain('Building demo workspace');
      expect(existsSync(db)).toBe(true);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/);
      const kpis = (await (await fetch(`${url}/api/v1/kpis?kpi=service_level`)).json()) as {
        rows: KpiRow[];
        period: { from: string; to: string };
      };
      // The default scenario: 90 days from 2 March 2026, about 500,000 contacts.
      expect(kpis.period).toMatchObject({ from: '2026-03-02', to: '2026-05-30' });
      expect(kpis.rows[0]?.counts['offered']).toBeGreaterThan(450_000);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    // The SIGTERM reached the server too: it closed, and its lock is gone.
    expect(await findRunningServer(db)).toBeNull();
    expect(await readLock(db)).toBeNull();
  }, 240_000);
});

// `cxkpi report --set` through the CLI entry point on a real workspace file: a setting for one
// report, named as `cxkpi config get` names it, leaves the workspace's settings alone.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../workspace/workspace.ts';
import { bufferIo } from '../io.ts';
import { main } from '../main.ts';

let dir: string;
let db: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxkpi-report-'));
  db = join(dir, 'ws.duckdb');
  // Answered waits 10, 25, 40 s; abandons after 2 s (short) and 30 s. T = 20 s.
  // Default: A≤T / (Offered − Ab<S) = 1 / 4; answered-only: 1 / 3; answered-only, T = 30: 2 / 3.
  const ws = await openWorkspace({ path: db });
  await ws.runner.exec(`
    INSERT INTO contacts (contact_id, channel, offered_at, outcome, wait_s) VALUES
      ('a1', 'voice', '2026-06-01 08:00:00+00', 'answered', 10),
      ('a2', 'voice', '2026-06-01 08:01:00+00', 'answered', 25),
      ('a3', 'voice', '2026-06-01 08:02:00+00', 'answered', 40),
      ('b1', 'voice', '2026-06-01 08:03:00+00', 'abandoned', 2),
      ('b2', 'voice', '2026-06-01 08:04:00+00', 'abandoned', 30)`);
  await ws.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo();
  const code = await main(['node', 'cxkpi', '--db', db, ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const slRow = async (...set: string[]) => {
  const r = await cli('report', '--kpi', 'service_level', '--format', 'json', ...set);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as { rows: Record<string, unknown>[]; query: Record<string, unknown> };
};

describe('cxkpi report --set', () => {
  it('changes a setting for this report only (repeatable, config paths)', async () => {
    expect((await slRow()).rows[0]).toMatchObject({ numerator: 1, denominator: 4 });
    const one = await slRow('--set', 'service_level.variant=answered-only');
    expect(one.rows[0]).toMatchObject({ numerator: 1, denominator: 3, variant: 'answered-only' });
    expect(one.query['settings']).toEqual({ service_level: { variant: 'answered-only' } });
    const two = await slRow(
      '--set',
      'service_level.variant=answered-only',
      '--set',
      'service_level.threshold_s=30',
    );
    expect(two.rows[0]).toMatchObject({ numerator: 2, denominator: 3 });
    expect((await cli('config', 'get', 'service_level.variant')).out).toBe(
      'offered-minus-short-abandons\n',
    );
  });

  it('says so below the table, and refuses a bad value naming the setting', async () => {
    const table = await cli(
      'report',
      '--kpi',
      'service_level',
      '--format',
      'table',
      '--set',
      'service_level.variant=answered-only',
    );
    expect(table.out).toContain(
      'settings for this report only: service_level.variant=answered-only',
    );
    const bad = await cli('report', '--set', 'service_level.variant=fastest');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('error [INVALID_SETTING]: Invalid setting service_level.variant');
    expect(bad.err).toContain('fix: Use one of: answered-only');
    const shape = await cli('report', '--set', 'answered-only');
    expect(shape.err).toContain('Invalid --set "answered-only": expected setting=value');
  });

  it('a CSV has the breakdown columns whether or not the period holds rows', async () => {
    const args = [
      'report',
      '--kpi',
      'service_level',
      '--by',
      'channel',
      '--grain',
      'day',
      '--format',
      'csv',
    ];
    const empty = await cli(...args, '--from', '2026-01-01', '--to', '2026-01-02');
    const full = await cli(...args, '--from', '2026-06-01', '--to', '2026-06-01');
    const header = (out: string) => out.split(/\r?\n/)[0]?.split(',').slice(0, 4);
    expect(header(empty.out)).toEqual(['kpi', 'channel', 'period', 'scale']);
    expect(header(full.out)).toEqual(['kpi', 'channel', 'period', 'scale']);
    expect(full.out.split(/\r?\n/)[1]).toMatch(/^service_level,voice,2026-06-01,,25,/);
  });
});

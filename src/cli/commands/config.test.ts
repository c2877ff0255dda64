// `cxkpi config set` through the CLI entry point on a real workspace file: bad values are refused
// with the setting's name and the fix, and a stored value that no longer validates can be repaired.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../workspace/workspace.ts';
import { bufferIo } from '../io.ts';
import { main } from '../main.ts';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxkpi-config-'));
  db = join(dir, 'ws.duckdb');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo();
  const code = await main(['node', 'cxkpi', '--db', db, ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('cxkpi config set validates before it stores', () => {
  it('refuses timezone Mars/Base with the setting name and how to fix it; reports keep working', async () => {
    const bad = await cli('config', 'set', 'timezone', 'Mars/Base');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('error [INVALID_SETTING]');
    expect(bad.err).toContain('timezone');
    expect(bad.err).toContain('"Mars/Base" is not an IANA time zone');
    expect(bad.err).toMatch(
      /fix: Use a name from the IANA time zone database, such as Europe\/Amsterdam/,
    );
    expect((await cli('config', 'get', 'timezone')).out).toBe('Europe/Amsterdam\n');
    expect((await cli('report', '--kpi', 'service_level', '--format', 'json')).code).toBe(0);
    const ok = await cli('config', 'set', 'timezone', 'America/New_York');
    expect(ok).toMatchObject({ code: 0, out: 'timezone = America/New_York\n' });
  });

  it('suggests the zone of a city, names allowed values and unknown settings', async () => {
    const city = await cli('config', 'set', 'timezone', 'Amsterdam');
    expect(city.err).toContain('did you mean Europe/Amsterdam?');
    const variant = await cli('config', 'set', 'service_level.variant', 'fastest');
    expect(variant.err).toContain('error [INVALID_SETTING]: Invalid setting service_level.variant');
    expect(variant.err).toContain('fix: Use one of: answered-only, abandons-negative');
    const unknown = await cli('config', 'set', 'service_level.treshold_s', '30');
    expect(unknown.err).toContain(
      'error [UNKNOWN_SETTING]: Unknown setting "service_level.treshold_s"',
    );
    expect(unknown.err).toContain('threshold_s');
    const target = await cli('config', 'set', 'targets.sl', '80');
    expect(target.err).toContain('Unknown setting "targets.sl"');
    expect(target.err).toContain('service_level');
    const currency = await cli('config', 'set', 'currency', 'eur');
    expect(currency.err).toContain('expected a three-letter ISO 4217 code such as EUR');
  });

  it('a stored value that no longer validates names the setting, and config set repairs it', async () => {
    const ws = await openWorkspace({ path: db });
    await ws.runner.exec(
      `INSERT OR REPLACE INTO settings VALUES ('workspace', '{"timezone": "Mars/Base", "currency": "USD"}')`,
    );
    await ws.close();
    const report = await cli('report', '--kpi', 'asa', '--format', 'json');
    expect(report.code).toBe(2);
    expect(report.err).toContain('has an invalid setting');
    expect(report.err).toContain('cxkpi config set timezone <value>');
    const fixed = await cli('config', 'set', 'timezone', 'Europe/Madrid');
    expect(fixed.code).toBe(0);
    expect((await cli('config', 'get', 'currency')).out).toBe('USD\n');
    expect((await cli('report', '--kpi', 'asa', '--format', 'json')).code).toBe(0);
  });
});

// `cxkpi kpis` lists every variant and setting with its options (the seven SL variants, both ASA
// variants, the four FCR methods, the TTR clocks, thresholds and windows), marks the option in
// force and the default, and follows `cxkpi config set`.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SL_VARIANT_SPECS } from '../../metrics/kpis/service-level.ts';
import { bufferIo } from '../io.ts';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'cxkpi-kpis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(db: string, ...args: string[]) {
  const io = bufferIo();
  const code = await main(['node', 'cxkpi', '--db', db, ...args], io);
  if (code !== 0) throw new Error(`cxkpi ${args.join(' ')}: ${io.stderr()}`);
  return io.stdout();
}

interface Row {
  setting: string;
  value: string;
  inForce: boolean;
  isDefault: boolean;
  meaning: string;
}

const options = (rows: Row[], setting: string) =>
  rows.filter((r) => r.setting === setting).map((r) => r.value);
const inForce = (rows: Row[], setting: string) =>
  rows.filter((r) => r.setting === setting && r.inForce).map((r) => r.value);

describe('cxkpi kpis', () => {
  it('lists every option of every variant setting, each with its own formula', async () => {
    const db = join(dir, 'none.duckdb'); // no workspace: the defaults
    const { kpis, settings } = JSON.parse(await cli(db, 'kpis', '--format', 'json')) as {
      kpis: { id: string }[];
      settings: Row[];
    };
    expect(kpis).toHaveLength(12);
    expect(options(settings, 'service_level.variant')).toEqual([
      'answered-only',
      'abandons-negative',
      'offered-minus-short-abandons',
      'short-abandons-excluded',
      'abandons-before-t-ignored',
      'abandons-positive',
      'flow-outs-included',
    ]);
    for (const r of settings.filter((s) => s.setting === 'service_level.variant')) {
      const spec = SL_VARIANT_SPECS[r.value as keyof typeof SL_VARIANT_SPECS];
      expect(r.meaning.startsWith(`${spec.formula};`), r.value).toBe(true);
    }
    expect(options(settings, 'service_level.within')).toEqual(['<=', '<']);
    expect(options(settings, 'asa.variant')).toEqual(['answered', 'all-offered']);
    expect(options(settings, 'fcr.method')).toEqual([
      'auto',
      'flag',
      'single-contact',
      'no-repeat',
    ]);
    expect(options(settings, 'time_to_resolution.clock')).toEqual(['calendar', 'business']);
    for (const s of ['asa.variant', 'fcr.method', 'time_to_resolution.clock']) {
      const formulas = settings.filter((r) => r.setting === s).map((r) => r.meaning);
      expect(new Set(formulas).size, s).toBe(formulas.length);
    }
    expect(inForce(settings, 'service_level.variant')).toEqual(['offered-minus-short-abandons']);
    expect(settings.find((r) => r.setting === 'fcr.repeat_window_days')).toMatchObject({
      value: '7',
      isDefault: true,
    });
    for (const s of [
      'service_level.threshold_s',
      'service_level.short_abandon_s',
      'csat_satisfied_min',
    ]) {
      expect(options(settings, s), s).toHaveLength(1);
    }
  });

  it('follows the workspace: the option in force moves, the default stays marked', async () => {
    const db = join(dir, 'ws.duckdb');
    await cli(db, 'config', 'set', 'service_level.variant', 'abandons-positive');
    await cli(db, 'config', 'set', 'fcr.repeat_window_days', '3');
    const settings = JSON.parse(await cli(db, 'kpis', '--settings', '--format', 'json')) as Row[];
    expect(inForce(settings, 'service_level.variant')).toEqual(['abandons-positive']);
    expect(
      settings
        .filter((r) => r.setting === 'service_level.variant' && r.isDefault)
        .map((r) => r.value),
    ).toEqual(['offered-minus-short-abandons']);
    expect(settings.find((r) => r.setting === 'fcr.repeat_window_days')).toMatchObject({
      value: '3',
      isDefault: false,
    });
    const table = await cli(db, 'kpis', '--format', 'table', '--lang', 'es');
    expect(table).toContain('Variantes y ajustes');
    expect(table).toMatch(/abandons-positive\s+activo\s/);
    const csv = await cli(db, 'kpis', '--settings', '--format', 'csv');
    expect(csv.split('\r\n')[0]).toBe('setting,kpis,value,inForce,isDefault,defaultValue,meaning');
  });

  it('gives durations in seconds with the unit people read them in (resolution: hours)', async () => {
    const db = join(dir, 'none.duckdb');
    const { kpis } = JSON.parse(await cli(db, 'kpis', '--format', 'json')) as {
      kpis: { id: string; unit: string; display: string | null }[];
    };
    const units = Object.fromEntries(kpis.map((k) => [k.id, [k.unit, k.display]]));
    expect(units['time_to_resolution']).toEqual(['seconds', 'hours']);
    expect(units['aht']).toEqual(['seconds', 'minutes']);
    expect(units['asa']).toEqual(['seconds', null]);
    const md = await cli(db, 'kpis', '--format', 'markdown');
    expect(md).toContain('| time_to_resolution | Time to resolution | seconds (shown in hours) |');
  });
});

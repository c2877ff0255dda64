// The time zone's offsets over a period, read from DuckDB's own rules, and KPI buckets computed
// with them equal to a conversion per row: across DST, for half-hour zones and for odd offsets.

import { describe, expect, it } from 'vitest';
import { settingsWith, useMemoryWorkspace } from '../../test/helpers/memory-workspace.ts';
import { compileQuery } from './compile.ts';
import { kpiQuery } from './query.ts';
import { zoneOffsets } from './zone-offsets.ts';

const { ws } = useMemoryWorkspace();

describe('zoneOffsets', () => {
  it('Europe/Amsterdam 2026: +1 h, +2 h from 29 March 01:00 UTC, +1 h from 25 October 01:00 UTC', async () => {
    const z = await zoneOffsets(ws().runner, 'Europe/Amsterdam', '2026-03-01', '2026-10-31');
    expect(z?.from).toBe('2026-02-28T23:00:00Z'); // local midnight of 1 March
    expect(z?.segments).toEqual([
      { start: '2026-02-28T23:00:00Z', offsetSeconds: 3600 },
      { start: '2026-03-29T01:00:00Z', offsetSeconds: 7200 },
      { start: '2026-10-25T01:00:00Z', offsetSeconds: 3600 },
    ]);
  });

  it('Australia/Lord_Howe changes by half an hour; Asia/Kathmandu is +5:45 all year', async () => {
    const lh = await zoneOffsets(ws().runner, 'Australia/Lord_Howe', '2026-03-01', '2026-10-31');
    expect(lh?.segments.map((g) => g.offsetSeconds)).toEqual([39600, 37800, 39600]);
    // First Sunday of April, 02:00 local (+11) → 15:00 UTC the day before; October: 02:00 (+10:30).
    expect(lh?.segments.map((g) => g.start).slice(1)).toEqual([
      '2026-04-04T15:00:00Z',
      '2026-10-03T15:30:00Z',
    ]);
    const k = await zoneOffsets(ws().runner, 'Asia/Kathmandu', '2026-01-01', '2026-12-31');
    expect(k?.segments).toEqual([{ start: '2025-12-31T18:15:00Z', offsetSeconds: 20700 }]);
  });

  it('hourly, 15-minute and weekday × slot buckets equal those of a conversion per row', async () => {
    // A contact every 7 minutes from 24 to 27 October 2026 (the 25-hour Sunday in Amsterdam).
    await ws().runner.exec(`
      INSERT INTO contacts (contact_id, channel, offered_at, outcome, wait_s)
      SELECT 'c' || i, 'voice', TIMESTAMPTZ '2026-10-23 22:00:00+00' + i * INTERVAL 7 MINUTE,
             'answered', i % 40
      FROM range(823) t(i)`);
    const s = settingsWith({});
    const zone = await zoneOffsets(ws().runner, s.timezone, '2026-10-24', '2026-10-27');
    expect(zone).not.toBeNull();
    for (const input of [
      { grain: 'hour' as const },
      { grain: '15m' as const },
      { by: ['weekday' as const, 'slot' as const] },
    ]) {
      const q = kpiQuery({
        kpis: ['service_level', 'asa'],
        from: '2026-10-24',
        to: '2026-10-27',
        ...input,
      });
      const d = ws().runner.dialect;
      const fast = await ws().runner.all(compileQuery(q, s, d, zone).sql);
      const exact = await ws().runner.all(compileQuery(q, s, d).sql);
      expect(compileQuery(q, s, d, zone).sql).toContain('make_timestamp');
      expect(fast.length).toBeGreaterThan(20);
      expect(fast).toEqual(exact);
    }
  });
});

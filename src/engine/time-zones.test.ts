// Calendar grouping in the workspace time zone across the Europe/Amsterdam DST changes:
// 23- and 25-hour days, daily totals adding up to the period, no contact lost or doubled, and
// sub-day buckets labelled with their UTC offset so the repeated hour stays two hours.

import { describe, expect, it } from 'vitest';
import {
  kpiRows,
  only,
  settingsWith,
  useMemoryWorkspace,
} from '../../test/helpers/memory-workspace.ts';
import { drillDown } from './drill-down.ts';

const { ws } = useMemoryWorkspace();

/** One answered contact every 15 minutes (UTC) for `days` days from `start` (UTC). */
async function every15Minutes(start: string, days: number) {
  await ws().runner.exec(`
    INSERT INTO contacts (contact_id, channel, offered_at, outcome, wait_s)
    SELECT 'c' || i, 'voice', TIMESTAMPTZ '${start}' + i * INTERVAL 15 MINUTE, 'answered', 10
    FROM range(${days * 96}) t(i)`);
}

describe('Europe/Amsterdam DST', () => {
  it('spring forward: 29 March 2026 has 23 hours (92 quarter hours)', async () => {
    await every15Minutes('2026-03-27 23:00:00+00', 4); // local 28 Mar 00:00 … 31 Mar
    const days = await kpiRows(ws(), { kpis: ['service_level'], grain: 'day' });
    expect(days.map((r) => [r.keys['period'], r.n])).toEqual([
      ['2026-03-28', 96],
      ['2026-03-29', 92],
      ['2026-03-30', 96],
      ['2026-03-31', 96],
      ['2026-04-01', 4], // the last UTC hour of the 384 quarter hours
    ]);
    const total = await only(ws(), { kpis: ['service_level'] });
    expect(days.reduce((a, r) => a + r.n, 0)).toBe(total.n);
    const oneDay = await only(ws(), {
      kpis: ['service_level'],
      from: '2026-03-29',
      to: '2026-03-29',
    });
    expect(oneDay.n).toBe(92);
    const hours = await kpiRows(ws(), {
      kpis: ['service_level'],
      grain: 'hour',
      from: '2026-03-29',
      to: '2026-03-29',
    });
    // Labels carry the UTC offset: 01:00 is still winter time, 03:00 already summer time.
    expect(hours).toHaveLength(23);
    expect(hours.slice(0, 3).map((r) => [r.keys['period'], r.n])).toEqual([
      ['2026-03-29 00:00+01:00', 4],
      ['2026-03-29 01:00+01:00', 4],
      ['2026-03-29 03:00+02:00', 4],
    ]);
    expect(hours.some((r) => String(r.keys['period']).includes(' 02:'))).toBe(false);
  });

  it('fall back: 25 October 2026 has 25 hours (100 quarter hours); the repeated hour is two buckets', async () => {
    await every15Minutes('2026-10-23 22:00:00+00', 3); // local 24 Oct 00:00 …
    const days = await kpiRows(ws(), { kpis: ['service_level'], grain: 'day' });
    const byDay = Object.fromEntries(days.map((r) => [r.keys['period'], r.n]));
    expect(byDay['2026-10-24']).toBe(96);
    expect(byDay['2026-10-25']).toBe(100);
    expect(days.reduce((a, r) => a + r.n, 0)).toBe(288);
    const hours = await kpiRows(ws(), {
      kpis: ['service_level'],
      grain: 'hour',
      from: '2026-10-25',
      to: '2026-10-25',
    });
    // 25 hourly rows of 4 quarter hours each, in time order: 02:00 summer time (+02:00), then
    // 02:00 again in winter time (+01:00).
    expect(hours).toHaveLength(25);
    expect(hours.every((r) => r.n === 4)).toBe(true);
    expect(hours.slice(1, 5).map((r) => r.keys['period'])).toEqual([
      '2026-10-25 01:00+02:00',
      '2026-10-25 02:00+02:00',
      '2026-10-25 02:00+01:00',
      '2026-10-25 03:00+01:00',
    ]);
    expect(hours.reduce((a, r) => a + r.n, 0)).toBe(100);
    const quarters = await kpiRows(ws(), {
      kpis: ['service_level'],
      grain: '15m',
      from: '2026-10-25',
      to: '2026-10-25',
    });
    expect(quarters).toHaveLength(100);
    expect(quarters.map((r) => r.keys['period']).slice(8, 17)).toEqual([
      '2026-10-25 02:00+02:00',
      '2026-10-25 02:15+02:00',
      '2026-10-25 02:30+02:00',
      '2026-10-25 02:45+02:00',
      '2026-10-25 02:00+01:00',
      '2026-10-25 02:15+01:00',
      '2026-10-25 02:30+01:00',
      '2026-10-25 02:45+01:00',
      '2026-10-25 03:00+01:00',
    ]);
    // Each label is one real hour: 25 Oct 00:00 UTC (c104, 26 h after the first contact) is
    // 02:00+02:00, 01:00 UTC (c108) is 02:00+01:00; a label without offset means both.
    const s = settingsWith();
    for (const [label, ids] of [
      ['2026-10-25 02:00+02:00', ['c104', 'c105', 'c106', 'c107']],
      ['2026-10-25 02:00+01:00', ['c108', 'c109', 'c110', 'c111']],
      ['2026-10-25 02:00', ['c104', 'c105', 'c106', 'c107', 'c108', 'c109', 'c110', 'c111']],
    ] as const) {
      const dd = await drillDown(
        ws().runner,
        { query: { grain: 'hour' }, kpi: 'service_level', group: { period: label } },
        s,
      );
      expect(dd.rows.map((r) => r['contact_id']).sort()).toEqual([...ids].sort());
    }
  });

  it('weeks start on Monday and months follow local midnight', async () => {
    await every15Minutes('2026-03-27 23:00:00+00', 4);
    const weeks = await kpiRows(ws(), { kpis: ['service_level'], grain: 'week' });
    expect(weeks.map((r) => [r.keys['period'], r.n])).toEqual([
      ['2026-03-23', 96 + 92],
      ['2026-03-30', 196],
    ]);
    const months = await kpiRows(ws(), { kpis: ['service_level'], grain: 'month' });
    expect(months.map((r) => [r.keys['period'], r.n])).toEqual([
      ['2026-03-01', 380],
      ['2026-04-01', 4],
    ]);
  });

  it('weekday × slot breakdown counts every contact once', async () => {
    await every15Minutes('2026-03-27 23:00:00+00', 4);
    const cells = await kpiRows(ws(), {
      kpis: ['service_level'],
      by: ['weekday', 'slot'],
      slotMinutes: 30,
    });
    expect(cells.reduce((a, r) => a + r.n, 0)).toBe(384);
    expect(
      cells.find((r) => r.keys['weekday'] === 7 && r.keys['slot'] === '02:00'),
    ).toBeUndefined();
    expect(cells.find((r) => r.keys['weekday'] === 7 && r.keys['slot'] === '03:00')?.n).toBe(2);
  });
});

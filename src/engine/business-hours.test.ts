// Business-hours time to resolution on real DuckDB: cases checked by hand (weekend, DST change,
// holiday, split shift), and the SQL against a minute-by-minute count in JS over random spans.

import { describe, expect, it } from 'vitest';
import { only, useMemoryWorkspace } from '../../test/helpers/memory-workspace.ts';
import type { BusinessHours } from '../metrics/expr.ts';
import { businessSecondsSql } from './business-hours.ts';

const { ws } = useMemoryWorkspace();
const TZ = 'Europe/Amsterdam';
const business = { time_to_resolution: { clock: 'business' as const } };
/** TTR is reported in seconds; the cases below are worked out in hours. */
const H = 3600;

async function oneCase(created: string, resolved: string) {
  await ws().runner.exec(`INSERT INTO cases (case_id, channel, created_at, resolved_at)
    VALUES ('k1', 'email', TIMESTAMPTZ '${created}', TIMESTAMPTZ '${resolved}')`);
}

describe('time to resolution in business hours (Mon–Fri 09:00–17:00 by default)', () => {
  it('Friday 16:00 to Monday 10:00 across the spring DST change is 2 h (calendar 65 h)', async () => {
    // 27 March 2026 is a Friday in CET (+01:00); 30 March is a Monday in CEST (+02:00).
    await oneCase('2026-03-27 16:00:00+01', '2026-03-30 10:00:00+02');
    const b = await only(ws(), { kpis: ['time_to_resolution'] }, business);
    expect(b.value).toBeCloseTo(2 * H, 6);
    expect(b.rating.band).toBe('good'); // < 24 h
    expect(b.variant).toBe('business hours');
    expect(b.settings['business_hours']).toBe(
      'Mon 09:00–17:00; Tue 09:00–17:00; Wed 09:00–17:00; Thu 09:00–17:00; Fri 09:00–17:00 (Europe/Amsterdam)',
    );
    const c = await only(ws(), { kpis: ['time_to_resolution'] });
    expect(c.value).toBeCloseTo(65 * H, 6);
    expect(c.rating.band).toBe('poor'); // ≥ 48 h
    expect(c.variant).toBe('calendar hours');
  });

  it('a holiday closes its day: Friday 16:00 to Tuesday 10:00 over Easter Monday is 2 h', async () => {
    await oneCase('2026-04-03 16:00:00+02', '2026-04-07 10:00:00+02');
    const row = await only(
      ws(),
      { kpis: ['time_to_resolution'] },
      {
        ...business,
        business_hours: { holidays: ['2026-04-06'] },
      },
    );
    expect(row.value).toBeCloseTo(2 * H, 6);
    expect(row.percentiles?.p50).toBeCloseTo(2 * H, 6);
  });

  it('split shifts skip the lunch break; weekend-only time counts nothing', async () => {
    await ws().runner.exec(`INSERT INTO cases (case_id, channel, created_at, resolved_at) VALUES
      ('k1', 'email', TIMESTAMPTZ '2026-06-03 11:00:00+02', TIMESTAMPTZ '2026-06-03 14:00:00+02'),
      ('k2', 'email', TIMESTAMPTZ '2026-06-06 10:00:00+02', TIMESTAMPTZ '2026-06-07 18:00:00+02')`);
    const week = Object.fromEntries(
      ['1', '2', '3', '4', '5'].map((d) => [
        d,
        [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
      ]),
    );
    const row = await only(
      ws(),
      { kpis: ['time_to_resolution'] },
      {
        ...business,
        business_hours: { week },
      },
    );
    // (2 h + 0 h) / 2 cases
    expect(row.value).toBeCloseTo(1 * H, 6);
    expect(row.n).toBe(2);
  });
});

/** Local wall-clock parts of an instant in `tz`, through Intl (independent of the SQL). */
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
});
const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function bruteForceMinutes(fromMs: number, toMs: number, h: BusinessHours): number {
  let open = 0;
  for (let t = fromMs; t < toMs; t += 60_000) {
    const p = Object.fromEntries(parts.formatToParts(t).map((x) => [x.type, x.value]));
    const date = `${p['year']}-${p['month']}-${p['day']}`;
    if (h.holidays.includes(date)) continue;
    const hm = `${p['hour']}:${p['minute']}`;
    const windows = h.week[String(WEEKDAY[p['weekday'] ?? ''])] ?? [];
    if (windows.some(([a, b]) => hm >= a && hm < b)) open++;
  }
  return open;
}

describe('businessSecondsSql', () => {
  it('equals a minute-by-minute count for 30 random spans (split shifts, Saturday, holidays, DST)', async () => {
    const hours: BusinessHours = {
      timezone: TZ,
      week: {
        '1': [
          ['08:30', '12:00'],
          ['13:00', '17:30'],
        ],
        '2': [['08:30', '17:30']],
        '3': [['08:30', '17:30']],
        '4': [['08:30', '17:30']],
        '5': [['08:30', '16:00']],
        '6': [['10:00', '14:00']],
      },
      holidays: ['2026-03-30', '2026-10-26', '2026-12-25'],
    };
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const spans = Array.from({ length: 30 }, (_, i) => {
      // Around the DST changes of 2026 (29 March, 25 October) and at random elsewhere.
      const anchors = [Date.UTC(2026, 2, 26), Date.UTC(2026, 9, 22), Date.UTC(2026, 11, 20)];
      const base = (anchors[i % 3] ?? 0) + Math.floor(rand() * 4 * 1440) * 60_000;
      return [base, base + Math.floor(rand() * 4 * 1440) * 60_000] as const;
    });
    const d = ws().runner.dialect;
    const values = spans
      .map(([a, b], i) => `(${i}, to_timestamp(${a / 1000}), to_timestamp(${b / 1000}))`)
      .join(', ');
    const rows = await ws().runner.all(
      `SELECT i, ${businessSecondsSql('f', 't', hours, d)} AS s FROM (VALUES ${values}) v(i, f, t) ORDER BY i`,
    );
    const expected = spans.map(([a, b]) => bruteForceMinutes(a, b, hours));
    expect(expected.filter((m) => m > 0).length).toBeGreaterThan(20);
    expect(rows.map((r) => Number(r['s']) / 60)).toEqual(expected);
  });
});

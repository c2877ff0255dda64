// intervalHistory on real DuckDB: counts against a hand-written query, the staffing join, filters,
// the period bounds and both DST days in Europe/Amsterdam (23 and 25 local hours).

import { describe, expect, it } from 'vitest';
import { settingsWith, useMemoryWorkspace } from '../../test/helpers/memory-workspace.ts';
import { intervalHistory, type IntervalHistoryRow } from './interval-history.ts';

const { ws } = useMemoryWorkspace();
const settings = settingsWith({ timezone: 'Europe/Amsterdam' });

interface C {
  id: string;
  at: string; // UTC
  outcome: 'answered' | 'abandoned' | 'flowed_out';
  wait: number;
  handle?: [number, number, number];
  queue?: string;
  team?: string;
  direction?: 'inbound' | 'outbound';
}

async function insert(cs: readonly C[]): Promise<void> {
  const values = cs.map((c) => {
    const [t, h, a] = c.handle ?? (c.outcome === 'answered' ? [200, 10, 30] : [null, null, null]);
    const v = (x: unknown) => (x === null || x === undefined ? 'NULL' : `'${String(x)}'`);
    return `(${v(c.id)}, 'voice', ${v(c.direction)}, ${v(c.queue ?? 'sales')}, ${v(c.team ?? 'A')},
      TIMESTAMPTZ '${c.at}+00', ${v(c.outcome)}, ${c.wait}, ${t ?? 'NULL'}, ${h ?? 'NULL'}, ${a ?? 'NULL'})`;
  });
  await ws().runner.exec(`INSERT INTO contacts (contact_id, channel, direction, queue, team,
    offered_at, outcome, wait_s, talk_s, hold_s, acw_s) VALUES ${values.join(', ')}`);
}

type StaffingRow = [string, number, string, number, number | null, (number | null)?];

async function staffing(rows: readonly StaffingRow[]) {
  const values = rows.map(
    ([at, minutes, queue, agents, rate, onDuty]) =>
      `(TIMESTAMPTZ '${at}+00', ${minutes}, 'voice', '${queue}', ${agents}, ${rate ?? 'NULL'}, ${onDuty ?? 'NULL'})`,
  );
  await ws().runner.exec(`INSERT INTO staffing (interval_start, interval_minutes, channel, queue,
    agents_staffed, hourly_rate, agents_on_duty) VALUES ${values.join(', ')}`);
}

const sample: C[] = [
  // 2026-06-01 is a Monday; Amsterdam is UTC+2: 07:00Z = 09:00 local.
  { id: 'a1', at: '2026-06-01 07:00:05', outcome: 'answered', wait: 10 },
  { id: 'a2', at: '2026-06-01 07:10:00', outcome: 'answered', wait: 20, handle: [100, 0, 20] },
  { id: 'a3', at: '2026-06-01 07:29:59', outcome: 'answered', wait: 45 },
  { id: 'b1', at: '2026-06-01 07:12:00', outcome: 'abandoned', wait: 3 },
  { id: 'b2', at: '2026-06-01 07:20:00', outcome: 'abandoned', wait: 30 },
  { id: 'f1', at: '2026-06-01 07:25:00', outcome: 'flowed_out', wait: 60 },
  { id: 'o1', at: '2026-06-01 07:05:00', outcome: 'answered', wait: 0, direction: 'outbound' },
  { id: 'c1', at: '2026-06-01 07:30:00', outcome: 'answered', wait: 5, queue: 'support' },
  { id: 'c2', at: '2026-06-01 07:59:59', outcome: 'abandoned', wait: 12, queue: 'support' },
  { id: 'd1', at: '2026-06-02 06:45:00', outcome: 'answered', wait: 8, team: 'B' },
];

describe('intervalHistory: counts per local interval', () => {
  it('equal a hand-written SQL query over inbound contacts', async () => {
    await insert(sample);
    const h = await intervalHistory(ws().runner, { query: {}, intervalMinutes: 30 }, settings);
    const expected = await ws().runner.all(`
      SELECT strftime(time_bucket(INTERVAL 30 MINUTE, timezone('Europe/Amsterdam', offered_at)), '%Y-%m-%d %H:%M') AS label,
        count(*) AS offered,
        count(*) FILTER (WHERE outcome = 'answered') AS answered,
        count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,
        count(*) FILTER (WHERE outcome = 'flowed_out') AS flowed,
        count(*) FILTER (WHERE outcome = 'answered' AND wait_s <= 20) AS within_t,
        count(*) FILTER (WHERE outcome = 'abandoned' AND wait_s < 5) AS short_ab,
        coalesce(sum(wait_s) FILTER (WHERE outcome = 'answered'), 0) AS answered_wait,
        sum(wait_s) AS offered_wait,
        coalesce(sum(talk_s + hold_s + acw_s) FILTER (WHERE outcome = 'answered'), 0) AS handle
      FROM contacts WHERE direction IS NULL OR direction = 'inbound' GROUP BY 1 ORDER BY 1`);
    expect(h.rows.map((r) => r.intervalStart)).toEqual(expected.map((e) => e['label']));
    h.rows.forEach((r, i) => {
      const e = expected[i]!;
      expect([
        r.offered,
        r.answered,
        r.abandoned,
        r.flowedOut,
        r.answeredWithinT,
        r.shortAbandons,
        r.answeredWaitSeconds,
        r.offeredWaitSeconds,
        r.handleSeconds,
        r.handled,
      ]).toEqual(
        [
          e['offered'],
          e['answered'],
          e['abandoned'],
          e['flowed'],
          e['within_t'],
          e['short_ab'],
          e['answered_wait'],
          e['offered_wait'],
          e['handle'],
          e['answered'],
        ].map(Number),
      );
    });
    const first = h.rows[0]!;
    expect(first).toMatchObject({
      intervalStart: '2026-06-01 09:00',
      utcOffsetMinutes: 120,
      startUtc: '2026-06-01T07:00:00.000Z',
      weekday: 1,
      slot: '09:00',
      offered: 6,
      // Default variant: A≤T / (offered − short abandons) = 2 / (6 − 1).
      slNumerator: 2,
      slDenominator: 5,
      agentsStaffed: null,
      hourlyRate: null,
    });
    expect(h.period).toEqual({
      from: '2026-06-01',
      to: '2026-06-02',
      timezone: 'Europe/Amsterdam',
    });
  });

  it('honours the SL variant and T of the settings', async () => {
    await insert(sample);
    const s = settingsWith({
      timezone: 'Europe/Amsterdam',
      service_level: { variant: 'answered-only', threshold_s: 45 },
    });
    const h = await intervalHistory(ws().runner, { query: {}, intervalMinutes: 30 }, s);
    expect(h.rows[0]).toMatchObject({ answeredWithinT: 3, slNumerator: 3, slDenominator: 3 });
    expect(h.slVariant).toBe('answered-only');
  });

  it('filters on queue and team, and 15-minute intervals', async () => {
    await insert(sample);
    const byQueue = await intervalHistory(
      ws().runner,
      { query: { filters: { queue: ['support'] } }, intervalMinutes: 15 },
      settings,
    );
    expect(byQueue.rows.map((r) => [r.intervalStart, r.offered])).toEqual([
      ['2026-06-01 09:30', 1],
      ['2026-06-01 09:45', 1],
    ]);
    const byTeam = await intervalHistory(
      ws().runner,
      { query: { filters: { team: ['B'] } }, intervalMinutes: 30 },
      settings,
    );
    expect(byTeam.rows.map((r) => [r.intervalStart, r.offered])).toEqual([['2026-06-02 08:30', 1]]);
    expect(byTeam.staffingAttributable).toBe(false);
    expect(byTeam.warnings[0]).toMatch(/team/);
  });

  it('keeps the period to local days: 23:59 local is in, 00:00 the next day is out', async () => {
    await insert([
      { id: 'in', at: '2026-06-01 21:59:00', outcome: 'answered', wait: 1 },
      { id: 'out', at: '2026-06-01 22:00:00', outcome: 'answered', wait: 1 },
      { id: 'before', at: '2026-05-31 21:59:59', outcome: 'answered', wait: 1 },
    ]);
    const h = await intervalHistory(
      ws().runner,
      { query: { from: '2026-06-01', to: '2026-06-01' }, intervalMinutes: 30 },
      settings,
    );
    expect(h.rows.map((r) => r.intervalStart)).toEqual(['2026-06-01 23:30']);
  });
});

describe('intervalHistory: agents staffed from the staffing table', () => {
  it('averages 15-minute rows, splits 60-minute rows, sums queues and weights the rate', async () => {
    await insert(sample);
    await staffing([
      // 09:00–09:30 local: sales 4 then 6 (15-minute rows), support 2 for 30 min.
      ['2026-06-01 07:00:00', 15, 'sales', 4, 30],
      ['2026-06-01 07:15:00', 15, 'sales', 6, 30],
      ['2026-06-01 07:00:00', 30, 'support', 2, 40],
      // 10:00–11:00 local: one 60-minute row, no contacts then.
      ['2026-06-01 08:00:00', 60, 'sales', 3, null],
    ]);
    const h = await intervalHistory(ws().runner, { query: {}, intervalMinutes: 30 }, settings);
    const at = (label: string) => h.rows.find((r) => r.intervalStart === label);
    // (4 × 15 + 6 × 15) / 30 + 2 = 7 agents; rate (150 × 30 + 60 × 40) / 210.
    expect(at('2026-06-01 09:00')?.agentsStaffed).toBe(7);
    expect(at('2026-06-01 09:00')?.hourlyRate).toBeCloseTo((150 * 30 + 60 * 40) / 210, 12);
    expect(at('2026-06-01 09:30')?.agentsStaffed).toBeNull();
    expect(at('2026-06-01 10:00')).toMatchObject({
      offered: 0,
      agentsStaffed: 3,
      hourlyRate: null,
    });
    expect(at('2026-06-01 10:30')).toMatchObject({ offered: 0, agentsStaffed: 3 });
    const support = await intervalHistory(
      ws().runner,
      { query: { filters: { queue: ['support'] } }, intervalMinutes: 15 },
      settings,
    );
    expect(support.rows.map((r) => [r.intervalStart, r.offered, r.agentsStaffed])).toEqual([
      ['2026-06-01 09:00', 0, 2],
      ['2026-06-01 09:15', 0, 2],
      ['2026-06-01 09:30', 1, null],
      ['2026-06-01 09:45', 1, null],
    ]);
  });
});

describe('intervalHistory by queue', () => {
  it('keeps queues apart, with agents on duty where every staffing row gives them', async () => {
    await insert(sample);
    await staffing([
      ['2026-06-01 07:00:00', 15, 'sales', 4, 30, 3],
      ['2026-06-01 07:15:00', 15, 'sales', 6, 30, 5],
      ['2026-06-01 07:00:00', 30, 'support', 2, 40],
    ]);
    const h = await intervalHistory(
      ws().runner,
      { query: { from: '2026-06-01', to: '2026-06-01' }, intervalMinutes: 30, byQueue: true },
      settings,
    );
    const pick = (r: IntervalHistoryRow) => [
      r.intervalStart,
      r.channel,
      r.queue,
      r.offered,
      r.agentsStaffed,
      r.agentsOnDuty,
    ];
    // Sales 09:00: a1–a3, b1, b2, f1 (o1 is outbound); on duty (3 × 15 + 5 × 15) / 30 = 4.
    expect(h.rows.map(pick)).toEqual([
      ['2026-06-01 09:00', 'voice', 'sales', 6, 5, 4],
      ['2026-06-01 09:00', 'voice', 'support', 0, 2, null],
      ['2026-06-01 09:30', 'voice', 'support', 2, null, null],
    ]);
    const pooled = await intervalHistory(
      ws().runner,
      { query: { from: '2026-06-01', to: '2026-06-01' }, intervalMinutes: 30 },
      settings,
    );
    // Pooled, one queue without on-duty figures leaves the interval's on-duty unknown.
    expect(pooled.rows.map(pick)).toEqual([
      ['2026-06-01 09:00', null, null, 6, 7, null],
      ['2026-06-01 09:30', null, null, 2, null, null],
    ]);
  });
});

/** One inbound answered contact every 10 minutes over [startUtc, endUtc). */
function every10Minutes(startUtc: string, endUtc: string): C[] {
  const out: C[] = [];
  const end = Date.parse(`${endUtc}Z`);
  for (let t = Date.parse(`${startUtc}Z`); t < end; t += 600_000) {
    const at = new Date(t).toISOString().replace('T', ' ').slice(0, 19);
    out.push({ id: `x${t}`, at, outcome: 'answered', wait: 5 });
  }
  return out;
}

const total = (rows: readonly IntervalHistoryRow[]) => rows.reduce((a, r) => a + r.offered, 0);

describe('intervalHistory on DST days (Europe/Amsterdam)', () => {
  it('2026-03-29 has 23 local hours: no 02:xx intervals and no contact lost', async () => {
    // Local day = 2026-03-28 23:00Z to 2026-03-29 22:00Z; clocks jump 02:00 → 03:00 at 01:00Z.
    const cs = every10Minutes('2026-03-28 22:00:00', '2026-03-29 23:00:00');
    await insert(cs);
    const q = { from: '2026-03-29', to: '2026-03-29' };
    const h = await intervalHistory(ws().runner, { query: q, intervalMinutes: 30 }, settings);
    expect(h.rows).toHaveLength(46);
    expect(h.rows.some((r) => r.slot.startsWith('02:'))).toBe(false);
    expect(total(h.rows)).toBe(23 * 6);
    const i = h.rows.findIndex((r) => r.slot === '01:30');
    expect(
      h.rows.slice(i, i + 2).map((r) => [r.intervalStart, r.utcOffsetMinutes, r.startUtc]),
    ).toEqual([
      ['2026-03-29 01:30', 60, '2026-03-29T00:30:00.000Z'],
      ['2026-03-29 03:00', 120, '2026-03-29T01:00:00.000Z'],
    ]);
    expect(h.rows.every((r) => r.offered === 3 && r.weekday === 7)).toBe(true);
  });

  it('2026-10-25 has 25 local hours: 02:00 twice, told apart by the UTC offset', async () => {
    const cs = every10Minutes('2026-10-24 21:00:00', '2026-10-25 23:30:00');
    await insert(cs);
    await staffing([
      ['2026-10-25 00:00:00', 30, 'sales', 5, null],
      ['2026-10-25 01:00:00', 30, 'sales', 8, null],
    ]);
    const q = { from: '2026-10-25', to: '2026-10-25' };
    const h = await intervalHistory(ws().runner, { query: q, intervalMinutes: 30 }, settings);
    expect(h.rows).toHaveLength(50);
    expect(total(h.rows)).toBe(25 * 6);
    const twice = h.rows.filter((r) => r.intervalStart === '2026-10-25 02:00');
    expect(twice.map((r) => [r.utcOffsetMinutes, r.startUtc, r.offered, r.agentsStaffed])).toEqual([
      [120, '2026-10-25T00:00:00.000Z', 3, 5],
      [60, '2026-10-25T01:00:00.000Z', 3, 8],
    ]);
    const utc = h.rows.map((r) => r.startUtc);
    expect([...utc].sort()).toEqual(utc);
  });
});

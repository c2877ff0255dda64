// Contact KPIs (SL in all seven variants, ASA, AHT, abandon rate) on real DuckDB, against
// numbers worked out by hand and a separate hand-written SQL query.

import { describe, expect, it } from 'vitest';
import { SL_VARIANTS } from '../metrics/settings.ts';
import { only, scalar, useMemoryWorkspace } from '../../test/helpers/memory-workspace.ts';
import { percentile } from '../metrics/math.ts';

const { ws } = useMemoryWorkspace();

/** Inserts `count` voice contacts with the given outcome and wait, offered on 2026-06-01. */
async function contacts(prefix: string, count: number, outcome: string, wait: number, extra = '') {
  await ws().runner.exec(`
    INSERT INTO contacts (contact_id, channel, offered_at, outcome, wait_s, talk_s, hold_s, acw_s, flow_reason)
    SELECT '${prefix}' || i, 'voice', TIMESTAMPTZ '2026-06-01 08:00:00+00' + i * INTERVAL 1 SECOND, '${outcome}', ${wait},
           ${outcome === 'answered' ? 300 : 'NULL'}, ${outcome === 'answered' ? 30 : 'NULL'}, ${outcome === 'answered' ? 60 : 'NULL'},
           ${outcome === 'flowed_out' ? "'callback'" : 'NULL'} ${extra}
    FROM range(${count}) t(i)`);
}

describe('service level: the worked example 8,400 / (10,000 − 500) = 88.4 %', () => {
  it('comes out exactly with the default variant and reports what it excluded', async () => {
    await contacts('a', 8400, 'answered', 10);
    await contacts('b', 1100, 'answered', 45);
    await contacts('s', 500, 'abandoned', 2);
    const row = await only(ws(), { kpis: ['service_level'] });
    expect(row.value).toBeCloseTo((8400 / 9500) * 100, 10);
    expect(row.value?.toFixed(1)).toBe('88.4');
    expect(row).toMatchObject({
      numerator: 8400,
      denominator: 9500,
      n: 9500,
      variant: 'offered-minus-short-abandons',
    });
    expect(row.excluded).toEqual({ short_abandons: 500 });
    expect(row.counts['offered']).toBe(10000);
  });
});

describe('service level: all seven variants from one data set', () => {
  // A = 8,800 (8,300 at 10 s, 100 at exactly 20 s, 400 at 45 s); Ab = 1,000 (500 at 2 s,
  // 200 at 15 s, 300 at 40 s); F = 200 (callback at 60 s). Offered = 10,000.
  // A≤T = 8,400, Ab≤T = 700, Ab>T = 300, Ab<S = 500.
  const expected: Record<(typeof SL_VARIANTS)[number], [number, number]> = {
    'answered-only': [8400, 8800],
    'abandons-negative': [8400, 9800],
    'offered-minus-short-abandons': [8400, 9500],
    'short-abandons-excluded': [8400, 9300],
    'abandons-before-t-ignored': [8400, 9100],
    'abandons-positive': [9100, 9800],
    'flow-outs-included': [8400, 10000],
  };

  async function seed() {
    await contacts('a', 8300, 'answered', 10);
    await contacts('t', 100, 'answered', 20);
    await contacts('l', 400, 'answered', 45);
    await contacts('s', 500, 'abandoned', 2);
    await contacts('m', 200, 'abandoned', 15);
    await contacts('x', 300, 'abandoned', 40);
    await contacts('f', 200, 'flowed_out', 60);
  }

  for (const variant of SL_VARIANTS) {
    it(`${variant}`, async () => {
      await seed();
      const [num, den] = expected[variant];
      const row = await only(ws(), { kpis: ['service_level'] }, { service_level: { variant } });
      expect(row.numerator).toBe(num);
      expect(row.denominator).toBe(den);
      expect(row.value).toBeCloseTo((num / den) * 100, 10);
      expect(row.variant).toBe(variant);
    });
  }

  it('"within T" as < T moves the contacts answered at exactly T out', async () => {
    await seed();
    const row = await only(ws(), { kpis: ['service_level'] }, { service_level: { within: '<' } });
    expect(row.numerator).toBe(8300);
    expect(row.settings['within']).toBe('<');
  });

  it('the short-abandon threshold S is a setting (S = 20 s makes 700 abandons short)', async () => {
    await seed();
    const row = await only(
      ws(),
      { kpis: ['service_level'] },
      { service_level: { short_abandon_s: 20 } },
    );
    expect(row.denominator).toBe(10000 - 700);
    expect(row.excluded).toEqual({ short_abandons: 700 });
  });

  it('per-channel thresholds: chat judged at 60 s', async () => {
    await seed();
    await ws().runner.exec(`UPDATE contacts SET channel = 'chat' WHERE contact_id LIKE 'l%'`);
    const row = await only(
      ws(),
      { kpis: ['service_level'], filters: { channel: ['chat'] } },
      {
        service_level: { threshold_s_by_channel: { chat: 60 } },
      },
    );
    expect(row).toMatchObject({ numerator: 400, denominator: 400, value: 100 });
  });

  it('agrees with a hand-written SQL query', async () => {
    await seed();
    const handWritten = await scalar(
      ws(),
      `SELECT 100.0 * count(*) FILTER (WHERE outcome = 'answered' AND wait_s <= 20)
              / (count(*) - count(*) FILTER (WHERE outcome = 'abandoned' AND wait_s < 5)) FROM contacts`,
    );
    const row = await only(ws(), { kpis: ['service_level'] });
    expect(row.value).toBeCloseTo(handWritten, 10);
  });
});

describe('ASA, AHT and abandon rate', () => {
  it('AHT: 75,000 handled minutes over 10,000 calls = 7.5 min, with exact percentiles', async () => {
    await ws().runner.exec(`
      INSERT INTO contacts (contact_id, channel, offered_at, outcome, wait_s, talk_s, hold_s, acw_s)
      SELECT 'c' || i, 'voice', TIMESTAMPTZ '2026-06-01 08:00:00+00', 'answered', 5,
             CASE WHEN i < 5000 THEN 260 ELSE 520 END, 20, 40 FROM range(10000) t(i)`);
    const row = await only(ws(), { kpis: ['aht'] });
    expect(row.value).toBe(450);
    expect((row.value ?? 0) / 60).toBe(7.5);
    expect(row.n).toBe(10000);
    // 5,000 × 320 s and 5,000 × 580 s: type-7 median interpolates halfway.
    expect(row.percentiles).toEqual({ p50: 450, p90: 580, p95: 580 });
    expect(row.parts).toEqual({ talk_s: 390, hold_s: 20, acw_s: 40 });
  });

  it('ASA over answered contacts, and the all-offered variant, with p50/p90/p95', async () => {
    const waits = [3, 8, 15, 21, 34, 55, 89];
    for (const [i, w] of waits.entries()) await contacts(`a${i}-`, 1, 'answered', w);
    await contacts('ab', 2, 'abandoned', 100);
    const row = await only(ws(), { kpis: ['asa'] });
    expect(row.value).toBeCloseTo(waits.reduce((a, b) => a + b) / waits.length, 12);
    expect(row.n).toBe(7);
    expect(row.percentiles?.p50).toBeCloseTo(percentile(waits, 0.5) ?? NaN, 12);
    expect(row.percentiles?.p90).toBeCloseTo(percentile(waits, 0.9) ?? NaN, 12);
    expect(row.percentiles?.p95).toBeCloseTo(percentile(waits, 0.95) ?? NaN, 12);
    const all = await only(ws(), { kpis: ['asa'] }, { asa: { variant: 'all-offered' } });
    expect(all.value).toBeCloseTo((waits.reduce((a, b) => a + b) + 200) / 9, 12);
    expect(all.n).toBe(9);
  });

  it('ASA: a blank wait is unknown, not 0 s — left out and counted in excluded, in both variants', async () => {
    // Answered waits 10, 20, blank; abandoned waits 40, blank, blank.
    await ws().runner.exec(`
      INSERT INTO contacts (contact_id, channel, offered_at, outcome, wait_s) VALUES
        ('a1', 'voice', '2026-06-01 08:00:00+00', 'answered', 10),
        ('a2', 'voice', '2026-06-01 08:01:00+00', 'answered', 20),
        ('a3', 'voice', '2026-06-01 08:02:00+00', 'answered', NULL),
        ('b1', 'voice', '2026-06-01 08:03:00+00', 'abandoned', 40),
        ('b2', 'voice', '2026-06-01 08:04:00+00', 'abandoned', NULL),
        ('b3', 'voice', '2026-06-01 08:05:00+00', 'abandoned', NULL)`);
    const row = await only(ws(), { kpis: ['asa'] });
    expect(row).toMatchObject({ value: 15, numerator: 30, denominator: 2, n: 2 });
    expect(row.excluded).toEqual({ unknown_wait: 1 });
    expect(row.percentiles?.p50).toBe(15);
    // SQL's avg skips NULLs: the same figure written by hand.
    const byHand = await scalar(
      ws(),
      `SELECT avg(wait_s) FROM contacts WHERE outcome = 'answered'`,
    );
    expect(row.value).toBe(byHand);
    const all = await only(ws(), { kpis: ['asa'] }, { asa: { variant: 'all-offered' } });
    expect(all).toMatchObject({ numerator: 70, denominator: 3, n: 3 });
    expect(all.value).toBeCloseTo(70 / 3, 12);
    expect(all.excluded).toEqual({ unknown_wait: 3 });
  });

  it('AHT: a handled contact with no talk, hold or wrap-up known is left out; a blank part next to a known one is 0 s', async () => {
    // h1 300 + 30 + 60 = 390 s; h2 talk 200, hold and wrap-up blank = 200 s; h3 all blank (an
    // e-mail without times) is not a 0-second contact.
    await ws().runner.exec(`
      INSERT INTO contacts (contact_id, channel, offered_at, outcome, talk_s, hold_s, acw_s) VALUES
        ('h1', 'voice', '2026-06-01 08:00:00+00', 'answered', 300, 30, 60),
        ('h2', 'voice', '2026-06-01 08:01:00+00', 'answered', 200, NULL, NULL),
        ('h3', 'email', '2026-06-01 08:02:00+00', 'answered', NULL, NULL, NULL)`);
    const row = await only(ws(), { kpis: ['aht'] });
    expect(row).toMatchObject({ value: 295, numerator: 590, denominator: 2, n: 2 });
    expect(row.excluded).toEqual({ no_handle_time: 1 });
    expect(row.parts).toEqual({ talk_s: 250, hold_s: 15, acw_s: 30 });
    const email = await only(ws(), { kpis: ['aht'], filters: { channel: ['email'] } });
    expect(email).toMatchObject({ value: null, n: 0, excluded: { no_handle_time: 1 } });
  });

  it('abandon rate excludes fast abandons from numerator and denominator', async () => {
    await contacts('a', 90, 'answered', 10);
    await contacts('s', 4, 'abandoned', 1);
    await contacts('l', 6, 'abandoned', 30);
    const row = await only(ws(), { kpis: ['abandon_rate'] });
    expect(row).toMatchObject({ numerator: 6, denominator: 96, n: 96 });
    expect(row.value).toBeCloseTo(6.25, 12);
  });

  it('a KPI with a zero denominator has no value (null), not 0 or NaN', async () => {
    const row = await only(ws(), { kpis: ['service_level'] });
    expect(row.value).toBeNull();
    expect(row.n).toBe(0);
  });
});

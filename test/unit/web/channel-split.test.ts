// The dashboard's pure helpers: which figure a contact KPI leads with (voice, or SL of all
// channels), the worst rating of a tile, period labels with and without a UTC offset, heatmap
// colours on either side of the target, and the staffing response's percent unit.

import { describe, expect, it } from 'vitest';
import type { KpiRow } from '../../../src/engine/result.ts';
import { headlineOf, worstStatus } from '../../../web/src/api/channel-split.ts';
import { matches } from '../../../web/src/api/rows.ts';
import { percentFactor, staffingRows } from '../../../web/src/api/staffing.ts';
import type { KpiResponse } from '../../../web/src/api/types.ts';
import { isGood, targetColor } from '../../../web/src/charts/color-scale.ts';

type Status = KpiRow['rating']['status'];

function row(
  kpi: KpiRow['kpi'],
  keys: KpiRow['keys'],
  value: number,
  n: number,
  status: Status = null,
): KpiRow {
  return {
    kpi,
    keys,
    scale: null,
    value,
    numerator: null,
    denominator: null,
    n,
    excluded: {},
    counts: {},
    ci_low: null,
    ci_high: null,
    percentiles: null,
    parts: null,
    unit: kpi === 'asa' ? 'seconds' : 'percent',
    variant: '',
    formula: '',
    settings: {},
    rating: { band: null, bandSource: null, target: null, targetMet: null, status },
    warnings: [],
  };
}

const response = (rows: KpiRow[]): KpiResponse => ({
  engine: 'duckdb',
  period: { from: '2026-05-24', to: '2026-05-30', timezone: 'Europe/Amsterdam' },
  rows,
  warnings: [],
});

const totals = response([
  row('asa', {}, 16_659, 32_720),
  row('service_level', {}, 83.9, 34_507, 'green'),
]);
const split = response([
  row('asa', { channel: 'email' }, 75_507, 7_196),
  row('asa', { channel: 'voice' }, 15, 9_824, 'green'),
  row('asa', { channel: 'chat' }, 10, 8_258),
  row('service_level', { channel: 'voice' }, 74.2, 10_801, 'amber'),
  row('service_level', { channel: 'chat' }, 88.8, 8_699, 'green'),
]);

describe('headlineOf', () => {
  it('leads ASA with voice, never the all-channel blend, and lists live channels first', () => {
    const h = headlineOf('asa', totals, split);
    expect(h.scope).toBe('channel');
    expect(h.row?.value).toBe(15);
    expect(h.group).toEqual({ channel: 'voice' });
    expect(h.channels.map((r) => r.keys['channel'])).toEqual(['voice', 'chat', 'email']);
  });

  it('leads SL with all channels (each against its own T), and the tile takes the worst rating', () => {
    const h = headlineOf('service_level', totals, split);
    expect(h.scope).toBe('blend');
    expect(h.row?.value).toBe(83.9);
    expect(h.row?.rating.status).toBe('green');
    expect(worstStatus(h)).toBe('amber');
  });

  it('with one channel (a filter) shows that channel alone, and other KPIs their totals', () => {
    const voice = response([row('asa', { channel: 'chat' }, 10, 8_258)]);
    expect(headlineOf('asa', totals, voice)).toMatchObject({
      scope: 'channel',
      channel: 'chat',
      channels: [],
    });
    expect(headlineOf('nps', totals, split).scope).toBe('total');
  });
});

describe('matches on period labels', () => {
  const hour = row('asa', { period: '2026-10-25 02:00+01:00' }, 10, 3);
  it('a local label matches every bucket at that local time; two offsets must be equal', () => {
    expect(matches(hour, 'asa', { period: '2026-10-25 02:00' })).toBe(true);
    expect(matches(hour, 'asa', { period: '2026-10-25 02:00+01:00' })).toBe(true);
    expect(matches(hour, 'asa', { period: '2026-10-25 02:00+02:00' })).toBe(false);
    expect(
      matches(row('asa', { period: '2026-05-28' }, 1, 1), 'asa', { period: '2026-05-28' }),
    ).toBe(true);
  });
});

describe('heatmap colours', () => {
  const sl = { mid: 80, lo: 50, hi: 100, lowIsGood: false };
  const asa = { mid: 30, lo: 0, hi: 90, lowIsGood: true };
  it('are blue at or beyond the target and red short of it, darker the further off', () => {
    expect(isGood(80, sl)).toBe(true);
    expect(isGood(79.9, sl)).toBe(false);
    expect(isGood(30, asa)).toBe(true);
    expect(isGood(31, asa)).toBe(false);
    expect(targetColor(50, sl)).toBe('rgb(178,24,43)');
    expect(targetColor(100, sl)).toBe('rgb(33,102,172)');
    expect(targetColor(0, asa)).toBe('rgb(33,102,172)');
  });
});

describe('staffing units', () => {
  it('reads predicted SL in percent whether the server sends percent or fractions', () => {
    const fraction = {
      rows: [{ predictedServiceLevel: 0.84 }],
      target: { sl: 0.8, thresholdSeconds: 20 },
    };
    const percent = {
      rows: [{ predictedServiceLevel: 84 }],
      target: { sl: 80, thresholdSeconds: 20 },
    };
    expect(staffingRows(fraction.rows, percentFactor(fraction))[0]?.predictedSl).toBeCloseTo(84);
    expect(staffingRows(percent.rows, percentFactor(percent))[0]?.predictedSl).toBe(84);
  });
});

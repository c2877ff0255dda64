// Period presets counted by hand from calendar facts: weeks from Monday (KPIS.md), months and
// quarters across a year boundary, a leap-year February, and the anchor rule for old data.

import { describe, expect, it } from 'vitest';
import { anchorDay, PRESETS, presetRange } from '../../../web/src/state/period-presets.ts';

const all = (anchor: string) => Object.fromEntries(PRESETS.map((p) => [p, presetRange(p, anchor)]));

describe('presetRange', () => {
  it('counts every preset back from a Wednesday in mid-quarter (2026-05-13)', () => {
    expect(all('2026-05-13')).toEqual({
      today: { from: '2026-05-13', to: '2026-05-13' },
      yesterday: { from: '2026-05-12', to: '2026-05-12' },
      'last-7-days': { from: '2026-05-07', to: '2026-05-13' },
      'this-week': { from: '2026-05-11', to: '2026-05-13' }, // Monday 11 May
      'last-week': { from: '2026-05-04', to: '2026-05-10' },
      'this-month': { from: '2026-05-01', to: '2026-05-13' },
      'last-month': { from: '2026-04-01', to: '2026-04-30' },
      'this-quarter': { from: '2026-04-01', to: '2026-05-13' },
      'last-quarter': { from: '2026-01-01', to: '2026-03-31' },
      custom: null,
    });
  });

  it('crosses the year boundary on 2 January 2027 (a Saturday)', () => {
    expect(all('2027-01-02')).toMatchObject({
      yesterday: { from: '2027-01-01', to: '2027-01-01' },
      'last-7-days': { from: '2026-12-27', to: '2027-01-02' },
      'this-week': { from: '2026-12-28', to: '2027-01-02' }, // Monday 28 December
      'last-week': { from: '2026-12-21', to: '2026-12-27' },
      'this-month': { from: '2027-01-01', to: '2027-01-02' },
      'last-month': { from: '2026-12-01', to: '2026-12-31' },
      'this-quarter': { from: '2027-01-01', to: '2027-01-02' },
      'last-quarter': { from: '2026-10-01', to: '2026-12-31' },
    });
  });

  it('takes a Sunday as the last day of its week, and knows leap-year February', () => {
    expect(presetRange('this-week', '2028-03-05')).toEqual({
      from: '2028-02-28',
      to: '2028-03-05',
    });
    expect(presetRange('last-week', '2028-03-05')).toEqual({
      from: '2028-02-21',
      to: '2028-02-27',
    });
    expect(presetRange('last-month', '2028-03-05')).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(presetRange('last-month', '2027-03-31')).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
    expect(presetRange('this-week', '2026-05-11')).toEqual({
      from: '2026-05-11',
      to: '2026-05-11',
    });
  });
});

describe('anchorDay', () => {
  it('is today inside the data, else the data’s last day', () => {
    expect(anchorDay('2026-05-13', '2026-03-02', '2026-05-30')).toBe('2026-05-13');
    expect(anchorDay('2026-12-04', '2026-03-02', '2026-05-30')).toBe('2026-05-30'); // data ended
    expect(anchorDay('2026-01-10', '2026-03-02', '2026-05-30')).toBe('2026-05-30'); // demo in the future
    expect(anchorDay('2026-12-04', null, null)).toBe('2026-12-04'); // no data
  });
});

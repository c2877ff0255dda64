// Local days in a DST zone: 23 and 25 hours at the switches, midnight mapped to the right instant.

import { describe, expect, it } from 'vitest';
import { addDays, localToUtc, offsetMs, weekdayOf } from './local-time.ts';

const AMS = 'Europe/Amsterdam';
const hours = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = addDays(date, 1).split('-').map(Number) as [number, number, number];
  return (localToUtc(AMS, ...next) - localToUtc(AMS, y, m, d)) / 3_600_000;
};

describe('local time', () => {
  it('maps local midnight to UTC in winter and summer', () => {
    expect(new Date(localToUtc(AMS, 2026, 1, 15)).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(new Date(localToUtc(AMS, 2026, 7, 1)).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(offsetMs(AMS, Date.UTC(2026, 6, 1, 12))).toBe(2 * 3_600_000);
  });

  it('gives the DST switch days 23 and 25 hours', () => {
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-10-26')).toBe(24);
  });

  it('moves a wall time inside the spring gap forward', () => {
    const t = localToUtc(AMS, 2026, 3, 29, 150); // 02:30 does not exist that night
    expect(new Date(t).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  });

  it('counts weekdays from Monday', () => {
    expect(weekdayOf('2026-03-02')).toBe(0);
    expect(weekdayOf('2026-03-08')).toBe(6);
  });
});

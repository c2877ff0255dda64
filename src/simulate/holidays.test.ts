// Dutch public holidays: Easter-based dates and the Sunday rule of Koningsdag.

import { describe, expect, it } from 'vitest';
import { dutchHolidays, easterSunday, holidaysBetween } from './holidays.ts';

describe('holidays', () => {
  it('computes Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });

  it('lists the Dutch holidays of 2026', () => {
    const byKey = Object.fromEntries(dutchHolidays(2026).map((h) => [h.key, h.date]));
    expect(byKey['goede-vrijdag']).toBe('2026-04-03');
    expect(byKey['tweede-paasdag']).toBe('2026-04-06');
    expect(byKey['koningsdag']).toBe('2026-04-27');
    expect(byKey['hemelvaartsdag']).toBe('2026-05-14');
    expect(byKey['tweede-pinksterdag']).toBe('2026-05-25');
  });

  it('moves Koningsdag to the 26th when the 27th is a Sunday', () => {
    expect(dutchHolidays(2025).find((h) => h.key === 'koningsdag')!.date).toBe('2025-04-26');
  });

  it('selects the holidays of a period', () => {
    expect([...holidaysBetween('nl', '2026-03-02', '2026-05-30').keys()]).toHaveLength(8);
    expect(holidaysBetween('none', '2026-01-01', '2026-12-31').size).toBe(0);
  });
});

// Public holiday calendars for scenarios: the Dutch national holidays, computed per year.
// Limits: only 'nl' (and 'none'); regional or company holidays go in the scenario's `extra` list.

import { addDays } from './local-time.ts';

export interface Holiday {
  /** Stable key, used by scenarios to say which holidays close the centre. */
  readonly key: string;
  readonly name: string;
  readonly date: string;
}

export const HOLIDAY_CALENDARS = ['nl', 'none'] as const;
export type HolidayCalendar = (typeof HOLIDAY_CALENDARS)[number];

/** Easter Sunday (Gregorian) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Dutch national holidays of one year (Koningsdag moves to the 26th when the 27th is a Sunday). */
export function dutchHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? 26 : 27;
  return [
    { key: 'nieuwjaarsdag', name: 'Nieuwjaarsdag', date: `${year}-01-01` },
    { key: 'goede-vrijdag', name: 'Goede Vrijdag', date: addDays(easter, -2) },
    { key: 'eerste-paasdag', name: 'Eerste Paasdag', date: easter },
    { key: 'tweede-paasdag', name: 'Tweede Paasdag', date: addDays(easter, 1) },
    { key: 'koningsdag', name: 'Koningsdag', date: `${year}-04-${pad(kingsDay)}` },
    { key: 'bevrijdingsdag', name: 'Bevrijdingsdag', date: `${year}-05-05` },
    { key: 'hemelvaartsdag', name: 'Hemelvaartsdag', date: addDays(easter, 39) },
    { key: 'eerste-pinksterdag', name: 'Eerste Pinksterdag', date: addDays(easter, 49) },
    { key: 'tweede-pinksterdag', name: 'Tweede Pinksterdag', date: addDays(easter, 50) },
    { key: 'eerste-kerstdag', name: 'Eerste Kerstdag', date: `${year}-12-25` },
    { key: 'tweede-kerstdag', name: 'Tweede Kerstdag', date: `${year}-12-26` },
  ];
}

/** Holidays of a calendar between two dates (inclusive), keyed by date. */
export function holidaysBetween(
  calendar: HolidayCalendar,
  from: string,
  to: string,
): Map<string, Holiday> {
  const out = new Map<string, Holiday>();
  if (calendar === 'none') return out;
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  for (let y = first; y <= last; y++) {
    for (const h of dutchHolidays(y)) if (h.date >= from && h.date <= to) out.set(h.date, h);
  }
  return out;
}

/** The holiday keys a calendar knows (the same every year). */
export function holidayKeys(calendar: HolidayCalendar): string[] {
  return calendar === 'nl' ? dutchHolidays(2000).map((h) => h.key) : [];
}

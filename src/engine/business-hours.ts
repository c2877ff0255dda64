// Business-hours time between two instants as SQL: the difference of a cumulative "open seconds
// since a fixed Monday" function, built from the dialect's local day number and second of day.
// Limits: windows are local wall-clock time (an hour skipped or repeated by DST inside a window
// counts as the clock shows it); a holiday closes the whole local day.

import type { BusinessHours } from '../metrics/expr.ts';
import type { Dialect } from './dialect.ts';

/** Keeps day numbers positive (dates after 1778) so that integer division rounds down. */
const SHIFT_DAYS = 7 * 10_000;
const DAY_MS = 86_400_000;

const seconds = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60;
};

/** Sorted, merged [start, end] second ranges of one weekday. */
export function dayWindows(hours: BusinessHours, isoWeekday: number): [number, number][] {
  const raw = (hours.week[String(isoWeekday)] ?? [])
    .map(([a, b]): [number, number] => [seconds(a), seconds(b)])
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const w of raw) {
    const last = out.at(-1);
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else out.push([w[0], w[1]]);
  }
  return out;
}

/** Day number (days since 1970-01-01) of a local date; its ISO weekday. */
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const isoWeekdayOf = (n: number) => ((((n + 3) % 7) + 7) % 7) + 1;

export function businessSecondsSql(
  from: string,
  to: string,
  hours: BusinessHours,
  d: Dialect,
): string {
  return `(${cumulativeSql(to, hours, d)} - ${cumulativeSql(from, hours, d)})`;
}

/** Open seconds from a fixed Monday up to `instant`. */
function cumulativeSql(instant: string, hours: BusinessHours, d: Dialect): string {
  const windows = [1, 2, 3, 4, 5, 6, 7].map((wd) => dayWindows(hours, wd));
  const daySeconds = windows.map((ws) => ws.reduce((t, [a, b]) => t + b - a, 0));
  const week = daySeconds.reduce((a, b) => a + b, 0);
  const local = d.localTime(instant, hours.timezone);
  const n = d.localDayNumber(local);
  const m = `(${n} + ${SHIFT_DAYS + 3})`; // days since a Monday: 1970-01-01 was a Thursday
  const weeks = d.intDiv(m, '7');
  const r = `(${m} - 7 * ${weeks})`; // 0 = Monday … 6 = Sunday
  const sod = d.secondsOfDay(local);
  let acc = 0;
  const prefix = daySeconds.map((s, i) => {
    const before = acc;
    acc += s;
    return `WHEN ${i} THEN ${before}`;
  });
  const today = windows.map((ws, i) => {
    const parts = ws.map(([a, b]) => `greatest(0, least(${sod}, ${b}) - ${a})`);
    return `WHEN ${i} THEN ${parts.length ? parts.join(' + ') : '0'}`;
  });
  const holidays = [...new Set(hours.holidays.map(dayNumber))].sort((a, b) => a - b);
  let closed = 0;
  const beforeHoliday = holidays.map((h) => {
    const branch = `WHEN ${n} <= ${h} THEN ${closed}`;
    closed += daySeconds[isoWeekdayOf(h) - 1] ?? 0;
    return branch;
  });
  const holidaysBefore = holidays.length
    ? `(CASE ${beforeHoliday.join(' ')} ELSE ${closed} END)`
    : '0';
  const partial = `(CASE ${r} ${today.join(' ')} ELSE 0 END)`;
  const open = holidays.length
    ? `(CASE WHEN ${n} IN (${holidays.join(', ')}) THEN 0 ELSE ${partial} END)`
    : partial;
  return `(${weeks} * ${week} + (CASE ${r} ${prefix.join(' ')} ELSE 0 END) - ${holidaysBefore} + ${open})`;
}

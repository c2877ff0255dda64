// The simulated days in local time: UTC bounds (23/24/25 h), intervals, holidays, and per channel
// the expected arrival rate and opening mask of every interval. Limits: piecewise-constant rates.

import { holidaysBetween } from './holidays.ts';
import type { Holiday } from './holidays.ts';
import { addDays, localToUtc, offsetMs, parseDate, weekdayOf } from './local-time.ts';
import type { SimModel } from './sim-model.ts';

export interface SimDay {
  readonly index: number;
  readonly date: string;
  /** Monday = 0 … Sunday = 6. */
  readonly weekday: number;
  /** Seconds since the start of the simulation (local midnight of the first day). */
  readonly start: number;
  readonly end: number;
  readonly intervals: number;
  /** Local minute of the day at the middle of each interval. */
  readonly localMid: Float64Array;
  readonly holiday: Holiday | null;
  readonly closed: boolean;
  /** Per channel: expected new contacts per second in each interval (before daily noise). */
  readonly rates: readonly Float64Array[];
  /** Per channel: 1 where the channel is open (staffed; live channels take arrivals only then). */
  readonly open: readonly Uint8Array[];
}

export interface SimCalendar {
  readonly days: readonly SimDay[];
  /** UTC epoch milliseconds of simulation time 0. */
  readonly originMs: number;
  readonly intervalSeconds: number;
  readonly end: number;
}

export function buildCalendar(model: SimModel): SimCalendar {
  const s = model.scenario;
  const tz = s.timezone;
  const intervalSeconds = s.interval_minutes * 60;
  const last = addDays(s.start, s.days - 1);
  const holidays = holidaysBetween(s.holidays.calendar, s.start, last);
  for (const h of s.holidays.extra)
    holidays.set(h.date, { key: h.date, name: h.name, date: h.date });
  const closedKeys = new Set([
    ...s.holidays.closed,
    ...s.holidays.extra.filter((h) => h.closed).map((h) => h.date),
  ]);
  const midnight = (date: string) => localToUtc(tz, ...parseDate(date));
  const originMs = midnight(s.start);
  const days: SimDay[] = [];
  for (let d = 0; d < s.days; d++) {
    const date = addDays(s.start, d);
    const startMs = midnight(date);
    const endMs = midnight(addDays(date, 1));
    const intervals = Math.round((endMs - startMs) / 1000 / intervalSeconds);
    const localMid = new Float64Array(intervals);
    const naiveMidnight = Date.UTC(...ymd(date));
    // One Intl lookup per day unless the offset changes during it (the DST switch days).
    const steady = offsetMs(tz, startMs) === offsetMs(tz, endMs - 1);
    const dayOffset = offsetMs(tz, startMs);
    for (let i = 0; i < intervals; i++) {
      const mid = startMs + (i + 0.5) * intervalSeconds * 1000;
      const off = steady ? dayOffset : offsetMs(tz, mid);
      localMid[i] = (mid + off - naiveMidnight) / 60_000;
    }
    const holiday = holidays.get(date) ?? null;
    const closed = holiday !== null && closedKeys.has(holiday.key);
    const day = { index: d, date, weekday: weekdayOf(date), holiday, closed, localMid, intervals };
    const profile = model.channels.map((ch) =>
      channelProfile(model, ch.index, day, intervalSeconds),
    );
    days.push({
      ...day,
      start: (startMs - originMs) / 1000,
      end: (endMs - originMs) / 1000,
      rates: profile.map((p) => p.rates),
      open: profile.map((p) => p.open),
    });
  }
  return { days, originMs, intervalSeconds, end: days[days.length - 1]!.end };
}

const ymd = (date: string): [number, number, number] => {
  const [y, m, d] = parseDate(date);
  return [y, m - 1, d];
};

type DayBase = Pick<
  SimDay,
  'index' | 'date' | 'weekday' | 'holiday' | 'closed' | 'localMid' | 'intervals'
>;

function channelProfile(
  model: SimModel,
  ch: number,
  day: DayBase,
  intervalSeconds: number,
): { rates: Float64Array; open: Uint8Array } {
  const c = model.channels[ch]!;
  const cfg = c.cfg;
  const hours = day.closed
    ? null
    : day.holiday
      ? cfg.open.holiday
      : day.weekday === 5
        ? cfg.open.saturday
        : day.weekday === 6
          ? cfg.open.sunday
          : cfg.open.weekday;
  const open = new Uint8Array(day.intervals);
  const rates = new Float64Array(day.intervals);
  const weights = new Float64Array(day.intervals);
  let total = 0;
  for (let i = 0; i < day.intervals; i++) {
    const m = day.localMid[i]!;
    open[i] = hours && m >= hours[0] && m < hours[1] ? 1 : 0;
    if (!c.backlog && !open[i]) continue;
    weights[i] = intraday(cfg.intraday, m);
    total += weights[i]!;
  }
  const live = !day.closed || c.backlog;
  const volume = live ? dayVolume(model, ch, day) : 0;
  if (total > 0 && volume > 0) {
    for (let i = 0; i < day.intervals; i++)
      rates[i] = (volume * weights[i]!) / total / intervalSeconds;
  }
  return { rates, open };
}

/** Expected new contacts of a channel on a day: base × weekday × trend × holiday × special. */
export function dayVolume(model: SimModel, ch: number, day: DayBase): number {
  const s = model.scenario;
  const c = model.channels[ch]!;
  const t = s.trend;
  const months = day.index / 30.4375;
  const [y, m, d] = ymd(day.date);
  const doy = (Date.UTC(y, m, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
  let v =
    c.cfg.daily_volume *
    model.scale *
    c.cfg.weekday[day.weekday]! *
    Math.pow(1 + t.growth_per_month, months) *
    (1 + t.seasonal_amplitude * Math.cos((2 * Math.PI * (doy - t.seasonal_peak_day)) / 365.25));
  if (day.holiday) v *= c.cfg.holiday_volume_factor;
  for (const sd of s.special_days) {
    if (sd.date === day.date && (sd.channels.length === 0 || sd.channels.includes(c.name))) {
      v *= sd.factor;
    }
  }
  return v;
}

/** Hourly weights interpolated linearly between hour midpoints (cyclic over the day). */
function intraday(hourly: readonly number[], minute: number): number {
  const x = minute / 60 - 0.5;
  const i0 = Math.floor(x);
  const f = x - i0;
  const a = hourly[(i0 + 24) % 24]!;
  const b = hourly[(i0 + 25) % 24]!;
  return a + (b - a) * f;
}

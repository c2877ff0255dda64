// Period presets (today … last quarter, custom) as local days, counted back from an anchor day:
// today, or the data's last day when the data is older. Weeks start on Monday (KPIS.md).
// Limits: pure date arithmetic on 'YYYY-MM-DD' strings; no time of day.

import { addDays, parseDay, toDay } from '../format/dates.ts';

export const PRESETS = [
  'today',
  'yesterday',
  'last-7-days',
  'this-week',
  'last-week',
  'this-month',
  'last-month',
  'this-quarter',
  'last-quarter',
  'custom',
] as const;
export type Preset = (typeof PRESETS)[number];
export const DEFAULT_PRESET: Preset = 'last-7-days';

export interface DayRange {
  readonly from: string;
  readonly to: string;
}

export const isPreset = (v: string | null): v is Preset =>
  v !== null && (PRESETS as readonly string[]).includes(v);

function monday(day: string): string {
  const dow = (parseDay(day).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}

function monthStart(day: string, back = 0): string {
  const d = parseDay(day);
  return toDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)));
}

function quarterStart(day: string, back = 0): string {
  const d = parseDay(day);
  const q = Math.floor(d.getUTCMonth() / 3) - back;
  return toDay(new Date(Date.UTC(d.getUTCFullYear(), q * 3, 1)));
}

/** The days a preset covers, counted from `anchor`; `custom` returns null. */
export function presetRange(preset: Preset, anchor: string): DayRange | null {
  switch (preset) {
    case 'today':
      return { from: anchor, to: anchor };
    case 'yesterday':
      return { from: addDays(anchor, -1), to: addDays(anchor, -1) };
    case 'last-7-days':
      return { from: addDays(anchor, -6), to: anchor };
    case 'this-week':
      return { from: monday(anchor), to: anchor };
    case 'last-week':
      return { from: addDays(monday(anchor), -7), to: addDays(monday(anchor), -1) };
    case 'this-month':
      return { from: monthStart(anchor), to: anchor };
    case 'last-month':
      return { from: monthStart(anchor, 1), to: addDays(monthStart(anchor), -1) };
    case 'this-quarter':
      return { from: quarterStart(anchor), to: anchor };
    case 'last-quarter':
      return { from: quarterStart(anchor, 1), to: addDays(quarterStart(anchor), -1) };
    case 'custom':
      return null;
  }
}

/**
 * Presets count back from today, or from the data's last day when today lies outside the data
 * (data that ended earlier, or a demo dated in the future).
 */
export function anchorDay(today: string, first: string | null, last: string | null): string {
  if (last === null) return today;
  return last < today || (first !== null && today < first) ? last : today;
}

// Local calendar days ('YYYY-MM-DD') as the API uses them: arithmetic and locale display.
// Limits: days are handled as UTC dates so no browser time zone shifts them.

import type { Lang } from '../api/types.ts';
import { localeOf } from './format.ts';

export const parseDay = (d: string): Date => new Date(`${d.slice(0, 10)}T00:00:00Z`);
export const toDay = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + n);
  return toDay(d);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000);
}

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function df(lang: Lang, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(opts);
  let f = fmtCache.get(key);
  if (!f)
    fmtCache.set(key, (f = new Intl.DateTimeFormat(localeOf(lang), { ...opts, timeZone: 'UTC' })));
  return f;
}

/** "14 Mar 2026" in the locale. */
export const formatDay = (lang: Lang, day: string | null): string =>
  day ? df(lang, { day: 'numeric', month: 'short', year: 'numeric' }).format(parseDay(day)) : '—';

/** "14 Mar" in the locale; with a time part ('YYYY-MM-DD HH:MM') "14 Mar 09:30". */
export function formatBucket(lang: Lang, key: string): string {
  const day = df(lang, { day: 'numeric', month: 'short' }).format(parseDay(key));
  return key.length > 10 ? `${day} ${key.slice(11, 16)}` : day;
}

/** Today's date in a time zone, as 'YYYY-MM-DD'. */
export function todayIn(timeZone: string, now = new Date()): string {
  const opts = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
  try {
    return new Intl.DateTimeFormat('en-CA', { ...opts, timeZone }).format(now);
  } catch {
    return toDay(now);
  }
}

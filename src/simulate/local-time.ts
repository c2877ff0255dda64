// Local wall-clock time ↔ UTC for an IANA zone through Intl, for day boundaries and profiles.
// Limits: one Intl lookup per offset; an ambiguous wall time may map to either occurrence.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of local time from UTC at instant `utcMs`, in milliseconds (Amsterdam summer: +2 h). */
export function offsetMs(timeZone: string, utcMs: number): number {
  const parts = formatter(timeZone).formatToParts(new Date(utcMs));
  const v: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') v[p.type] = Number(p.value);
  const local = Date.UTC(
    v['year']!,
    v['month']! - 1,
    v['day']!,
    v['hour']!,
    v['minute']!,
    v['second']!,
  );
  return local - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** The UTC instant of a local wall-clock time; a time skipped by DST moves forward by the gap. */
export function localToUtc(timeZone: string, y: number, m: number, d: number, minute = 0): number {
  const wall = Date.UTC(y, m - 1, d) + minute * 60_000;
  const first = wall - offsetMs(timeZone, wall);
  const second = wall - offsetMs(timeZone, first);
  if (second === first) return first;
  // The two guesses disagree across a transition: take the one that maps back to `wall`.
  return first + offsetMs(timeZone, first) === wall ? first : second;
}

/** 'YYYY-MM-DD' → [year, month, day]. */
export function parseDate(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

/** The calendar date `days` after `date`, as 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Day of the week, Monday = 0 … Sunday = 6. */
export function weekdayOf(date: string): number {
  const [y, m, d] = parseDate(date);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

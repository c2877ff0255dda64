// Agents on duty per interval and queue: present (not absent) and not on a break, averaged over
// the interval. Limits: agents finish a contact before a break, which this does not count.

import type { SimCalendar } from './calendar.ts';
import type { Person, Shift } from './plan.ts';

/** onDuty[day][queue][interval]: mean agents on duty over the interval. */
export function onDutyAgents(
  cal: SimCalendar,
  queues: number,
  people: readonly Person[],
  shifts: readonly (readonly Shift[])[],
): Float64Array[][] {
  const len = cal.intervalSeconds;
  return cal.days.map((day, d) => {
    const out = Array.from({ length: queues }, () => new Float64Array(day.intervals));
    for (const s of shifts[d]!) {
      if (s.absent) continue;
      const row = out[people[s.person]!.queue]!;
      add(row, day.start, len, s.start, s.end, 1);
      for (let b = 0; b < s.breaks.length; b += 2) {
        add(row, day.start, len, s.breaks[b]!, s.breaks[b + 1]!, -1);
      }
    }
    return out;
  });
}

/** Adds `sign` × the share of each interval that [from, to) covers. */
function add(
  row: Float64Array,
  dayStart: number,
  len: number,
  from: number,
  to: number,
  sign: number,
): void {
  const first = Math.max(0, Math.floor((from - dayStart) / len));
  const last = Math.min(row.length - 1, Math.ceil((to - dayStart) / len) - 1);
  for (let i = first; i <= last; i++) {
    const a = Math.max(from, dayStart + i * len);
    const b = Math.min(to, dayStart + (i + 1) * len);
    if (b > a) row[i]! += (sign * (b - a)) / len;
  }
}

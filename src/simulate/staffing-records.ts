// The staffing plan as canonical `staffing` records, written through the import write path like
// every other entity: per day, queue and interval the agents scheduled (paid, breaks and absence
// included) and the agents on duty (present, not on a break). Pure.

import type { CanonicalRecord } from '../ingest/index.ts';
import type { SimCalendar } from './calendar.ts';
import type { StaffingPlan } from './plan.ts';
import type { SimModel } from './sim-model.ts';

export function staffingRecords(
  model: SimModel,
  cal: SimCalendar,
  plan: StaffingPlan,
): CanonicalRecord[] {
  const out: CanonicalRecord[] = [];
  const minutes = model.scenario.interval_minutes;
  cal.days.forEach((day, d) => {
    model.queues.forEach((q, qi) => {
      const staffed = plan.staffed[d]![qi]!;
      const onDuty = plan.onDuty[d]![qi]!;
      for (let i = 0; i < day.intervals; i++) {
        const ms = cal.originMs + (day.start + i * cal.intervalSeconds) * 1000;
        out.push({
          interval_start: new Date(Math.round(ms)),
          interval_minutes: minutes,
          channel: model.channels[q.channel]!.name,
          queue: q.name,
          agents_staffed: staffed[i]!,
          hourly_rate: q.cfg.hourly_rate,
          // Rounded to 1e-9: the break overlaps are sums of fractions of an interval.
          agents_on_duty: Math.round(onDuty[i]! * 1e9) / 1e9,
        });
      }
    });
  });
  return out;
}

// Daily cost per channel from the staffing plan: scheduled hours × hourly rate + fixed cost.
// Limits: planned (paid) hours, so absent agents still cost money; team is left empty.

import type { CanonicalRecord } from '../ingest/index.ts';
import type { SimCalendar } from './calendar.ts';
import type { StaffingPlan } from './plan.ts';
import type { SimModel } from './sim-model.ts';

export function costRecords(
  model: SimModel,
  cal: SimCalendar,
  plan: StaffingPlan,
): CanonicalRecord[] {
  const out: CanonicalRecord[] = [];
  const hours = cal.intervalSeconds / 3600;
  cal.days.forEach((day, d) => {
    model.channels.forEach((ch) => {
      let amount = ch.cfg.fixed_cost_per_day * model.scale;
      model.queues.forEach((q, qi) => {
        if (q.channel !== ch.index) return;
        const staffed = plan.staffed[d]![qi]!;
        let agentHours = 0;
        for (let i = 0; i < staffed.length; i++) agentHours += staffed[i]! * hours;
        amount += agentHours * q.cfg.hourly_rate;
      });
      out.push({
        period_start: day.date,
        period_end: day.date,
        channel: ch.name,
        team: '',
        amount: Math.round(amount * 100) / 100,
        currency: model.scenario.currency,
      });
    });
  });
  return out;
}

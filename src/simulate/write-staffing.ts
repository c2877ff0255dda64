// Writes the staffing plan with the DuckDB appender: per interval and queue the agents scheduled
// (paid, breaks and absence included) and the agents on duty (present, not on a break).
// Limits: replaces rows of the same queues and period; not an imported entity (no import log).

import { DuckDBTimestampTZValue } from '@duckdb/node-api';
import type { Workspace } from '../workspace/workspace.ts';
import type { SimCalendar } from './calendar.ts';
import type { StaffingPlan } from './plan.ts';
import type { SimModel } from './sim-model.ts';

/** Rows written: one per day, queue and interval. */
export async function writeStaffing(
  ws: Workspace,
  model: SimModel,
  cal: SimCalendar,
  plan: StaffingPlan,
): Promise<number> {
  const lit = ws.runner.dialect.literal;
  const queues = model.queues.map((q) => lit(q.name)).join(', ');
  const from = new Date(cal.originMs).toISOString();
  const to = new Date(cal.originMs + cal.end * 1000).toISOString();
  await ws.runner.exec(
    `DELETE FROM staffing WHERE queue IN (${queues}) AND interval_start >= '${from}' AND interval_start < '${to}'`,
  );
  const appender = await ws.runner.connection.createAppender('staffing');
  let rows = 0;
  const minutes = model.scenario.interval_minutes;
  try {
    cal.days.forEach((day, d) => {
      model.queues.forEach((q, qi) => {
        const staffed = plan.staffed[d]![qi]!;
        const onDuty = plan.onDuty[d]![qi]!;
        for (let i = 0; i < day.intervals; i++) {
          const ms = cal.originMs + (day.start + i * cal.intervalSeconds) * 1000;
          appender.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt(Math.round(ms)) * 1000n));
          appender.appendInteger(minutes);
          appender.appendVarchar(model.channels[q.channel]!.name);
          appender.appendVarchar(q.name);
          appender.appendDouble(staffed[i]!);
          appender.appendDouble(q.cfg.hourly_rate);
          // Rounded to 1e-9: the break overlaps are sums of fractions of an interval.
          appender.appendDouble(Math.round(onDuty[i]! * 1e9) / 1e9);
          appender.endRow();
          rows++;
        }
      });
    });
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return rows;
}

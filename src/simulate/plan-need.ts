// Agents needed per interval and queue, before shifts: Erlang C for live queues, the day's
// workload, or a backlog answered within its response-time target. Scheduled (paid) agents =
// agents on duty / (1 − planned shrinkage). Limits: forecasts are the expected volumes.

import { agentsForTarget, backlogNeed, scheduledAgents } from '../staffing/index.ts';
import type { SimCalendar, SimDay } from './calendar.ts';
import type { SimModel, SimQueue } from './sim-model.ts';

/** Share of a shift's paid time spent on breaks. */
export function breakShare(model: SimModel): number {
  const sh = model.scenario.shifts;
  const minutes = sh.breaks.reduce((s, b) => s + b.minutes, 0);
  return Math.min(0.9, minutes / (sh.length_h * 60));
}

/**
 * Paid time not on duty that the planner adds on top of the agents needed: breaks, and shifts
 * nobody shows up for (absenteeism), 1 − (1 − breaks)(1 − absenteeism).
 */
export function plannedShrinkage(model: SimModel): number {
  return 1 - (1 - breakShare(model)) * (1 - model.scenario.agents.absenteeism);
}

/** Erlang C agents per open interval for the queue's SL target (memoised by volume). */
export function erlangNeed(
  model: SimModel,
  cal: SimCalendar,
  q: SimQueue,
  day: SimDay,
  need: Float64Array,
  memo: Map<number, number>,
): void {
  const cfg = q.cfg.staffing;
  if (cfg.mode !== 'erlang-c') return;
  const open = day.open[q.channel]!;
  const rates = day.rates[q.channel]!;
  const shrinkage = plannedShrinkage(model);
  for (let i = 0; i < day.intervals; i++) {
    if (!open[i]) continue;
    // Volumes rounded to 0.01 contact: equal intervals (same weekday, hour) share one scan.
    const key = Math.round(rates[i]! * cal.intervalSeconds * q.share * cfg.forecast_factor * 100);
    let raw = memo.get(key);
    if (raw === undefined) {
      raw =
        key > 0
          ? agentsForTarget({
              volume: key / 100,
              intervalSeconds: cal.intervalSeconds,
              ahtSeconds: q.expectedAht,
              targetSl: cfg.target_sl,
              thresholdSeconds: q.thresholdS ?? 0,
              maxOccupancy: cfg.max_occupancy,
            }).rawAgents
          : 0;
      memo.set(key, raw);
    }
    need[i] = Math.max(cfg.min_agents, scheduledAgents(Math.ceil(raw / q.concurrency), shrinkage));
  }
}

/** Workload of the day (plus what closed days left) spread flat over the open intervals. */
export function workloadNeed(
  model: SimModel,
  cal: SimCalendar,
  q: SimQueue,
  day: SimDay,
  need: Float64Array,
  carried: number,
): number {
  const cfg = q.cfg.staffing;
  if (cfg.mode !== 'workload') return carried;
  const open = day.open[q.channel]!;
  const rates = day.rates[q.channel]!;
  let volume = 0;
  for (let i = 0; i < day.intervals; i++) volume += rates[i]! * cal.intervalSeconds;
  const work = carried + volume * q.share * cfg.forecast_factor * (q.expectedAht / q.concurrency);
  const openSeconds = open.reduce((s, o) => s + o, 0) * cal.intervalSeconds;
  if (openSeconds === 0) return work;
  const agents = Math.ceil(work / (openSeconds * cfg.occupancy));
  const scheduled = Math.max(cfg.min_agents, scheduledAgents(agents, plannedShrinkage(model)));
  for (let i = 0; i < day.intervals; i++) if (open[i]) need[i] = scheduled;
  return 0;
}

/** Backlog mode: agents per day (whole period at once) that answer target_sl within T. */
export function backlogNeeds(model: SimModel, cal: SimCalendar, q: SimQueue): Float64Array[] {
  const cfg = q.cfg.staffing;
  const out = cal.days.map((d) => new Float64Array(d.intervals));
  if (cfg.mode !== 'backlog') return out;
  const n = cal.days.reduce((a, d) => a + d.intervals, 0);
  const arrivals = new Float64Array(n);
  const open = new Uint8Array(n);
  const day = new Int32Array(n);
  let k = 0;
  cal.days.forEach((d, di) => {
    for (let i = 0; i < d.intervals; i++, k++) {
      arrivals[k] = d.rates[q.channel]![i]! * cal.intervalSeconds * q.share * cfg.forecast_factor;
      open[k] = d.open[q.channel]![i]!;
      day[k] = di;
    }
  });
  const { agents } = backlogNeed({
    arrivals,
    open,
    day,
    intervalSeconds: cal.intervalSeconds,
    ahtSeconds: q.expectedAht / q.concurrency,
    thresholdSeconds: q.thresholdS ?? 0,
    targetSl: cfg.target_sl,
    occupancy: cfg.occupancy,
    minAgents: cfg.min_agents,
  });
  const shrinkage = plannedShrinkage(model);
  k = 0;
  cal.days.forEach((d, di) => {
    for (let i = 0; i < d.intervals; i++, k++) {
      if (open[k])
        out[di]![i] = Math.max(
          cfg.min_agents,
          scheduledAgents(Math.ceil(agents[k]! - 1e-9), shrinkage),
        );
    }
  });
  return out;
}

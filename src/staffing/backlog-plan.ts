// The plan for a backlog queue (e-mail) from its history: per local day the items that arrived,
// the agents needed to answer the target share within T (backlogNeed), the agents it had, and
// the share within T those agents reach in the fluid FIFO. Limits: pure; one AHT for the period;
// open intervals are those with agents in the staffing table, else those in which items were answered.

import { backlogNeed, backlogShare } from './backlog.ts';
import type { IntervalPlan, PlanIntervalsOptions, PlanTotals } from './interval-plan.ts';
import type { PlannedInterval } from './plan-one-interval.ts';
import { scheduledAgents } from './scheduled-agents.ts';
import type { IntervalObservation } from './weekday-profile.ts';

interface Day {
  readonly date: string;
  readonly from: number;
  readonly to: number;
}

/** Plans a backlog queue per day; `rows` are one queue's intervals in time order. */
export function planBacklog(
  rows: readonly IntervalObservation[],
  options: PlanIntervalsOptions,
): IntervalPlan {
  const { target, shrinkage, maxOccupancy, hourlyRate, intervalMinutes } = options;
  const len = intervalMinutes * 60;
  const grid = toGrid(rows, len);
  const n = grid.length;
  const handled = rows.reduce((a, r) => a + r.handled, 0);
  const aht = handled > 0 ? rows.reduce((a, r) => a + r.handleSeconds, 0) / handled : null;
  const warnings: string[] = [];
  if (options.mode === 'weekday-profile') {
    warnings.push('a backlog is planned per day: the weekday profile does not apply to it');
  }
  const planned = rows.some((r) => r.agentsStaffed !== null);
  const productive = grid.map((r) =>
    r === null
      ? 0
      : (r.agentsOnDuty ?? (r.agentsStaffed === null ? 0 : r.agentsStaffed * (1 - shrinkage))),
  );
  const open = grid.map((r, i) =>
    r === null ? 0 : planned ? (productive[i]! > 0 ? 1 : 0) : r.handled > 0 ? 1 : 0,
  );
  const arrivals = grid.map((r) => r?.offered ?? 0);
  const days = splitDays(grid);
  const dayOf = new Int32Array(n);
  days.forEach((d, k) => dayOf.fill(k, d.from, d.to));
  const load = {
    arrivals,
    open,
    intervalSeconds: len,
    // An agent answering k items at once works through them k times as fast.
    ahtSeconds: (aht ?? 1) / (options.concurrency ?? 1),
    thresholdSeconds: target.thresholdSeconds,
  };
  const need = (sl: number) =>
    aht === null
      ? null
      : backlogNeed({ ...load, day: dayOf, occupancy: maxOccupancy, targetSl: sl });
  const plan = need(target.sl);
  const required = plan?.agents ?? null;
  const more = target.sl + 0.01 < 1 ? (need(target.sl + 0.01)?.agents ?? null) : null;
  if (aht === null) warnings.push('no handled items in the history: no AHT, so no agents required');
  else if (plan && !plan.reachable) {
    warnings.push(
      `no staffing answers ${Math.round(target.sl * 100)} % within ${target.thresholdSeconds} s in these opening hours (items arriving in long closures): planned for the best share reachable`,
    );
  }
  // Agents working a backlog stay busy while items wait: the prediction uses occupancy 1.
  const predicted = aht === null ? null : backlogShare({ ...load, occupancy: 1 }, productive);
  const out = days.map((d) => {
    const part = grid.slice(d.from, d.to).filter((r) => r !== null);
    const sum = (f: (r: IntervalObservation) => number) => part.reduce((a, r) => a + f(r), 0);
    const openIdx = range(d.from, d.to).filter((i) => open[i]);
    const openHours = (openIdx.length * len) / 3600;
    const level = (a: Float64Array | null) =>
      a === null || openIdx.length === 0 ? 0 : Math.ceil(a[openIdx[0]!]! - 1e-9);
    const req = required === null ? null : level(required);
    const sched = req === null ? null : scheduledAgents(req, shrinkage);
    const staffedRows = part.filter((r) => r.agentsStaffed !== null);
    const mean = (f: (i: number) => number) =>
      openIdx.length ? openIdx.reduce((a, i) => a + f(i), 0) / openIdx.length : 0;
    const rate = weightedRate(part) ?? hourlyRate;
    const counted = predicted ? sumRange(predicted.counted, d.from, d.to) : 0;
    const slDen = sum((r) => r.slDenominator);
    const row: PlannedInterval = {
      intervalStart: d.date,
      queue: rows[0]?.queue ?? null,
      utcOffsetMinutes: null,
      weekday: part[0]?.weekday ?? 0,
      slot: '',
      days: 1,
      volume: sum((r) => r.offered),
      ahtSeconds: aht,
      ahtFromPeriod: aht !== null,
      observedServiceLevel: slDen > 0 ? sum((r) => r.slNumerator) / slDen : null,
      offered: sum((r) => r.offered),
      answered: sum((r) => r.answered),
      abandoned: sum((r) => r.abandoned),
      slNumerator: sum((r) => r.slNumerator),
      slDenominator: slDen,
      observedAsaSeconds:
        sum((r) => r.answered) > 0
          ? sum((r) => r.answeredWaitSeconds) / sum((r) => r.answered)
          : null,
      observedAbandonRate:
        sum((r) => r.offered) > 0 ? sum((r) => r.abandoned) / sum((r) => r.offered) : null,
      trafficErlangs: null,
      requiredAgents: req,
      scheduledAgents: sched,
      bindingConstraint: req === null ? null : 'serviceLevel',
      staffedAgents: staffedRows.length ? mean((i) => grid[i]?.agentsStaffed ?? 0) : null,
      onDutyAgents:
        part.every((r) => (r.agentsOnDuty ?? null) !== null) && staffedRows.length
          ? mean((i) => grid[i]?.agentsOnDuty ?? 0)
          : null,
      productiveAgents: openIdx.length ? mean((i) => productive[i]!) : null,
      predictedServiceLevel:
        predicted && counted > 0 ? sumRange(predicted.onTime, d.from, d.to) / counted : null,
      predictedAsaSeconds: null,
      predictedAbandonRate: null,
      hourlyRate: rate,
      requiredCost: sched === null ? null : sched * openHours * rate,
      staffedCost: staffedRows.length
        ? staffedRows.reduce((a, r) => a + (r.agentsStaffed ?? 0), 0) * (len / 3600) * rate
        : null,
      extraPointCost:
        more === null || sched === null
          ? null
          : (scheduledAgents(level(more), shrinkage) - sched) * openHours * rate,
      marginalCostPerPoint: null,
    };
    return row;
  });
  return {
    mode: 'intervals',
    model: 'erlang-c',
    target,
    shrinkage,
    maxOccupancy,
    hourlyRate,
    intervalMinutes,
    patienceSeconds: null,
    patienceEstimated: false,
    rows: out,
    totals: dayTotals(out, open, len, days),
    warnings,
  };
}

/** Rows on a gap-free grid of intervals (null where the history has no row). */
function toGrid(rows: readonly IntervalObservation[], len: number): (IntervalObservation | null)[] {
  const at = rows.map((r) => startMs(r));
  const first = Math.min(...at);
  const last = Math.max(...at);
  if (!Number.isFinite(first)) return [];
  const grid: (IntervalObservation | null)[] = new Array(
    Math.round((last - first) / (len * 1000)) + 1,
  ).fill(null);
  rows.forEach((r, i) => (grid[Math.round((at[i]! - first) / (len * 1000))] = r));
  return grid;
}

function startMs(r: IntervalObservation): number {
  if (r.startUtc) return Date.parse(r.startUtc);
  const naive = Date.parse(`${r.intervalStart.replace(' ', 'T')}:00Z`);
  return naive - (r.utcOffsetMinutes ?? 0) * 60_000;
}

/** Local days of the grid: a gap takes the day of the row before it. */
function splitDays(grid: readonly (IntervalObservation | null)[]): Day[] {
  const days: Day[] = [];
  grid.forEach((r, i) => {
    const date = r?.intervalStart.slice(0, 10) ?? days.at(-1)?.date ?? '';
    const last = days.at(-1);
    if (last && last.date === date) days[days.length - 1] = { ...last, to: i + 1 };
    else days.push({ date, from: i, to: i + 1 });
  });
  return days;
}

function weightedRate(rows: readonly IntervalObservation[]): number | null {
  const rated = rows.filter((r) => r.hourlyRate !== null && (r.agentsStaffed ?? 0) > 0);
  const agents = rated.reduce((a, r) => a + (r.agentsStaffed ?? 0), 0);
  return agents > 0
    ? rated.reduce((a, r) => a + (r.hourlyRate ?? 0) * (r.agentsStaffed ?? 0), 0) / agents
    : null;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
const sumRange = (a: Float64Array, from: number, to: number) =>
  a.subarray(from, to).reduce((x, y) => x + y, 0);

function dayTotals(
  rows: readonly PlannedInterval[],
  open: readonly number[],
  len: number,
  days: readonly Day[],
): PlanTotals {
  const hours = days.map((d) => (range(d.from, d.to).filter((i) => open[i]).length * len) / 3600);
  const planned = rows.filter((r) => r.staffedAgents !== null);
  const sum = (f: (r: PlannedInterval, k: number) => number, rs = rows) =>
    rs.reduce((a, r) => a + f(r, rows.indexOf(r)), 0);
  const paid = (r: PlannedInterval, k: number) => (r.scheduledAgents ?? 0) * hours[k]!;
  return {
    intervals: rows.length,
    intervalsWithPlan: planned.length,
    requiredAgentHours: sum(paid),
    requiredCost: sum((r) => r.requiredCost ?? 0),
    requiredAgentHoursPlanned: sum(paid, planned),
    requiredCostPlanned: sum((r) => r.requiredCost ?? 0, planned),
    staffedAgentHours: planned.length
      ? sum((r) => (r.staffedAgents ?? 0) * hours[rows.indexOf(r)]!, planned)
      : null,
    staffedCost: planned.length ? sum((r) => r.staffedCost ?? 0, planned) : null,
    extraPointCost: sum((r) => r.extraPointCost ?? 0),
  };
}

// The staffing plan: agents needed per interval and queue, shifts that cover them, breaks, people.
// Limits: greedy cover (shifts of min_length_h to length_h), one shift per person per day.

import { BreakPlanner } from './breaks.ts';
import type { SimCalendar } from './calendar.ts';
import { onDutyAgents } from './on-duty.ts';
import { backlogNeeds, erlangNeed, workloadNeed } from './plan-need.ts';
import { Random } from './random.ts';
import { cover, coverage, segments } from './shift-cover.ts';
import type { SimModel, SimQueue } from './sim-model.ts';

export interface Shift {
  readonly person: number;
  /** Seconds since simulation start. */
  readonly start: number;
  readonly end: number;
  /** Break start/end pairs, seconds since simulation start. */
  readonly breaks: readonly number[];
  readonly absent: boolean;
}

export interface Person {
  readonly id: string;
  readonly queue: number;
  readonly team: string;
  readonly level: number;
  /** Personal handle-time factor (mean 1). */
  readonly speed: number;
  /** Personal quality on the FCR logit and satisfaction scales (mean 0). */
  readonly quality: number;
}

export interface StaffingPlan {
  /** staffed[day][queue][interval]: agents scheduled (paid, breaks and absence included). */
  readonly staffed: readonly (readonly Float64Array[])[];
  /** onDuty[day][queue][interval]: agents present and not on a break, mean over the interval. */
  readonly onDuty: readonly (readonly Float64Array[])[];
  /** shifts[day]: every shift of the day, all queues. */
  readonly shifts: readonly (readonly Shift[])[];
  readonly people: readonly Person[];
}

const PLAN_STREAM = 7;

export function buildPlan(model: SimModel, cal: SimCalendar, seed: number): StaffingPlan {
  const rnd = new Random(seed, PLAN_STREAM);
  const s = model.scenario;
  const perQueue = model.queues.map((q) => planQueue(model, cal, q));
  const people: Person[] = [];
  const firstPerson: number[] = [];
  const levelCdf = model.scenario.agents.levels.map((l) => l.share);
  model.queues.forEach((q, qi) => {
    const cfg = q.cfg.staffing;
    const most = Math.max(0, ...perQueue[qi]!.starts.map((d) => d.length));
    const pool = cfg.mode === 'fixed' ? most : Math.ceil(most * s.agents.pool_factor);
    firstPerson.push(people.length);
    for (let k = 0; k < pool; k++) {
      people.push({
        id: `AG${String(people.length + 1).padStart(4, '0')}`,
        queue: qi,
        team: q.cfg.teams[k % q.cfg.teams.length]!,
        level: pickIndex(rnd, levelCdf),
        speed: rnd.lognormal(1, s.agents.speed_cv),
        quality: s.agents.quality_sd * rnd.normal(),
      });
    }
  });
  const shifts: Shift[][] = cal.days.map(() => []);
  model.queues.forEach((q, qi) => {
    const pool = q.cfg.staffing.mode === 'fixed' ? 0 : 1;
    const size =
      (qi + 1 < firstPerson.length ? firstPerson[qi + 1]! : people.length) - firstPerson[qi]!;
    let next = 0;
    cal.days.forEach((day, d) => {
      const planner = new BreakPlanner(model, day.start, day.end);
      perQueue[qi]!.starts[d]!.forEach(([from, to], k) => {
        const person = firstPerson[qi]! + ((next + k) % Math.max(1, size));
        const start = day.start + from * cal.intervalSeconds;
        const end = day.start + to * cal.intervalSeconds;
        const breaks = pool ? planner.place(start, end) : [];
        const absent = rnd.chance(pool ? s.agents.absenteeism : 0);
        shifts[d]!.push({ person, start, end, breaks, absent });
      });
      if (pool) next = (next + perQueue[qi]!.starts[d]!.length) % Math.max(1, size);
    });
  });
  const staffed = cal.days.map((_, d) => perQueue.map((p) => p.staffed[d]!));
  const onDuty = onDutyAgents(cal, model.queues.length, people, shifts);
  return { staffed, onDuty, shifts, people };
}

function pickIndex(rnd: Random, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rnd.next() * total;
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) < 0) return i;
  return weights.length - 1;
}

interface QueuePlan {
  /** Per day: shifts as [from, to) interval indexes. */
  readonly starts: (readonly [number, number])[][];
  readonly staffed: Float64Array[];
}

function planQueue(model: SimModel, cal: SimCalendar, q: SimQueue): QueuePlan {
  const starts: [number, number][][] = [];
  const staffed: Float64Array[] = [];
  let carried = 0;
  const memo = new Map<number, number>();
  const cfg = q.cfg.staffing;
  const backlog = cfg.mode === 'backlog' ? backlogNeeds(model, cal, q) : null;
  cal.days.forEach((day, d) => {
    const open = day.open[q.channel]!;
    if (cfg.mode === 'fixed') {
      const agents = Math.round(cfg.agents * model.scale);
      const segs = segments(open).map(([a, b]) => [a, b] as [number, number]);
      const list = segs.flatMap((seg) => Array.from({ length: agents }, () => seg));
      starts.push(list);
      staffed.push(coverage(list, day.intervals));
      return;
    }
    const need = backlog?.[d] ?? new Float64Array(day.intervals);
    if (cfg.mode === 'erlang-c') erlangNeed(model, cal, q, day, need, memo);
    else if (cfg.mode === 'workload') carried = workloadNeed(model, cal, q, day, need, carried);
    const list = cover(need, open, model);
    starts.push(list);
    staffed.push(coverage(list, day.intervals));
  });
  return { starts, staffed };
}

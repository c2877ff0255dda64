// The staffing plan: agents needed per interval and queue, shifts that cover them, breaks, people.
// Limits: greedy cover (shifts of min_length_h to length_h), one shift per person per day.

import { agentsForTarget, scheduledAgents } from '../staffing/index.ts';
import type { SimCalendar, SimDay } from './calendar.ts';
import { Random } from './random.ts';
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
  /** staffed[day][queue][interval]: agents scheduled (paid, breaks included). */
  readonly staffed: readonly (readonly Float64Array[])[];
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
      perQueue[qi]!.starts[d]!.forEach(([from, to], k) => {
        const person = firstPerson[qi]! + ((next + k) % Math.max(1, size));
        const start = day.start + from * cal.intervalSeconds;
        const end = day.start + to * cal.intervalSeconds;
        const breaks = pool ? breakTimes(model, start, end, k) : [];
        const absent = rnd.chance(pool ? s.agents.absenteeism : 0);
        shifts[d]!.push({ person, start, end, breaks, absent });
      });
      if (pool) next = (next + perQueue[qi]!.starts[d]!.length) % Math.max(1, size);
    });
  });
  const staffed = cal.days.map((_, d) => perQueue.map((p) => p.staffed[d]!));
  return { staffed, shifts, people };
}

function pickIndex(rnd: Random, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rnd.next() * total;
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) < 0) return i;
  return weights.length - 1;
}

/** Breaks `after_h` into the shift, staggered by a quarter hour between agents. */
function breakTimes(model: SimModel, start: number, end: number, k: number): number[] {
  const out: number[] = [];
  for (const b of model.scenario.shifts.breaks) {
    const from = start + b.after_h * 3600 + ((k % 3) - 1) * 900;
    const to = from + b.minutes * 60;
    if (from > start && to < end) out.push(from, to);
  }
  return out;
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
  for (const day of cal.days) {
    const open = day.open[q.channel]!;
    const need = new Float64Array(day.intervals);
    const cfg = q.cfg.staffing;
    if (cfg.mode === 'fixed') {
      const agents = Math.round(cfg.agents * model.scale);
      const segs = segments(open).map(([a, b]) => [a, b] as [number, number]);
      const list = segs.flatMap((seg) => Array.from({ length: agents }, () => seg));
      starts.push(list);
      staffed.push(coverage(list, day.intervals));
      continue;
    }
    if (cfg.mode === 'erlang-c') erlangNeed(model, cal, q, day, need, memo);
    else carried = workloadNeed(model, cal, q, day, need, carried);
    const list = cover(need, open, model);
    starts.push(list);
    staffed.push(coverage(list, day.intervals));
  }
  return { starts, staffed };
}

function breakShrinkage(model: SimModel): number {
  const sh = model.scenario.shifts;
  const minutes = sh.breaks.reduce((s, b) => s + b.minutes, 0);
  return Math.min(0.9, minutes / (sh.length_h * 60));
}

function erlangNeed(
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
  const shrinkage = breakShrinkage(model);
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
              thresholdSeconds: cfg.threshold_s,
              maxOccupancy: cfg.max_occupancy,
            }).rawAgents
          : 0;
      memo.set(key, raw);
    }
    need[i] = Math.max(cfg.min_agents, scheduledAgents(Math.ceil(raw / q.concurrency), shrinkage));
  }
}

/** Workload of the day (plus what closed days left) spread flat over the open intervals. */
function workloadNeed(
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
  const scheduled = Math.max(cfg.min_agents, scheduledAgents(agents, breakShrinkage(model)));
  for (let i = 0; i < day.intervals; i++) if (open[i]) need[i] = scheduled;
  return 0;
}

/** Open stretches of a day as [from, to) interval indexes. */
function segments(open: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < open.length; i++) {
    if (!open[i] || (i > 0 && open[i - 1])) continue;
    let j = i;
    while (j < open.length && open[j]) j++;
    out.push([i, j]);
  }
  return out;
}

/** Greedy cover: start shifts at the first interval short of agents (shorter near closing). */
function cover(need: Float64Array, open: Uint8Array, model: SimModel): [number, number][] {
  const perHour = 3600 / (model.scenario.interval_minutes * 60);
  const len = Math.max(1, Math.round(model.scenario.shifts.length_h * perHour));
  const minLen = Math.max(1, Math.round(model.scenario.shifts.min_length_h * perHour));
  const cov = new Float64Array(need.length);
  const out: [number, number][] = [];
  for (const [segStart, segEnd] of segments(open)) {
    for (let i = segStart; i < segEnd; i++) {
      while (cov[i]! < need[i]!) {
        // A full shift, unless what would be left before closing is too short for another shift.
        const left = segEnd - i;
        const length = left >= len + minLen ? len : left > len ? left - minLen : left;
        let from = i;
        let to = i + length;
        if (length < minLen) {
          from = Math.max(segStart, segEnd - minLen);
          to = Math.min(segEnd, from + minLen);
        }
        for (let j = from; j < to; j++) cov[j]! += 1;
        out.push([from, to]);
      }
    }
  }
  return out;
}

function coverage(list: readonly (readonly [number, number])[], n: number): Float64Array {
  const c = new Float64Array(n);
  for (const [a, b] of list) for (let j = a; j < b; j++) c[j]! += 1;
  return c;
}

// Start of a simulated day: volume noise, shift and break events, the case agenda, first arrivals.
// Limits: repeat contacts come back at a time of day drawn afresh from their channel's profile.

import { ACTION_REOPEN, ACTION_RESOLVE } from './case-book.ts';
import { KIND_REOPEN, KIND_REPEAT } from './contact-pool.ts';
import type { Engine } from './engine.ts';
import { EV_ARRIVAL, EV_CONTACT, EV_OFF, EV_ON } from './events.ts';

export function startDay(e: Engine, d: number): void {
  const day = e.cal.days[d]!;
  e.day = day;
  const cv = e.model.scenario.daily_noise_cv;
  e.model.channels.forEach((_, i) => {
    e.noise[i] = cv > 0 ? e.rnd.lognormal(1, cv) : 1;
    const rates = day.rates[i]!;
    const cdf = new Float64Array(day.intervals);
    let acc = 0;
    for (let j = 0; j < day.intervals; j++) cdf[j] = acc += rates[j]!;
    e.dayCdf[i] = cdf;
  });
  scheduleShifts(e, d);
  readAgenda(e, d);
  for (let ch = 0; ch < e.model.channels.length; ch++) {
    const t = e.nextArrival(ch, day.start);
    if (t < day.end) e.heap.push(t, (ch << 3) | EV_ARRIVAL);
  }
}

/**
 * Shift and break events of the day's present agents. A shift that ends at midnight and goes on
 * with the same agent the next day (24-hour operation) runs on: nobody logs off at 00:00.
 */
function scheduleShifts(e: Engine, d: number): void {
  const days = e.cal.days;
  const shifts = e.plan.shifts[d]!;
  const next = e.plan.shifts[d + 1] ?? [];
  const nextStart = days[d + 1]?.start ?? -1;
  const continuing = new Set(
    next.filter((s) => !s.absent && s.start === nextStart).map((s) => s.person),
  );
  const end = days[d]!.end;
  for (const s of shifts) {
    if (s.absent) continue;
    e.heap.push(s.start, (s.person << 3) | EV_ON);
    for (let b = 0; b < s.breaks.length; b += 2) {
      e.heap.push(s.breaks[b]!, (s.person << 3) | EV_OFF);
      e.heap.push(s.breaks[b + 1]!, (s.person << 3) | EV_ON);
    }
    if (!(s.end === end && continuing.has(s.person))) e.heap.push(s.end, (s.person << 3) | EV_OFF);
  }
}

/** Cases whose next step falls on this day. */
function readAgenda(e: Engine, d: number): void {
  const items = e.cases.agenda[d]!;
  e.cases.agenda[d] = [];
  const nCat = e.model.categories.length;
  for (let j = 0; j < items.length; j += 3) {
    const k = items[j]!;
    const action = items[j + 1]!;
    const time = items[j + 2]!;
    if (action === ACTION_RESOLVE) {
      e.handling.resolve(e, k, time, false);
      continue;
    }
    const from = e.cases.channel[k]!;
    const sw = e.model.channels[from]!;
    const ch = sw.switchTo.length > 0 ? sw.switchTo[e.rnd.pick(sw.switchCdf)]! : from;
    const cdf = e.dayCdf[ch]!;
    const total = cdf.length > 0 ? cdf[cdf.length - 1]! : 0;
    if (total <= 0) {
      e.cases.schedule(d + 1, k, action, time);
      continue;
    }
    const cat = e.cases.category[k]!;
    const q = e.model.route[ch * nCat + cat]!;
    const at =
      e.day.start + (searchCdf(cdf, e.rnd.next() * total) + e.rnd.next()) * e.cal.intervalSeconds;
    const kind = action === ACTION_REOPEN ? KIND_REOPEN : KIND_REPEAT;
    const c = e.pool.alloc(ch, q, cat, e.cases.customer[k]!, k, at, kind, 0);
    e.heap.push(at, (c << 3) | EV_CONTACT);
  }
}

function searchCdf(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

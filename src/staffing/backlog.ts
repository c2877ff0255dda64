// A backlog (e-mail) worked first in, first out in opening hours, against a response-time target:
// the share of items answered within T for given agents (a fluid model), and the agents per day
// that reach a target share. Limits: pure; deterministic flow (no randomness), flat level per day.

import { validateStaffingInput } from './staffing-input-error.ts';

export interface BacklogLoad {
  /** Items arriving in each interval (consecutive intervals, any number of days). */
  readonly arrivals: ArrayLike<number>;
  /** 1 where agents work the backlog in that interval. */
  readonly open: ArrayLike<number>;
  readonly intervalSeconds: number;
  /** Agent time per item, seconds (handle time / concurrency). */
  readonly ahtSeconds: number;
  /** T of the target: an item is on time when answered within T of its arrival. */
  readonly thresholdSeconds: number;
  /** Share of on-duty time spent on the backlog (0, 1]. */
  readonly occupancy: number;
}

export interface BacklogShare {
  /** Items answered within T / items whose fate is known by the end (null when none). */
  readonly share: number | null;
  /** Items counted, and of them on time: per interval of arrival. */
  readonly counted: Float64Array;
  readonly onTime: Float64Array;
}

/** Sub-points per arrival interval at which the flow is followed (arrivals are uniform). */
const SPLIT = 4;

/**
 * The fluid FIFO: `agents[i]` agents on duty in interval i work items in arrival order. An item
 * is counted when it is answered before the end or its deadline falls before the end.
 */
export function backlogShare(load: BacklogLoad, agents: ArrayLike<number>): BacklogShare {
  const { arrivals, open, intervalSeconds: len, ahtSeconds, thresholdSeconds: T } = load;
  const n = arrivals.length;
  const rate = (len * load.occupancy) / ahtSeconds;
  // done[j] = items answered by the start of interval j: agents cannot work ahead of arrivals,
  // so idle capacity is lost (items of an interval can be answered within it).
  const done = new Float64Array(n + 1);
  let arrived = 0;
  for (let j = 0; j < n; j++) {
    arrived += arrivals[j]!;
    const capacity = open[j] ? Math.max(0, agents[j]!) * rate : 0;
    done[j + 1] = Math.min(arrived, done[j]! + capacity);
  }
  const counted = new Float64Array(n);
  const onTime = new Float64Array(n);
  const end = n * len;
  let before = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const v = arrivals[i]!;
    if (v > 0) {
      for (let k = 0; k < SPLIT; k++) {
        const u = (k + 0.5) / SPLIT;
        const position = before + u * v;
        while (j < n && done[j + 1]! < position - 1e-9) j++;
        const at = (i + u) * len;
        const answered =
          j >= n
            ? Infinity
            : Math.max(at, (j + (position - done[j]!) / (done[j + 1]! - done[j]! || 1)) * len);
        const due = at + T;
        if (answered === Infinity && due >= end) continue;
        counted[i]! += v / SPLIT;
        if (answered <= due) onTime[i]! += v / SPLIT;
      }
    }
    before += v;
  }
  const total = counted.reduce((a, b) => a + b, 0);
  return { share: total > 0 ? onTime.reduce((a, b) => a + b, 0) / total : null, counted, onTime };
}

export interface BacklogNeedOptions extends BacklogLoad {
  /** Day number of each interval (non-decreasing); a level is set per day. */
  readonly day: ArrayLike<number>;
  readonly targetSl: number;
  /** Fewest agents on duty while open. Default 0. */
  readonly minAgents?: number;
}

export interface BacklogNeed {
  /** Agents on duty per interval (flat over a day's open intervals, unrounded); 0 when closed. */
  readonly agents: Float64Array;
  /** The scale on the work since the previous close that reaches the target (see docs). */
  readonly factor: number;
  /** Share within T that these agents reach in the fluid model. */
  readonly share: number | null;
  /** False when no staffing reaches the target (items arriving in long closures). */
  readonly reachable: boolean;
}

const MAX_FACTOR = 16;

/**
 * Agents per open day: each day's level is proportional to the work that arrived since the end
 * of the previous day's opening hours (so Monday takes the weekend's mail), all days scaled by one
 * factor, the smallest whose fluid FIFO answers the target share within T. When the target cannot
 * be reached, the smallest factor within half a point of the best share is taken.
 */
export function backlogNeed(o: BacklogNeedOptions): BacklogNeed {
  validateStaffingInput({
    intervalSeconds: [o.intervalSeconds, 'positive'],
    ahtSeconds: [o.ahtSeconds, 'positive'],
    thresholdSeconds: [o.thresholdSeconds, 'nonNegative'],
    occupancy: [o.occupancy, 'fractionAboveZero'],
    targetSl: [o.targetSl, 'fractionBelowOne'],
  });
  const base = baseLevels(o);
  const min = o.minAgents ?? 0;
  const level = (f: number) => {
    const a = new Float64Array(base.length);
    for (let i = 0; i < a.length; i++) a[i] = o.open[i] ? Math.max(min, f * base[i]!) : 0;
    return a;
  };
  const shareAt = (f: number) => backlogShare(o, level(f)).share ?? 1;
  const best = shareAt(MAX_FACTOR);
  const reachable = best >= o.targetSl;
  const goal = reachable ? o.targetSl : best - 0.005;
  let lo = 0;
  let hi = MAX_FACTOR;
  if (shareAt(lo) >= goal) hi = lo;
  for (let k = 0; k < 40 && hi - lo > 1e-4; k++) {
    const mid = (lo + hi) / 2;
    if (shareAt(mid) >= goal) hi = mid;
    else lo = mid;
  }
  const agents = level(hi);
  return { agents, factor: hi, share: backlogShare(o, agents).share, reachable };
}

/** Per interval: the day's work since the previous close, spread over the day's open time. */
function baseLevels(o: BacklogNeedOptions): Float64Array {
  const n = o.arrivals.length;
  const out = new Float64Array(n);
  const perAgent = (o.intervalSeconds * o.occupancy) / o.ahtSeconds;
  let since = 0;
  for (let i = 0; i < n;) {
    let j = i;
    let openIntervals = 0;
    let lastOpen = -1;
    while (j < n && o.day[j] === o.day[i]) {
      if (o.open[j]) {
        openIntervals++;
        lastOpen = j;
      }
      j++;
    }
    if (openIntervals === 0) {
      for (let k = i; k < j; k++) since += o.arrivals[k]!;
    } else {
      for (let k = i; k <= lastOpen; k++) since += o.arrivals[k]!;
      const level = since / (openIntervals * perAgent);
      for (let k = i; k < j; k++) if (o.open[k]) out[k] = level;
      since = 0;
      for (let k = lastOpen + 1; k < j; k++) since += o.arrivals[k]!;
    }
    i = j;
  }
  return out;
}

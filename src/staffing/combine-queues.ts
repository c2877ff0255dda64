// Rows of several separately planned queues added up per interval (or weekday × slot, or day):
// agents and costs add, service levels are weighted by volume, observed figures re-aggregate from
// their sums. Limits: pure; a queue's agents never help another queue, so nothing is pooled.

import type { PlannedInterval } from './plan-one-interval.ts';

/** One row per interval over all `rows` (any queues), in time order. */
export function combineQueues(rows: readonly PlannedInterval[]): PlannedInterval[] {
  const groups = new Map<string, PlannedInterval[]>();
  for (const r of rows) {
    const key = `${r.intervalStart}|${r.utcOffsetMinutes}|${r.weekday}|${r.slot}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].map(combine).sort(byTime);
}

function byTime(a: PlannedInterval, b: PlannedInterval): number {
  if (a.intervalStart === null || b.intervalStart === null) {
    return a.weekday - b.weekday || (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0);
  }
  return utcMs(a) - utcMs(b);
}

const utcMs = (r: PlannedInterval) =>
  Date.parse(
    `${r.intervalStart!.replace(' ', 'T')}${r.intervalStart!.length > 10 ? ':00' : 'T00:00:00'}Z`,
  ) -
  (r.utcOffsetMinutes ?? 0) * 60_000;

function combine(rs: readonly PlannedInterval[]): PlannedInterval {
  const first = rs[0]!;
  if (rs.length === 1) return { ...first, queue: null };
  const sum = (f: (r: PlannedInterval) => number) => rs.reduce((a, r) => a + f(r), 0);
  const total = (f: (r: PlannedInterval) => number | null) => {
    const vs = rs.map(f).filter((v): v is number => v !== null);
    return vs.length ? vs.reduce((a, b) => a + b, 0) : null;
  };
  /** Mean of `f` weighted by `w` over the rows where `f` is known. */
  const weighted = (
    f: (r: PlannedInterval) => number | null,
    w: (r: PlannedInterval) => number,
  ) => {
    const known = rs.filter((r) => f(r) !== null && w(r) > 0);
    const weight = known.reduce((a, r) => a + w(r), 0);
    return weight > 0 ? known.reduce((a, r) => a + f(r)! * w(r), 0) / weight : null;
  };
  const volume = sum((r) => r.volume);
  const answered = sum((r) => r.answered);
  const offered = sum((r) => r.offered);
  const slDenominator = sum((r) => r.slDenominator);
  const staffed = total((r) => r.staffedAgents);
  const predicted = rs.filter((r) => r.predictedServiceLevel !== null);
  return {
    ...first,
    queue: null,
    days: Math.max(...rs.map((r) => r.days)),
    volume,
    // AHT weighs queues by contacts handled; only where nothing was answered, by volume.
    ahtSeconds:
      answered > 0
        ? weighted(
            (r) => r.ahtSeconds,
            (r) => r.answered,
          )
        : weighted(
            (r) => r.ahtSeconds,
            (r) => r.volume,
          ),
    ahtFromPeriod: rs.some((r) => r.ahtFromPeriod),
    observedServiceLevel: slDenominator > 0 ? sum((r) => r.slNumerator) / slDenominator : null,
    offered,
    answered,
    abandoned: sum((r) => r.abandoned),
    slNumerator: sum((r) => r.slNumerator),
    slDenominator,
    observedAsaSeconds: weighted(
      (r) => r.observedAsaSeconds,
      (r) => r.answered,
    ),
    observedAbandonRate: offered > 0 ? sum((r) => r.abandoned) / offered : null,
    trafficErlangs: total((r) => r.trafficErlangs),
    requiredAgents: total((r) => r.requiredAgents),
    scheduledAgents: total((r) => r.scheduledAgents),
    bindingConstraint: null,
    staffedAgents: staffed,
    onDutyAgents: rs.every((r) => r.staffedAgents === null || r.onDutyAgents !== null)
      ? total((r) => r.onDutyAgents)
      : null,
    productiveAgents: total((r) => r.productiveAgents),
    // Queues without contacts predict nothing and weigh nothing.
    predictedServiceLevel: predicted.length
      ? weighted(
          (r) => r.predictedServiceLevel,
          (r) => r.volume,
        )
      : null,
    predictedAsaSeconds: weighted(
      (r) => r.predictedAsaSeconds,
      (r) => r.volume,
    ),
    predictedAbandonRate: weighted(
      (r) => r.predictedAbandonRate,
      (r) => r.volume,
    ),
    hourlyRate:
      weighted(
        (r) => r.hourlyRate,
        (r) => r.staffedAgents ?? r.scheduledAgents ?? 0,
      ) ?? first.hourlyRate,
    requiredCost: total((r) => r.requiredCost),
    staffedCost: total((r) => r.staffedCost),
    extraPointCost: total((r) => r.extraPointCost),
    // A point of one queue's SL is worth volume share of a point overall: the cheapest next one.
    marginalCostPerPoint: cheapestPoint(rs, volume),
  };
}

function cheapestPoint(rs: readonly PlannedInterval[], volume: number): number | null {
  const costs = rs
    .filter((r) => r.marginalCostPerPoint !== null && r.volume > 0 && volume > 0)
    .map((r) => r.marginalCostPerPoint! / (r.volume / volume));
  return costs.length ? Math.min(...costs) : null;
}

// Test-only discrete-event simulation of an M/M/N+M FCFS queue, an independent check on Erlang A.
// Limits: seeded and single-run; estimates carry sampling error (a few tenths of a point at 400k).

export interface SimulateQueueOptions {
  readonly trafficErlangs: number;
  readonly ahtSeconds: number;
  readonly agents: number;
  /** Mean patience; Infinity for no abandonment (Erlang C). */
  readonly patienceSeconds: number;
  readonly thresholdSeconds: number;
  readonly arrivals: number;
  readonly seed: number;
}

export interface SimulatedQueue {
  readonly serviceLevel: number;
  readonly waitProbability: number;
  readonly abandonProbability: number;
  readonly abandonWithinThresholdProbability: number;
  readonly asaSeconds: number;
}

/** mulberry32: a tiny seeded PRNG so the simulation gives the same figures on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * FCFS with abandonment by the Kiefer–Wolfowitz recursion: a contact starts at max(arrival,
 * earliest free agent) unless its patience runs out first; abandoners never occupy an agent.
 */
export function simulateQueue(o: SimulateQueueOptions): SimulatedQueue {
  const random = rng(o.seed);
  const exp = (mean: number) => -Math.log(1 - random()) * mean;
  const free = new Float64Array(o.agents);
  const warmUp = Math.floor(o.arrivals / 20);
  let t = 0;
  let counted = 0;
  let within = 0;
  let waited = 0;
  let abandoned = 0;
  let abandonedWithin = 0;
  let answered = 0;
  let answeredWait = 0;
  for (let i = 0; i < o.arrivals + warmUp; i++) {
    t += exp(o.ahtSeconds / o.trafficErlangs);
    let k = 0;
    for (let j = 1; j < o.agents; j++) if (free[j]! < free[k]!) k = j;
    const wait = Math.max(0, free[k]! - t);
    const patience = o.patienceSeconds === Infinity ? Infinity : exp(o.patienceSeconds);
    const abandons = wait > patience;
    if (!abandons) free[k] = t + wait + exp(o.ahtSeconds);
    if (i < warmUp) continue;
    counted++;
    if (wait > 0) waited++;
    if (abandons) {
      abandoned++;
      if (patience <= o.thresholdSeconds) abandonedWithin++;
    } else {
      answered++;
      answeredWait += wait;
      if (wait <= o.thresholdSeconds) within++;
    }
  }
  return {
    serviceLevel: within / counted,
    waitProbability: waited / counted,
    abandonProbability: abandoned / counted,
    abandonWithinThresholdProbability: abandonedWithin / counted,
    asaSeconds: answeredWait / answered,
  };
}

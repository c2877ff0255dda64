// Validation: in steady state the simulator's queue reproduces Erlang C (no abandonment) and
// Erlang A (exponential patience) within a few standard errors estimated by batch means per day.

import { describe, expect, it } from 'vitest';
import { erlangA, erlangC } from '../staffing/index.ts';
import { prepareRun, runDays } from './core.ts';
import { loadScenario } from './load-scenario.ts';
import type { Scenario } from './scenario-schema.ts';

const T = 20;
// 8 erlangs on 10 agents: P(W) ≈ 0.41, SL ≈ 0.65, ASA ≈ 49 s: far from the trivial 0 and 1.
const DAYS = 200; // × 2,880 contacts a day = 576,000 contacts, about a second of event loop.

interface DayStats {
  offered: number;
  within: number;
  waited: number;
  answered: number;
  waitSum: number;
  abandoned: number;
}

/** Runs the event loop only (no store) and measures each day apart: the batches of batch means. */
function perDay(s: Scenario): DayStats[] {
  const run = prepareRun(s);
  const e = run.engine;
  const days: DayStats[] = [];
  for (const day of runDays(run)) {
    expect(day).toBe(days.length);
    const c = e.contactOut.cols;
    const d: DayStats = { offered: 0, within: 0, waited: 0, answered: 0, waitSum: 0, abandoned: 0 };
    for (let i = 0; i < e.contactOut.n; i++) {
      d.offered++;
      const answered = c.outcome[i] === 0;
      const wait = (answered ? c.answered[i]! : c.ended[i]!) - c.offered[i]!;
      if (wait > 0) d.waited++;
      if (answered) {
        d.answered++;
        d.waitSum += wait;
        if (wait <= T) d.within++;
      } else d.abandoned++;
    }
    days.push(d);
  }
  return days;
}

/**
 * Pooled ratio Σnum / Σden and its batch-means standard error over days: days are nearly
 * independent (the queue forgets its state within minutes; a day holds 2,880 contacts).
 */
function estimate(days: DayStats[], num: (d: DayStats) => number, den: (d: DayStats) => number) {
  const ratios = days.map((d) => num(d) / den(d));
  const value = days.reduce((s, d) => s + num(d), 0) / days.reduce((s, d) => s + den(d), 0);
  const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
  const variance = ratios.reduce((s, r) => s + (r - mean) ** 2, 0) / (ratios.length - 1);
  return { value, se: Math.sqrt(variance / ratios.length) };
}

/**
 * Tolerance: 4 standard errors of the simulated estimate (two-sided; a false alarm about once in
 * 16,000 seeds; Erlang's figures are exact). Consecutive contacts in a queue at 80 % occupancy are
 * strongly correlated, so the SE comes from the spread of the 200 daily figures, not from n. Each
 * test also asserts the SE is small, so "within 4 SE" stays sharp: measured SE ≈ 0.0035 for
 * SL and P(W) (tolerance ≈ 1.4 points), ≈ 1 s for ASA (≈ 4 s on 49 s), ≈ 0.0006 for the
 * abandon rate.
 */
const K = 4;

async function stationary(days = DAYS): Promise<Scenario> {
  const s = await loadScenario('stationary');
  return { ...s, days };
}

describe('stationary queue vs Erlang C', () => {
  it('matches SL, ASA and P(wait > 0) of M/M/N', async () => {
    const s = await stationary();
    const voice = s.channels.voice!;
    const days = perDay(s);
    const theory = erlangC({
      volume: voice.daily_volume,
      intervalSeconds: 86_400,
      ahtSeconds: voice.handle.talk_s,
      agents: 10,
      thresholdSeconds: T,
    });
    const sl = estimate(
      days,
      (d) => d.within,
      (d) => d.offered,
    );
    const pw = estimate(
      days,
      (d) => d.waited,
      (d) => d.offered,
    );
    const asa = estimate(
      days,
      (d) => d.waitSum,
      (d) => d.answered,
    );
    expect(days.reduce((s, d) => s + d.abandoned, 0)).toBe(0);
    expect(sl.se).toBeLessThan(0.005);
    expect(pw.se).toBeLessThan(0.005);
    expect(asa.se).toBeLessThan(1.5);
    expect(Math.abs(sl.value - theory.serviceLevel)).toBeLessThan(K * sl.se);
    expect(Math.abs(pw.value - theory.waitProbability)).toBeLessThan(K * pw.se);
    expect(Math.abs(asa.value - theory.asaSeconds)).toBeLessThan(K * asa.se);
  });
});

describe('stationary queue with exponential patience vs Erlang A', () => {
  it('matches the abandon rate, SL and P(wait > 0) of M/M/N+M', async () => {
    const base = await stationary();
    const voice = base.channels.voice!;
    const patience = 120;
    const s: Scenario = {
      ...base,
      seed: 2,
      channels: {
        voice: { ...voice, patience: { mean_s: patience, fast_share: 0, fast_max_s: 5 } },
      },
    };
    const days = perDay(s);
    const theory = erlangA({
      volume: voice.daily_volume,
      intervalSeconds: 86_400,
      ahtSeconds: voice.handle.talk_s,
      agents: 10,
      thresholdSeconds: T,
      patienceSeconds: patience,
    });
    const ab = estimate(
      days,
      (d) => d.abandoned,
      (d) => d.offered,
    );
    const sl = estimate(
      days,
      (d) => d.within,
      (d) => d.offered,
    );
    const pw = estimate(
      days,
      (d) => d.waited,
      (d) => d.offered,
    );
    expect(ab.value).toBeGreaterThan(0.02);
    expect(ab.se).toBeLessThan(0.0015);
    expect(sl.se).toBeLessThan(0.003);
    expect(Math.abs(ab.value - theory.abandonProbability)).toBeLessThan(K * ab.se);
    expect(Math.abs(sl.value - theory.serviceLevel)).toBeLessThan(K * sl.se);
    expect(Math.abs(pw.value - theory.waitProbability)).toBeLessThan(K * pw.se);
  });
});

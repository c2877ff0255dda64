// The staffing plan from history predicts the service level the simulated centre delivered: the
// default centre's voice queues for three busy weekdays, simulated into DuckDB, then planned with
// `intervalPlan` and the settings the simulator wrote. Tolerances are argued beside each check.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intervalPlan, type IntervalPlanResult } from '../staffing/index.ts';
import { openWorkspace, type Workspace } from '../workspace/workspace.ts';
import { parseScenario, SCENARIO_DIR } from './load-scenario.ts';
import type { ScenarioInput } from './scenario-schema.ts';
import { simulate } from './simulate.ts';

let ws: Workspace;
let plan: IntervalPlanResult;
let erlangC: IntervalPlanResult;

beforeAll(async () => {
  const raw = await readFile(join(SCENARIO_DIR, 'default.json'), 'utf8');
  const base = JSON.parse(raw) as ScenarioInput;
  const scenario = parseScenario({
    ...base,
    name: 'voice-3-days',
    start: '2026-03-03',
    days: 3,
    special_days: [],
    // Twice the default's calls: about 80 per queue in a busy half hour.
    channels: { voice: { ...base.channels.voice!, daily_volume: 2400, switch_to: { voice: 1 } } },
    queues: base.queues.filter((q) => q.channel === 'voice'),
  });
  ws = await openWorkspace({ path: ':memory:' });
  await simulate(ws, { scenario });
  const settings = await ws.settings();
  const query = { filters: { channel: ['voice'] } };
  plan = await intervalPlan(ws.runner, { query, intervalMinutes: 30 }, settings);
  erlangC = await intervalPlan(
    ws.runner,
    { query, intervalMinutes: 30, model: 'erlang-c' },
    settings,
  );
});
afterAll(async () => {
  await ws.close();
});

/** Per queue, the intervals with at least 30 calls: observed and predicted SL in points. */
function busy(p: IntervalPlanResult) {
  return p.queues.flatMap((q) =>
    q.rows
      .filter((r) => r.offered >= 30 && r.predictedServiceLevel !== null)
      .map((r) => ({
        n: r.offered,
        observed: (r.slNumerator / r.slDenominator) * 100,
        predicted: r.predictedServiceLevel! * 100,
        observedAbandon: r.abandoned / r.offered,
        predictedAbandon: r.predictedAbandonRate,
      })),
  );
}

const weighted = (
  rows: ReturnType<typeof busy>,
  f: (r: ReturnType<typeof busy>[number]) => number,
) => rows.reduce((a, r) => a + f(r) * r.n, 0) / rows.reduce((a, r) => a + r.n, 0);

describe('staffing plan against the simulated centre it came from', () => {
  it('plans each voice queue apart with Erlang A, from agents on duty', () => {
    expect(plan.queues.map((q) => [q.queue, q.model])).toEqual([
      ['voice-facturen', 'erlang-a'],
      ['voice-service', 'erlang-a'],
    ]);
    for (const q of plan.queues) {
      // θ estimated from the data; the scenario's patience is exponential with mean 200 s plus
      // 4 % who hang up within 5 s, which pulls the estimate below 200 s.
      expect(q.patienceSeconds!).toBeGreaterThan(100);
      expect(q.patienceSeconds!).toBeLessThan(260);
      const staffed = q.rows.filter((r) => (r.staffedAgents ?? 0) > 0);
      expect(staffed.every((r) => r.onDutyAgents !== null)).toBe(true);
      expect(staffed.every((r) => r.onDutyAgents! <= r.staffedAgents!)).toBe(true);
    }
  });

  it('predicts the service level of the busy intervals', () => {
    const rows = busy(plan);
    expect(rows.length).toBeGreaterThan(60);
    const observed = weighted(rows, (r) => r.observed);
    const predicted = weighted(rows, (r) => r.predicted);
    // Over ~10,000 calls the sampling error of the mean SL is well under a point; what remains is
    // model error: Erlang A assumes exponential handle times and patience where the simulator
    // draws lognormal talk (cv 0.75, less variable, so shorter queues) and fast abandons, which
    // makes Erlang a few points pessimistic (−3 to −4 on the 90-day default). 6 points allows
    // that bias and fails a plan that gets staffing or shrinkage wrong (the old plan, pooling
    // both queues at a 30 % shrinkage, was 31 points low).
    expect(Math.abs(predicted - observed)).toBeLessThan(6);
    // One interval's SL rests on 30–150 calls whose waits are correlated: its standard error is
    // about 5–8 points, so ±10 points holds for roughly four intervals in five; 70 % is the bar.
    const within = rows.filter((r) => Math.abs(r.predicted - r.observed) <= 10).length;
    expect(within / rows.length).toBeGreaterThan(0.7);
  });

  it('predicts the abandon rate, and Erlang C (no abandons) is the more pessimistic', () => {
    const rows = busy(plan);
    const observed = weighted(rows, (r) => r.observedAbandon);
    const predicted = weighted(rows, (r) => r.predictedAbandon ?? 0);
    // Abandon rates of a few percent: within 2 points overall.
    expect(Math.abs(predicted - observed)).toBeLessThan(0.02);
    const c = busy(erlangC);
    expect(weighted(c, (r) => r.predicted)).toBeLessThan(weighted(rows, (r) => r.predicted));
  });
});

describe('e-mail worked as a backlog against its 24-hour target', () => {
  let mail: Workspace;
  let days: IntervalPlanResult;

  beforeAll(async () => {
    const base = JSON.parse(
      await readFile(join(SCENARIO_DIR, 'default.json'), 'utf8'),
    ) as ScenarioInput;
    const scenario = parseScenario({
      ...base,
      name: 'email-3-weeks',
      days: 21,
      special_days: [],
      channels: { email: { ...base.channels.email!, switch_to: { email: 1 } } },
      queues: base.queues.filter((q) => q.channel === 'email'),
    });
    mail = await openWorkspace({ path: ':memory:' });
    await simulate(mail, { scenario });
    const query = { filters: { channel: ['email'] } };
    days = await intervalPlan(mail.runner, { query }, await mail.settings());
  });
  afterAll(async () => {
    await mail.close();
  });

  it('answers the target share within 24 h, and the plan predicts it day by day', () => {
    expect(days).toMatchObject({ grain: 'day', target: { sl: 0.9, thresholdSeconds: 86_400 } });
    expect(days.rows).toHaveLength(21);
    const rows = days.rows.filter((r) => r.slDenominator > 0 && r.predictedServiceLevel !== null);
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
    const observed = sum((r) => r.slNumerator) / sum((r) => r.slDenominator);
    // The staffing was sized for 90 %: mail arriving after Saturday 17:00 waits for Monday
    // 08:00 (39 h), the rest is answered the same or the next day.
    expect(observed).toBeGreaterThan(0.85);
    // The fluid model with the agents on duty follows the same first-in-first-out flow; what it
    // leaves out is randomness within a day (arrivals, handle times, absences), worth a point or
    // two over three weeks: 3 points.
    const predicted =
      sum((r) => r.predictedServiceLevel! * r.slDenominator) / sum((r) => r.slDenominator);
    expect(Math.abs(predicted - observed)).toBeLessThan(0.03);
    // Weekdays are answered within the day; the weekend's late mail is what misses.
    const weekdays = rows.filter((r) => r.weekday <= 5 && r.weekday >= 2);
    expect(Math.min(...weekdays.map((r) => r.slNumerator / r.slDenominator))).toBeGreaterThan(0.95);
    // Required agents: flat over the opening hours, most on a Monday after a weekend's mail.
    const monday = days.rows
      .filter((r) => r.weekday === 1 && r.intervalStart !== '2026-03-02')
      .map((r) => r.requiredAgents!);
    const wednesday = days.rows.filter((r) => r.weekday === 3).map((r) => r.requiredAgents!);
    expect(Math.min(...monday)).toBeGreaterThan(Math.max(...wednesday));
  });
});

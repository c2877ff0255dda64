// planIntervals against the Erlang functions called directly: required and predicted agents, the
// cost of one more SL point, Erlang A with the patience estimate, the weekday profile and totals.

import { describe, expect, it } from 'vitest';
import { agentsForTarget } from './agents-for-target.ts';
import { agentsForTargetErlangA } from './agents-for-target-erlang-a.ts';
import { erlangA } from './erlang-a.ts';
import { erlangC } from './erlang-c.ts';
import { planIntervals, type PlanIntervalsOptions } from './interval-plan.ts';
import { intervalCost } from './scheduled-agents.ts';
import { StaffingInputError } from './staffing-input-error.ts';
import { countWeekdays, type IntervalObservation } from './weekday-profile.ts';

const base: PlanIntervalsOptions = {
  target: { sl: 0.8, thresholdSeconds: 20 },
  shrinkage: 0.3,
  maxOccupancy: 0.85,
  hourlyRate: 30,
  intervalMinutes: 30,
  model: 'erlang-c',
};

/** An interval with `offered` contacts, all answered at `aht` seconds unless said otherwise. */
function obs(start: string, offered: number, extra: Partial<IntervalObservation> = {}) {
  const weekday = ((new Date(`${start.slice(0, 10)}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const o: IntervalObservation = {
    intervalStart: start,
    utcOffsetMinutes: 120,
    weekday,
    slot: start.slice(11),
    offered,
    answered: offered,
    abandoned: 0,
    slNumerator: offered,
    slDenominator: offered,
    answeredWaitSeconds: 0,
    offeredWaitSeconds: 0,
    handled: offered,
    handleSeconds: offered * 180,
    agentsStaffed: null,
    hourlyRate: null,
  };
  return { ...o, ...extra };
}

describe('planIntervals: one interval against Erlang C', () => {
  it('100 calls in 30 min at AHT 180 s need 14 agents for 80/20 (pyworkforce), 20 scheduled', () => {
    const plan = planIntervals({ rows: [obs('2026-06-01 09:00', 100)] }, base);
    const direct = agentsForTarget({
      volume: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      targetSl: 0.8,
      thresholdSeconds: 20,
      shrinkage: 0.3,
      maxOccupancy: 0.85,
    });
    expect(plan.rows[0]).toMatchObject({
      volume: 100,
      ahtSeconds: 180,
      trafficErlangs: 10,
      requiredAgents: 14,
      scheduledAgents: 20,
      bindingConstraint: direct.bindingConstraint,
      staffedAgents: null,
      predictedServiceLevel: null,
      observedServiceLevel: 1,
      requiredCost: intervalCost(14, 0.3, 1800, 30),
    });
    expect(direct.rawAgents).toBe(14);
  });

  it('predicts SL and ASA with the staffed agents after shrinkage', () => {
    const rows = [
      obs('2026-06-01 09:00', 100, { agentsStaffed: 20 }), // 20 × 0.7 = 14 on the phones
      obs('2026-06-01 09:30', 100, { agentsStaffed: 14 }), // 9.8 ≤ A: unstable either way
      obs('2026-06-01 10:00', 0, { agentsStaffed: 3 }),
      obs('2026-06-01 10:30', 300, { agentsStaffed: 90 }), // 90 × 0.7 is 62.99999999999999
    ];
    const plan = planIntervals({ rows }, base);
    const c14 = erlangC({
      volume: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      agents: 14,
      thresholdSeconds: 20,
    });
    expect(c14.serviceLevel.toFixed(4)).toBe('0.8884');
    expect(plan.rows[0]).toMatchObject({
      productiveAgents: 14,
      predictedServiceLevel: c14.serviceLevel,
    });
    expect(plan.rows[0]?.predictedAsaSeconds).toBe(c14.asaSeconds);
    expect(plan.rows[1]?.productiveAgents).toBeCloseTo(9.8, 12);
    expect(plan.rows[1]?.predictedServiceLevel).toBe(0);
    expect(plan.rows[1]?.predictedAsaSeconds).toBe(Infinity);
    expect(plan.rows[3]?.productiveAgents).toBeCloseTo(63, 9);
    expect(plan.rows[3]?.predictedServiceLevel).toBe(
      erlangC({
        volume: 300,
        intervalSeconds: 1800,
        ahtSeconds: 180,
        agents: 63,
        thresholdSeconds: 20,
      }).serviceLevel,
    );
    expect(plan.rows[2]).toMatchObject({
      requiredAgents: 0,
      requiredCost: 0,
      extraPointCost: 0,
      predictedServiceLevel: null,
      staffedCost: 3 * 0.5 * 30,
    });
  });

  it('interpolates between whole agents, and prefers the agents on duty where known', () => {
    const at = (agents: number) =>
      erlangC({
        volume: 100,
        intervalSeconds: 1800,
        ahtSeconds: 180,
        agents,
        thresholdSeconds: 20,
      });
    const rows = [
      // 17.5 paid × 0.7 = 12.25 on contacts: 12 for three quarters of the time, 13 for one.
      obs('2026-06-01 09:00', 100, { agentsStaffed: 17.5 }),
      // The staffing table says 13.5 on duty: shrinkage is not applied to that.
      obs('2026-06-01 09:30', 100, { agentsStaffed: 17.5, agentsOnDuty: 13.5 }),
    ];
    const [a, b] = planIntervals({ rows }, base).rows;
    expect(a?.productiveAgents).toBeCloseTo(12.25, 12);
    expect(a?.predictedServiceLevel).toBeCloseTo(
      0.75 * at(12).serviceLevel + 0.25 * at(13).serviceLevel,
      12,
    );
    expect(a?.predictedAsaSeconds).toBeCloseTo(
      0.75 * at(12).asaSeconds + 0.25 * at(13).asaSeconds,
      9,
    );
    expect(b).toMatchObject({ onDutyAgents: 13.5, productiveAgents: 13.5 });
    expect(b?.predictedServiceLevel).toBeCloseTo(
      0.5 * at(13).serviceLevel + 0.5 * at(14).serviceLevel,
      12,
    );
  });

  it('prices the next agent per SL point it adds, in whole scheduled heads', () => {
    const r = planIntervals({ rows: [obs('2026-06-01 09:00', 100)] }, base).rows[0]!;
    const at = (agents: number) =>
      erlangC({
        volume: 100,
        intervalSeconds: 1800,
        ahtSeconds: 180,
        agents,
        thresholdSeconds: 20,
      });
    // 14 → 15 on contacts: 20 → 22 scheduled (ceil(15 / 0.7)), two heads for half an hour.
    const gain = (at(15).serviceLevel - at(14).serviceLevel) * 100;
    expect(r.marginalCostPerPoint).toBeCloseTo((2 * 0.5 * 30) / gain, 9);
  });

  it('costs one more SL point from the slCostCurve around the required agents', () => {
    const row = (sl: number) =>
      planIntervals(
        { rows: [obs('2026-06-01 09:00', 100)] },
        { ...base, target: { sl, thresholdSeconds: 20 } },
      ).rows[0]!;
    // SL(14) = 0.8884 already covers 81 %: the extra point is free.
    expect(row(0.8).extraPointCost).toBe(0);
    // 88 % needs 14 agents, 89 % needs 15: one more paid agent for half an hour.
    expect(row(0.88)).toMatchObject({ requiredAgents: 14 });
    expect(row(0.88).extraPointCost).toBeCloseTo(
      intervalCost(15, 0.3, 1800, 30) - intervalCost(14, 0.3, 1800, 30),
      10,
    );
    expect(row(0.995).extraPointCost).toBeNull();
  });

  it('reads observed SL, ASA and abandon rate from the sums, and uses the plan rate', () => {
    const o = obs('2026-06-01 09:00', 10, {
      answered: 8,
      abandoned: 2,
      slNumerator: 6,
      slDenominator: 9,
      answeredWaitSeconds: 80,
      handled: 8,
      handleSeconds: 8 * 200,
      agentsStaffed: 4,
      hourlyRate: 40,
    });
    const r = planIntervals({ rows: [o] }, base).rows[0]!;
    expect(r).toMatchObject({
      observedAsaSeconds: 10,
      observedAbandonRate: 0.2,
      ahtSeconds: 200,
      hourlyRate: 40,
    });
    expect(r.observedServiceLevel).toBeCloseTo(6 / 9, 12);
    expect(r.staffedCost).toBe(4 * 0.5 * 40);
  });

  it('falls back to the AHT of the whole history where an interval handled nothing', () => {
    const rows = [
      obs('2026-06-01 09:00', 10, { handleSeconds: 10 * 300 }),
      obs('2026-06-01 09:30', 1, { answered: 0, abandoned: 1, handled: 0, handleSeconds: 0 }),
    ];
    const r = planIntervals({ rows }, base).rows[1]!;
    expect(r).toMatchObject({ ahtSeconds: 300, ahtFromPeriod: true, requiredAgents: 1 });
  });

  it('rejects a bad target by name', () => {
    const bad = { ...base, target: { sl: 1, thresholdSeconds: -1 } };
    expect(() => planIntervals({ rows: [] }, bad)).toThrow(StaffingInputError);
    expect(() => planIntervals({ rows: [] }, bad)).toThrow(/target\.sl.*target\.thresholdSeconds/);
  });
});

describe('planIntervals: Erlang A with the patience estimate', () => {
  // θ̂ = total wait of all offered / abandons = (1,500 + 900) / 20 = 120 s.
  const rows = [
    obs('2026-06-01 09:00', 100, {
      abandoned: 12,
      answered: 88,
      handled: 88,
      handleSeconds: 88 * 180,
      offeredWaitSeconds: 1500,
      agentsStaffed: 16,
    }),
    obs('2026-06-01 09:30', 60, {
      abandoned: 8,
      answered: 52,
      handled: 52,
      handleSeconds: 52 * 240,
      offeredWaitSeconds: 900,
    }),
  ];

  it('estimates θ from all intervals and plans with agentsForTargetErlangA', () => {
    const plan = planIntervals({ rows }, { ...base, model: 'erlang-a' });
    expect(plan).toMatchObject({
      model: 'erlang-a',
      patienceSeconds: 120,
      patienceEstimated: true,
    });
    const need = agentsForTargetErlangA({
      volume: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      targetSl: 0.8,
      thresholdSeconds: 20,
      shrinkage: 0.3,
      maxOccupancy: 0.85,
      patienceSeconds: 120,
    });
    const staffed = erlangA({
      volume: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      agents: 11,
      thresholdSeconds: 20,
      patienceSeconds: 120,
    });
    // 16 paid × 0.7 = 11.2 on contacts: 11 for 80 % of the interval, 12 for 20 %.
    const twelve = erlangA({
      volume: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      agents: 12,
      thresholdSeconds: 20,
      patienceSeconds: 120,
    });
    expect(plan.rows[0]?.productiveAgents).toBeCloseTo(11.2, 12);
    expect(plan.rows[0]?.predictedServiceLevel).toBeCloseTo(
      0.8 * staffed.serviceLevel + 0.2 * twelve.serviceLevel,
      12,
    );
    expect(plan.rows[0]?.predictedAbandonRate).toBeCloseTo(
      0.8 * staffed.abandonProbability + 0.2 * twelve.abandonProbability,
      12,
    );
    expect(plan.rows[0]).toMatchObject({
      requiredAgents: need.rawAgents,
      observedAbandonRate: 0.12,
    });
    expect(plan.rows[1]?.requiredAgents).toBe(
      agentsForTargetErlangA({
        volume: 60,
        intervalSeconds: 1800,
        ahtSeconds: 240,
        targetSl: 0.8,
        thresholdSeconds: 20,
        maxOccupancy: 0.85,
        patienceSeconds: 120,
      }).rawAgents,
    );
  });

  it('takes a given patience, and falls back to Erlang C with a warning when nobody abandoned', () => {
    expect(
      planIntervals({ rows }, { ...base, model: 'erlang-a', patienceSeconds: 60 }),
    ).toMatchObject({
      patienceSeconds: 60,
      patienceEstimated: false,
    });
    const none = planIntervals(
      { rows: [obs('2026-06-01 09:00', 100)] },
      { ...base, model: 'erlang-a' },
    );
    expect(none.model).toBe('erlang-c');
    expect(none.rows[0]?.requiredAgents).toBe(14);
    expect(none.warnings[0]).toMatch(/patience/);
    // auto: Erlang A where there are abandons, Erlang C without a word where there are none.
    expect(planIntervals({ rows }, { ...base, model: 'auto' }).model).toBe('erlang-a');
    const quiet = planIntervals(
      { rows: [obs('2026-06-01 09:00', 100)] },
      { ...base, model: 'auto' },
    );
    expect(quiet).toMatchObject({ model: 'erlang-c', warnings: [] });
  });
});

describe('planIntervals: weekday profile and totals', () => {
  // Mondays 2026-06-01 and 2026-06-08 in a period of two weeks.
  const rows = [
    obs('2026-06-01 09:00', 10, { handleSeconds: 10 * 120, agentsStaffed: 6, hourlyRate: 30 }),
    obs('2026-06-08 09:00', 20, { handleSeconds: 20 * 240, agentsStaffed: 8, hourlyRate: 36 }),
    obs('2026-06-01 09:30', 8, { slNumerator: 4 }),
    obs('2026-06-02 09:00', 30),
  ];
  const period = { from: '2026-06-01', to: '2026-06-14' };

  it('averages volume over every occurrence of the weekday and pools AHT and SL', () => {
    const plan = planIntervals({ rows, period }, { ...base, mode: 'weekday-profile' });
    expect(plan.rows.map((r) => [r.weekday, r.slot, r.days, r.volume])).toEqual([
      [1, '09:00', 2, 15],
      [1, '09:30', 2, 4],
      [2, '09:00', 2, 15],
    ]);
    const mon9 = plan.rows[0]!;
    // (10 × 120 + 20 × 240) / 30 = 200 s: weighted by contacts, not a mean of two AHTs.
    expect(mon9).toMatchObject({ intervalStart: null, ahtSeconds: 200, staffedAgents: 7 });
    expect(mon9.hourlyRate).toBeCloseTo((6 * 30 + 8 * 36) / 14, 12);
    expect(mon9.requiredAgents).toBe(
      agentsForTarget({
        volume: 15,
        intervalSeconds: 1800,
        ahtSeconds: 200,
        targetSl: 0.8,
        thresholdSeconds: 20,
        maxOccupancy: 0.85,
      }).rawAgents,
    );
    expect(plan.rows[1]?.observedServiceLevel).toBe(0.5);
  });

  it('without a period, counts weekdays between the first and last day seen', () => {
    const plan = planIntervals({ rows }, { ...base, mode: 'weekday-profile' });
    expect(plan.rows.map((r) => r.days)).toEqual([2, 2, 1]);
    expect(countWeekdays('2026-03-23', '2026-03-29').size).toBe(7);
  });

  it('totals required against staffed agent-hours and cost', () => {
    const plan = planIntervals({ rows }, base);
    const paid = plan.rows.map((r) => Math.ceil((r.requiredAgents ?? 0) / 0.7) * 0.5);
    expect(plan.totals.requiredAgentHours).toBeCloseTo(
      paid.reduce((a, b) => a + b),
      10,
    );
    expect(plan.totals.requiredAgentHoursPlanned).toBeCloseTo(paid[0]! + paid[1]!, 10);
    expect(plan.totals).toMatchObject({
      intervals: 4,
      intervalsWithPlan: 2,
      staffedAgentHours: 7,
      staffedCost: 6 * 0.5 * 30 + 8 * 0.5 * 36,
    });
    expect(plan.totals.requiredCost).toBeCloseTo(
      plan.rows.reduce((a, r) => a + (r.requiredCost ?? 0), 0),
      10,
    );
  });
});

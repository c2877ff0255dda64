// intervalPlan on real DuckDB: history and plan glued with the workspace defaults, the target's T
// used for the observed SL, filters, the weekday profile and the default target per channel.

import { describe, expect, it } from 'vitest';
import { settingsWith, useMemoryWorkspace } from '../../test/helpers/memory-workspace.ts';
import { erlangC } from './erlang-c.ts';
import { defaultTarget, intervalPlan } from './plan-from-history.ts';

const { ws } = useMemoryWorkspace();

/** `n` answered voice calls of 180 s handle time in the 30 minutes from `startUtc`, waits 0…n−1 s. */
async function calls(startUtc: string, n: number, queue = 'sales'): Promise<void> {
  await ws().runner.exec(`
    INSERT INTO contacts (contact_id, channel, queue, offered_at, outcome, wait_s, talk_s, hold_s, acw_s)
    SELECT '${queue}-${startUtc}-' || i, 'voice', '${queue}', TIMESTAMPTZ '${startUtc}+00' + i * INTERVAL 10 SECOND,
           'answered', i, 150, 0, 30
    FROM range(${n}) t(i)`);
}

describe('intervalPlan', () => {
  it('plans each interval with the workspace defaults and the staffing table', async () => {
    await calls('2026-06-01 07:00:00', 100); // Monday 09:00 Amsterdam
    await calls('2026-06-01 07:30:00', 50);
    await ws().runner
      .exec(`INSERT INTO staffing (interval_start, interval_minutes, channel, queue, agents_staffed, hourly_rate) VALUES
      (TIMESTAMPTZ '2026-06-01 07:00:00+00', 30, 'voice', 'sales', 20, 28)`);
    const s = settingsWith({ timezone: 'Europe/Amsterdam' });
    const plan = await intervalPlan(
      ws().runner,
      { query: { from: '2026-06-01', to: '2026-06-01' } },
      s,
    );
    expect(plan).toMatchObject({
      mode: 'intervals',
      model: 'erlang-c',
      target: { sl: 0.8, thresholdSeconds: 20 },
      shrinkage: 0.3,
      maxOccupancy: 0.9,
      hourlyRate: 32,
      intervalMinutes: 30,
      currency: 'EUR',
      slVariant: 'offered-minus-short-abandons',
      engine: 'duckdb',
      period: { from: '2026-06-01', to: '2026-06-01', timezone: 'Europe/Amsterdam' },
    });
    const [nine, half] = plan.rows;
    expect(nine).toMatchObject({
      intervalStart: '2026-06-01 09:00',
      volume: 100,
      ahtSeconds: 180,
      requiredAgents: 14,
      scheduledAgents: 20,
      staffedAgents: 20,
      productiveAgents: 14,
      hourlyRate: 28,
    });
    // Waits 0…99 s: 21 of 100 answered within 20 s.
    expect(nine?.observedServiceLevel).toBeCloseTo(0.21, 12);
    const c14 = erlangC({
      volume: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      agents: 14,
      thresholdSeconds: 20,
    });
    expect(nine?.predictedServiceLevel).toBe(c14.serviceLevel);
    expect(half).toMatchObject({ volume: 50, staffedAgents: null, hourlyRate: 32 });
    expect(plan.totals.staffedAgentHours).toBe(10);
  });

  it('measures the observed SL at the target T, and takes options over settings', async () => {
    await calls('2026-06-01 07:00:00', 100);
    await calls('2026-06-01 07:00:00', 10, 'support');
    const plan = await intervalPlan(
      ws().runner,
      {
        query: { filters: { queue: ['sales'] } },
        intervalMinutes: 15,
        target: { sl: 0.9, thresholdSeconds: 30 },
        shrinkage: 0,
        hourlyRate: 25,
      },
      settingsWith({ timezone: 'Europe/Amsterdam' }),
    );
    expect(plan.rows.map((r) => [r.intervalStart, r.volume])).toEqual([
      ['2026-06-01 09:00', 90],
      ['2026-06-01 09:15', 10],
    ]);
    expect(plan.rows[0]?.observedServiceLevel).toBeCloseTo(31 / 90, 12);
    expect(plan).toMatchObject({ shrinkage: 0, hourlyRate: 25, filters: { queue: ['sales'] } });
  });

  it('gives a weekday profile over the period', async () => {
    await calls('2026-06-01 07:00:00', 40);
    await calls('2026-06-08 07:00:00', 80);
    const plan = await intervalPlan(
      ws().runner,
      { query: { from: '2026-06-01', to: '2026-06-14' }, mode: 'weekday-profile' },
      settingsWith({ timezone: 'Europe/Amsterdam' }),
    );
    expect(plan.rows.map((r) => [r.weekday, r.slot, r.days, r.volume])).toEqual([
      [1, '09:00', 2, 60],
    ]);
  });
});

describe('defaultTarget', () => {
  it('takes the SL target and T of the settings, per channel when one channel is kept', () => {
    const s = settingsWith({
      targets: { service_level: 85 },
      targets_by_channel: { chat: { service_level: 70 } },
      service_level: { threshold_s: 20, threshold_s_by_channel: { chat: 60 } },
    });
    expect(defaultTarget(s, {})).toEqual({ sl: 0.85, thresholdSeconds: 20 });
    expect(defaultTarget(s, { filters: { channel: ['chat'] } })).toEqual({
      sl: 0.7,
      thresholdSeconds: 60,
    });
    expect(defaultTarget(settingsWith({}), {})).toEqual({ sl: 0.8, thresholdSeconds: 20 });
  });
});

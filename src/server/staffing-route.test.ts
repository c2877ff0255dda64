// /api/v1/staffing on the fixture: intervals carry the contacts offered in them, the agents
// match Erlang C computed here from the interval's volume and AHT; filters, CSV and errors.

import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../metrics/index.ts';
import { agentsForTarget } from '../staffing/index.ts';
import { parseCsv } from './csv.ts';
import { getJson, useSeededApp } from './fixture.test-helper.ts';

const { app, ws } = useSeededApp();

// Agents staffed (voice, Sales and Support) for two intervals of day 1, 10:00 and 11:00 local.
beforeAll(async () => {
  await ws().runner
    .exec(`INSERT INTO staffing (interval_start, interval_minutes, channel, queue, agents_staffed, hourly_rate) VALUES
    (TIMESTAMPTZ '2026-06-01 08:00:00+00', 30, 'voice', 'Sales', 1, NULL),
    (TIMESTAMPTZ '2026-06-01 09:00:00+00', 30, 'voice', 'Support', 5, NULL)`);
});

/** Erlang C by hand: P(wait) = (Aᴺ/N! · N/(N−A)) / (Σₖ₍ₖ<ₙ₎ Aᵏ/k! + Aᴺ/N! · N/(N−A)). */
function erlangCByHand(traffic: number, agents: number, aht: number, t: number) {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < agents; k++) {
    sum += term;
    term = (term * traffic) / (k + 1);
  }
  const top = (term * agents) / (agents - traffic);
  const wait = top / (sum + top);
  return {
    sl: 1 - wait * Math.exp((-(agents - traffic) * t) / aht),
    asa: (wait * aht) / (agents - traffic),
  };
}

interface Plan {
  period: { from: string; to: string };
  model: string;
  target: { sl: number; thresholdSeconds: number };
  shrinkage: number;
  maxOccupancy: number;
  intervalMinutes: number;
  rows: {
    intervalStart: string;
    volume: number;
    ahtSeconds: number | null;
    requiredAgents: number | null;
    scheduledAgents: number | null;
    [column: string]: unknown;
  }[];
  totals: Record<string, unknown>;
  warnings: string[];
}

const plan = (qs: string) => getJson<Plan>(app(), `/api/v1/staffing?${qs}`);
const volume = (p: Plan) => p.rows.reduce((a, r) => a + r.volume, 0);

describe('GET /api/v1/staffing', () => {
  it('one row per local interval with its offered contacts; agents are Erlang C of volume and AHT', async () => {
    const p = await plan('from=2026-06-01&to=2026-06-02&interval=30&target=80/20');
    expect(p.period).toMatchObject({ from: '2026-06-01', to: '2026-06-02' });
    expect(p.target).toEqual({ sl: 80, thresholdSeconds: 20 });
    expect(p.intervalMinutes).toBe(30);
    // Without a channel filter the plan covers voice: c1–c5, c9, c10 (the 5 chats are left out).
    expect(volume(p)).toBe(7);
    expect(p.warnings[0]).toContain('voice only');
    // 08:00Z and 08:10Z = 10:00 local: c1 (390 s) and c2 (240 s).
    const first = p.rows.find((r) => r.intervalStart === '2026-06-01 10:00');
    expect(first).toMatchObject({ volume: 2, ahtSeconds: 315 });
    const s = defaultSettings().staffing;
    const erlang = agentsForTarget({
      volume: 2,
      intervalSeconds: 1800,
      ahtSeconds: 315,
      targetSl: 0.8,
      thresholdSeconds: 20,
      shrinkage: s.shrinkage,
      maxOccupancy: s.max_occupancy,
    });
    expect(first?.requiredAgents).toBe(erlang.rawAgents);
    expect(first?.scheduledAgents).toBe(erlang.scheduledAgents);
  });

  it('filters by queue and channel (comma lists), and a 15-minute interval', async () => {
    expect(volume(await plan('queue=Sales'))).toBe(5);
    expect(volume(await plan('channel=voice'))).toBe(7);
    expect(volume(await plan('channel=voice,chat&queue=Support'))).toBe(7);
    expect(volume(await plan('channel=voice,chat'))).toBe(12);
    const q = await plan('interval=15');
    expect(q.intervalMinutes).toBe(15);
    expect(volume(q)).toBe(7);
    // No e-mail in the fixture: a backlog plan (per day) with nothing in it.
    const email = await plan('channel=email');
    expect(email).toMatchObject({ grain: 'day', rows: [], queues: [] });
  });

  it('ratios in percent and durations in seconds, computed here from the fixture', async () => {
    const p = await plan('from=2026-06-01&to=2026-06-01');
    const s = defaultSettings().staffing;
    expect(p.shrinkage).toBe(s.shrinkage * 100);
    expect(p.maxOccupancy).toBe(s.max_occupancy * 100);
    // 11:00 local (09:00–09:30Z): c3 answered after 18 s, c4 short abandon (3 s), c5 abandoned
    // after 30 s. SL = 1 / (3 − 1 short) = 50 %; abandoned / offered = 2 / 3; ASA 18 s; AHT 540 s.
    const r = p.rows.find((x) => x.intervalStart === '2026-06-01 11:00');
    expect(r).toMatchObject({ observedServiceLevel: 50, observedAsaSeconds: 18, ahtSeconds: 540 });
    expect(r?.['observedAbandonRate']).toBeCloseTo((2 / 3) * 100, 10);
    // Queues are planned apart. Support (c3, c5) has 5 staffed × (1 − 0.3) = 3.5 productive
    // agents on average, 3 for half the interval and 4 for the other half, for traffic
    // 2 × 540 s / 1800 s = 0.6 E; Sales (c4) has no staffing row, so no prediction to add.
    expect(r).toMatchObject({ staffedAgents: 5, productiveAgents: 3.5, queue: null });
    expect(p.model).toBe('erlang-a');
    const c = await plan('from=2026-06-01&to=2026-06-01&model=erlang-c');
    const rc = c.rows.find((x) => x.intervalStart === '2026-06-01 11:00');
    const [three, four] = [erlangCByHand(0.6, 3, 540, 20), erlangCByHand(0.6, 4, 540, 20)];
    expect(rc?.['predictedServiceLevel']).toBeCloseTo(((three.sl + four.sl) / 2) * 100, 9);
    expect(rc?.['predictedAsaSeconds']).toBeCloseTo((three.asa + four.asa) / 2, 9);
    // 10:00 local: 1 staffed → 0.7 productive: no agent for 30 % of the interval, so Erlang C
    // has no finite ASA (null) and SL is 70 % of what one agent gives (2 calls, AHT 315 s).
    const empty = c.rows.find((x) => x.intervalStart === '2026-06-01 10:00');
    expect(empty).toMatchObject({ predictedAsaSeconds: null });
    expect(empty?.['productiveAgents']).toBeCloseTo(0.7, 12);
    const one = erlangCByHand((2 * 315) / 1800, 1, 315, 20);
    expect(empty?.['predictedServiceLevel']).toBeCloseTo(0.7 * one.sl * 100, 9);
  });

  it('documents every row column in the OpenAPI document', async () => {
    const doc = await getJson<{
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>(app(), '/api/openapi.json');
    const row = doc.components.schemas['StaffingRow'];
    expect(Object.keys(row?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'intervalStart',
        'volume',
        'observedServiceLevel',
        'predictedServiceLevel',
        'predictedAsaSeconds',
        'requiredAgents',
        'staffedAgents',
        'extraPointCost',
      ]),
    );
    expect(JSON.stringify(row?.properties['predictedServiceLevel'])).toContain('percent');
  });

  it('as CSV: one line per interval, same rows as JSON', async () => {
    const json = await plan('queue=Sales');
    const res = await app().inject({ method: 'GET', url: '/api/v1/staffing.csv?queue=Sales' });
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [head, ...lines] = parseCsv(res.body);
    expect(lines).toHaveLength(json.rows.length);
    const at = head?.indexOf('requiredAgents') ?? -1;
    expect(lines.map((l) => Number(l[at]))).toEqual(json.rows.map((r) => r.requiredAgents));
  });

  it('rejects a bad target, interval, model and unknown parameters', async () => {
    const bad = async (qs: string) => {
      const res = await app().inject({ method: 'GET', url: `/api/v1/staffing?${qs}` });
      expect(res.statusCode).toBe(400);
      return (res.json() as { error: Record<string, unknown> }).error;
    };
    expect((await bad('target=80'))['message']).toContain('80/20');
    expect(await bad('target=100/20')).toMatchObject({ parameter: 'target' });
    expect(await bad('interval=60')).toMatchObject({
      parameter: 'interval',
      allowed: ['15', '30'],
    });
    expect(await bad('model=erlang-b')).toMatchObject({
      parameter: 'model',
      allowed: ['auto', 'erlang-c', 'erlang-a'],
    });
    expect(await bad('from=2026-06-03&to=2026-06-01')).toMatchObject({ parameter: 'from' });
    expect(await bad('team=Blue')).toMatchObject({ parameter: 'team' });
    expect(await bad('mode=weekly')).toMatchObject({
      parameter: 'mode',
      allowed: ['intervals', 'weekday-profile'],
    });
    expect((await bad('from=01-06-2026'))['message']).toContain('YYYY-MM-DD');
    for (const p of ['queue', 'channel']) {
      const e = await bad(`${p}=`);
      expect(e).toMatchObject({ parameter: p });
      expect(e['message']).toContain('at least one');
    }
  });
});

// /api/v1/staffing on the fixture: intervals carry the contacts offered in them, the agents
// match Erlang C computed here from the interval's volume and AHT; filters, CSV and errors.

import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../metrics/index.ts';
import { agentsForTarget } from '../staffing/index.ts';
import { parseCsv } from './csv.ts';
import { getJson, useSeededApp } from './fixture.test-helper.ts';

const { app } = useSeededApp();

interface Plan {
  period: { from: string; to: string };
  target: { sl: number; thresholdSeconds: number };
  intervalMinutes: number;
  rows: {
    intervalStart: string;
    volume: number;
    ahtSeconds: number | null;
    requiredAgents: number | null;
    scheduledAgents: number | null;
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
    expect(p.target).toEqual({ sl: 0.8, thresholdSeconds: 20 });
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
    expect((await plan('channel=email')).warnings[0]).toContain('backlog');
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
      allowed: ['erlang-c', 'erlang-a'],
    });
    expect(await bad('from=2026-06-03&to=2026-06-01')).toMatchObject({ parameter: 'from' });
    expect(await bad('team=Blue')).toMatchObject({ parameter: 'team' });
  });
});

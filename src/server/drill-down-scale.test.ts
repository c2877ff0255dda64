// Survey figures given per scale (CES on 1–5 and on 1–7 are not averaged together): `scale` on
// /api/v1/surveys drills into one scale's row, so its total equals that row's n.

import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiRow } from '../engine/index.ts';
import { getJson, useSeededApp } from './fixture.test-helper.ts';

const { app, ws } = useSeededApp();

// Three CES responses on 1–7 (6, 5, 2) and two on 1–5 (4, 5), besides the seeded NPS and CSAT.
beforeAll(async () => {
  await ws().runner
    .exec(`INSERT INTO surveys (response_id, kind, score, scale_min, scale_max, responded_at) VALUES
    ('e1', 'ces', 6, 1, 7, TIMESTAMPTZ '2026-06-01 09:00:00+00'),
    ('e2', 'ces', 5, 1, 7, TIMESTAMPTZ '2026-06-01 09:10:00+00'),
    ('e3', 'ces', 2, 1, 7, TIMESTAMPTZ '2026-06-02 09:00:00+00'),
    ('e4', 'ces', 4, 1, 5, TIMESTAMPTZ '2026-06-01 10:00:00+00'),
    ('e5', 'ces', 5, 1, 5, TIMESTAMPTZ '2026-06-02 10:00:00+00')`);
});

const total = async (qs: string) =>
  (
    await getJson<{ total: number; rows: { response_id: string }[] }>(
      app(),
      `/api/v1/surveys?${qs}`,
    )
  ).total;

describe('drill-down by scale', () => {
  it("gives each CES scale's rows: totals equal the rows' n, and all scales together the sum", async () => {
    const { rows } = await getJson<{ rows: KpiRow[] }>(app(), '/api/v1/kpis?kpi=ces');
    const byScale = Object.fromEntries(rows.map((r) => [r.scale, [r.value, r.n]]));
    expect(byScale).toEqual({ '1-7': [13 / 3, 3], '1-5': [4.5, 2] });
    expect(await total('kpi=ces&scale=1-7')).toBe(3);
    expect(await total('kpi=ces&scale=1-5')).toBe(2);
    expect(await total('kpi=ces')).toBe(5);
    expect(await total('kpi=ces&scale=1-10')).toBe(0);
    // With a group too: 1–7 on 2 June is e3 alone.
    expect(await total('kpi=ces&scale=1-7&grain=day&group=period=2026-06-02')).toBe(1);
  });

  it('rejects a malformed scale, and scale on contacts and cases, naming the parameter', async () => {
    for (const path of [
      '/api/v1/surveys?kpi=ces&scale=7-1',
      '/api/v1/surveys?kpi=ces&scale=high',
      '/api/v1/contacts?scale=1-7',
      '/api/v1/cases?scale=1-7',
    ]) {
      const res = await app().inject({ method: 'GET', url: path });
      expect({ path, status: res.statusCode }).toEqual({ path, status: 400 });
      expect(JSON.stringify(res.json())).toContain('scale');
    }
  });
});

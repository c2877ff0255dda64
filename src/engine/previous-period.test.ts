// A query with a previous period computes both in one statement: each period's rows must equal
// those of a query over that period alone — totals, by channel, by day, with costs and surveys,
// and a previous period without any data (rows with n = 0, no value). The previous period is
// compared by value: its rows equal a query without percentiles.

import { describe, expect, it } from 'vitest';
import { settingsWith, useMemoryWorkspace } from '../../test/helpers/memory-workspace.ts';
import { KPI_IDS } from '../metrics/index.ts';
import { runKpiQuery } from './run-query.ts';

const { ws } = useMemoryWorkspace();

async function seed() {
  // 8 days of contacts (1–8 June 2026, one every 37 minutes), cases, surveys and June costs.
  await ws().runner.exec(`
    INSERT INTO contacts (contact_id, channel, customer_id, case_id, offered_at, answered_at, outcome, wait_s, talk_s, acw_s)
    SELECT 'c' || i, CASE i % 3 WHEN 0 THEN 'voice' WHEN 1 THEN 'chat' ELSE 'email' END, 'k' || (i % 50), 'case' || (i // 2),
           t, CASE WHEN i % 7 <> 0 THEN t + to_seconds(i % 45) END,
           CASE WHEN i % 7 = 0 THEN 'abandoned' ELSE 'answered' END, i % 45, 60 + i % 300, 20
    FROM (SELECT i, TIMESTAMPTZ '2026-05-31 22:00:00+00' + i * INTERVAL 37 MINUTE AS t FROM range(311) r(i))`);
  await ws().runner.exec(`
    INSERT INTO cases (case_id, channel, customer_id, created_at, resolved_at, reopened_count)
    SELECT 'case' || i, 'voice', 'k' || (i % 50), TIMESTAMPTZ '2026-05-31 22:00:00+00' + i * INTERVAL 74 MINUTE,
           CASE WHEN i % 4 <> 0 THEN TIMESTAMPTZ '2026-05-31 22:00:00+00' + i * INTERVAL 74 MINUTE + to_hours(i % 30) END, i % 5 = 0
    FROM range(150) r(i)`);
  await ws().runner.exec(`
    INSERT INTO surveys (response_id, kind, score, scale_min, scale_max, responded_at, contact_id)
    SELECT 's' || i, 'nps', i % 11, 0, 10, TIMESTAMPTZ '2026-06-01 08:00:00+00' + i * INTERVAL 90 MINUTE, 'c' || i
    FROM range(120) r(i)`);
  await ws().runner
    .exec(`INSERT INTO costs (period_start, period_end, channel, team, amount, currency)
    VALUES ('2026-06-01', '2026-06-30', 'voice', '', 3000, 'EUR'), ('2026-06-01', '2026-06-30', 'chat', '', 900, 'EUR')`);
}

const strip = (rows: readonly object[]) => JSON.parse(JSON.stringify(rows)) as unknown;

describe('a query with its previous period', () => {
  const shapes = [{}, { by: ['channel' as const] }, { grain: 'day' as const }];
  // With the daily rollups (counts from them, percentiles from the records) and without.
  for (const [shape, rollups] of shapes.flatMap((x) => [true, false].map((r) => [x, r] as const))) {
    it(`equals two separate queries (${JSON.stringify(shape)}, rollups ${rollups})`, async () => {
      await seed();
      const s = settingsWith({});
      const base = { kpis: [...KPI_IDS], ...shape };
      const both = await runKpiQuery(
        ws().runner,
        {
          ...base,
          from: '2026-06-05',
          to: '2026-06-08',
          previous: { from: '2026-06-01', to: '2026-06-04' },
        },
        s,
        { rollups },
      );
      const cur = await runKpiQuery(
        ws().runner,
        { ...base, from: '2026-06-05', to: '2026-06-08' },
        s,
        { rollups },
      );
      const prev = await runKpiQuery(
        ws().runner,
        { ...base, from: '2026-06-01', to: '2026-06-04', percentiles: false },
        s,
        { rollups },
      );
      expect(cur.rows.length).toBeGreaterThan(5);
      expect(both.rows.filter((r) => r.percentiles?.p50 != null).length).toBeGreaterThan(0);
      expect(strip(both.rows)).toEqual(strip(cur.rows));
      expect(strip(both.previous?.rows ?? [])).toEqual(strip(prev.rows));
      expect(both.previous?.period).toEqual({
        from: '2026-06-01',
        to: '2026-06-04',
        timezone: s.timezone,
      });
    });
  }

  it('a previous period without data gives rows with n = 0 and no value', async () => {
    await seed();
    const s = settingsWith({});
    const r = await runKpiQuery(
      ws().runner,
      {
        kpis: ['service_level', 'asa', 'nps', 'cost_per_resolution'],
        from: '2026-06-01',
        to: '2026-06-04',
        previous: { from: '2026-05-28', to: '2026-05-31' },
      },
      s,
    );
    const prev = r.previous?.rows ?? [];
    expect(prev.map((x) => x.kpi)).toEqual(['service_level', 'asa', 'nps', 'cost_per_resolution']);
    for (const x of prev) {
      expect(x.n).toBe(0);
      expect(x.value).toBeNull();
    }
    expect(r.rows.find((x) => x.kpi === 'service_level')?.n).toBeGreaterThan(100);
  });

  it('refuses a previous period that does not end the day before', async () => {
    await expect(
      runKpiQuery(
        ws().runner,
        {
          from: '2026-06-05',
          to: '2026-06-08',
          previous: { from: '2026-06-01', to: '2026-06-03' },
        },
        settingsWith({}),
      ),
    ).rejects.toThrow(/previous/);
  });
});

// Daily rollups must give the figures of the records to the last digit, for every shape they
// serve; shapes they cannot serve (percentiles, sub-day grains, slots, a query's own settings)
// must read the records; and new data or new settings must rebuild them before they are read.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPI_IDS } from '../metrics/index.ts';
import type { WorkspaceSettings } from '../metrics/settings.ts';
import { withOverride } from '../metrics/settings-override.ts';
import { simulate } from '../simulate/simulate.ts';
import { openWorkspace, type Workspace } from '../workspace/workspace.ts';
import { compileQuery } from './compile.ts';
import { listDimensions } from './dimensions.ts';
import { kpiQuery, type KpiQueryInput } from './query.ts';
import { runKpiQuery } from './run-query.ts';
import { ensureRollups } from './rollups.ts';

let ws: Workspace;
let s: WorkspaceSettings;

beforeAll(async () => {
  ws = await openWorkspace({ path: ':memory:' });
  await simulate(ws, { scenario: 'tiny' });
  s = await ws.settings();
});
afterAll(async () => {
  await ws.close();
});

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

async function both(q: KpiQueryInput) {
  const fast = await runKpiQuery(ws.runner, q, s);
  const records = await runKpiQuery(ws.runner, q, s, { rollups: false });
  return {
    fast: plain([fast.rows, fast.previous]),
    records: plain([records.rows, records.previous]),
  };
}

/** Which rollup tables the compiled query reads, by source. */
async function readers(q: KpiQueryInput, settings = s) {
  const tables = await ensureRollups(ws.runner, s);
  const c = compileQuery(kpiQuery(q), settings, ws.runner.dialect, null, tables);
  return Object.fromEntries(
    c.groups.map((g) => [`${g.source}|${g.timeField}`, g.rollup ?? 'records']),
  );
}

describe('daily rollups', () => {
  // The tiny scenario: 22–26 October 2026 in Amsterdam, DST ending on the 25th.
  const first = '2026-10-22';
  const shapes: [string, KpiQueryInput][] = [
    ['totals', { percentiles: false }],
    ['per day', { grain: 'day', percentiles: false }],
    ['per week by channel', { grain: 'week', by: ['channel'], percentiles: false }],
    ['by agent and category', { by: ['agent', 'category'], percentiles: false }],
    [
      'by weekday, one queue',
      { by: ['weekday'], filters: { channel: ['voice'] }, percentiles: false },
    ],
    [
      'by team with the previous period',
      {
        by: ['team'],
        from: '2026-10-24',
        to: '2026-10-25',
        previous: { from: '2026-10-22', to: '2026-10-23' },
        percentiles: false,
      },
    ],
    [
      'a period of one day by month',
      { grain: 'month', from: first, to: first, percentiles: false },
    ],
  ];

  it('are read for every source when no percentile is asked', async () => {
    const r = await readers({ grain: 'day', percentiles: false });
    expect(r).toEqual({
      'contacts|offered_at': 'rollup_contacts_offered_at',
      'cases|created_at': 'rollup_cases_created_at',
      'cases|resolved_at': 'rollup_cases_resolved_at',
      'surveys|responded_at': 'rollup_surveys_responded_at',
      'costs|day': 'records',
    });
  });

  for (const [name, q] of shapes) {
    it(`give the figures of the records: ${name}`, async () => {
      const { fast, records } = await both(q);
      expect(fast).toEqual(records);
      expect(JSON.stringify(fast)).toMatch(/"n":[1-9]/);
    });
  }

  it('take percentiles from the records, and counts from the rollup beside them', async () => {
    const q: KpiQueryInput = { kpis: ['asa', 'aht', 'nps', 'time_to_resolution'], by: ['channel'] };
    const tables = await ensureRollups(ws.runner, s);
    const c = compileQuery(kpiQuery(q), s, ws.runner.dialect, null, tables);
    const contacts = c.groups.find((g) => g.source === 'contacts');
    expect(contacts?.rollup).toBe('rollup_contacts_offered_at');
    expect(contacts?.parts).toBe(2);
    expect(c.groups.find((g) => g.source === 'surveys')?.parts).toBe(1);
    for (const shape of [
      q,
      {
        kpis: [...KPI_IDS],
        from: '2026-10-24',
        to: '2026-10-25',
        previous: { from: '2026-10-22', to: '2026-10-23' },
      },
      { kpis: [...KPI_IDS], grain: 'day' as const, by: ['team' as const] },
      { kpis: ['asa' as const], from: '2030-01-01', to: '2030-01-31' },
    ]) {
      const { fast, records } = await both(shape);
      expect(fast).toEqual(records);
    }
    const aht = (await runKpiQuery(ws.runner, q, s)).rows.find(
      (r) => r.kpi === 'aht' && r.keys['channel'] === 'voice',
    );
    expect(aht?.percentiles?.p90).toBeGreaterThan(aht?.percentiles?.p50 ?? Infinity);
    expect(aht?.percentiles?.p50).toBeGreaterThan(0);
  });

  it('list the same dimension values and data period as the records', async () => {
    const fast = await listDimensions(ws.runner, s);
    const records = await listDimensions(ws.runner, s, { rollups: false });
    expect(fast).toEqual(records);
    expect(fast.period).toMatchObject({ from: '2026-10-22', to: '2026-10-26' });
    expect(fast.agent.length).toBeGreaterThan(3);
  });

  it('leave hours and time-of-day slots to the records', async () => {
    expect(Object.values(await readers({ grain: 'hour', percentiles: false }))).not.toContain(
      'rollup_contacts_offered_at',
    );
    expect(
      Object.values(await readers({ by: ['slot'], kpis: ['service_level'], percentiles: false })),
    ).toEqual(['records']);
  });

  it("leave a query's own settings to the records when they change what is counted", async () => {
    const q: KpiQueryInput = {
      kpis: ['service_level', 'fcr', 'nps'],
      percentiles: false,
      settings: { service_level: { threshold_s: 5 }, fcr: { repeat_window_days: 1 } },
    };
    const r = await readers(q, withOverride(s, kpiQuery(q).settings));
    expect(r['contacts|offered_at']).toBe('records');
    expect(r['cases|created_at']).toBe('records');
    expect(r['surveys|responded_at']).toBe('rollup_surveys_responded_at');
    const { fast, records } = await both(q);
    expect(fast).toEqual(records);
  });

  it('are rebuilt when the data changes', async () => {
    const q: KpiQueryInput = { kpis: ['service_level', 'asa'], grain: 'day', percentiles: false };
    const before = await runKpiQuery(ws.runner, q, s);
    // One more answered voice contact on the first day, waiting 7 s, logged as an import.
    await ws.runner
      .exec(`INSERT INTO contacts (contact_id, channel, offered_at, answered_at, outcome, wait_s)
      VALUES ('extra-1', 'voice', TIMESTAMPTZ '${first} 09:00:00+02', TIMESTAMPTZ '${first} 09:00:07+02', 'answered', 7)`);
    await ws.runner
      .exec(`INSERT INTO import_log (import_id, entity, started_at, finished_at, "read", stored)
      VALUES ('test-extra', 'contacts', now(), now(), 1, 1)`);
    const after = await runKpiQuery(ws.runner, q, s);
    const asaOn = (r: typeof before) =>
      r.rows.find((x) => x.kpi === 'asa' && x.keys['period'] === first);
    expect(asaOn(after)?.n).toBe((asaOn(before)?.n ?? 0) + 1);
    const { fast, records } = await both(q);
    expect(fast).toEqual(records);
  });

  it('are rebuilt when the workspace settings change', async () => {
    const strict = {
      ...s,
      service_level: {
        ...s.service_level,
        threshold_s_by_channel: { ...s.service_level.threshold_s_by_channel, voice: 5 },
      },
    };
    const q: KpiQueryInput = { kpis: ['service_level'], by: ['channel'], percentiles: false };
    const r = await readers(q, strict);
    expect(r['contacts|offered_at']).toBe('records');
    await ensureRollups(ws.runner, strict);
    const c = compileQuery(
      kpiQuery(q),
      strict,
      ws.runner.dialect,
      null,
      await ensureRollups(ws.runner, strict),
    );
    expect(c.groups[0]?.rollup).toBe('rollup_contacts_offered_at');
    const fast = await runKpiQuery(ws.runner, q, strict);
    const records = await runKpiQuery(ws.runner, q, strict, { rollups: false });
    expect(plain(fast.rows)).toEqual(plain(records.rows));
    const loose = await runKpiQuery(ws.runner, q, s);
    const voice = (rows: typeof loose.rows) => rows.find((x) => x.keys['channel'] === 'voice');
    expect(voice(fast.rows)?.value).toBeLessThan(voice(loose.rows)?.value ?? 0);
  });
});

// Settings for one query (KpiQuery.settings) on real DuckDB: merged over the workspace's for that
// query only, validated by the settings schema, and used by the drill-down too.

import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.ts';
import { settingsWith, useMemoryWorkspace } from '../../test/helpers/memory-workspace.ts';
import { drillDown } from './drill-down.ts';
import { runKpiQuery } from './run-query.ts';

const { ws } = useMemoryWorkspace();

/*
  Answered waits 10, 25, 40 s; abandoned after 2 s (short) and after 30 s; one flowed out.
  Workspace: T = 30 s. Default variant: A≤T / (A + Ab + F − Ab<S) = 2 / (3 + 2 + 1 − 1) = 2 / 5.
  answered-only: A≤T / A = 2 / 3. With T = 20 s as well: 1 / 3.
*/
async function seed() {
  await ws().runner.exec(`
    INSERT INTO contacts (contact_id, channel, offered_at, outcome, wait_s) VALUES
      ('a1', 'voice', '2026-06-01 08:00:00+00', 'answered', 10),
      ('a2', 'voice', '2026-06-01 08:01:00+00', 'answered', 25),
      ('a3', 'voice', '2026-06-01 08:02:00+00', 'answered', 40),
      ('b1', 'voice', '2026-06-01 08:03:00+00', 'abandoned', 2),
      ('b2', 'voice', '2026-06-01 08:04:00+00', 'abandoned', 30),
      ('f1', 'voice', '2026-06-01 08:05:00+00', 'flowed_out', 60)`);
}

const workspace = settingsWith({ service_level: { threshold_s: 30 } });
const sl = async (settings?: Record<string, unknown>) => {
  const report = await runKpiQuery(
    ws().runner,
    { kpis: ['service_level'], ...(settings ? { settings } : {}) },
    workspace,
  );
  return { report, row: report.rows[0] };
};

describe('KpiQuery.settings', () => {
  it('overrides the variant for this query only, keeping the other workspace settings', async () => {
    await seed();
    const { row: base } = await sl();
    expect(base).toMatchObject({
      numerator: 2,
      denominator: 5,
      variant: 'offered-minus-short-abandons',
    });
    const { report, row } = await sl({ service_level: { variant: 'answered-only' } });
    expect(row).toMatchObject({ numerator: 2, denominator: 3, variant: 'answered-only' });
    expect(row?.settings['threshold_s']).toBe('30 s'); // the workspace's T, not the default 20
    expect(report.query.settings).toEqual({ service_level: { variant: 'answered-only' } });
    const { row: both } = await sl({
      service_level: { variant: 'answered-only', threshold_s: 20 },
    });
    expect(both).toMatchObject({ numerator: 1, denominator: 3 });
    expect(workspace.service_level.variant).toBe('offered-minus-short-abandons');
  });

  it("the drill-down with the same settings lists the figure's n rows", async () => {
    await seed();
    const settings = { service_level: { variant: 'answered-only' } } as const;
    const dd = await drillDown(
      ws().runner,
      { query: { settings }, kpi: 'service_level' },
      workspace,
    );
    expect(dd.rows.map((r) => r['contact_id'])).toEqual(['a1', 'a2', 'a3']);
  });

  it('refuses a bad value or an unknown setting like `cxkpi config set` does', async () => {
    await seed();
    const err = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e,
      );
    const bad = await err(sl({ service_level: { variant: 'fastest' } }));
    expect(bad).toBeInstanceOf(UserError);
    expect(bad).toMatchObject({
      code: 'INVALID_SETTING',
      location: { parameter: 'service_level.variant' },
    });
    const unknown = await err(sl({ service_level: { treshold_s: 10 } }));
    expect(unknown).toMatchObject({
      code: 'UNKNOWN_SETTING',
      location: { parameter: 'service_level.treshold_s' },
    });
    const zone = await err(sl({ timezone: 'Mars/Base' }));
    expect(zone).toMatchObject({ code: 'INVALID_SETTING', location: { parameter: 'timezone' } });
  });
});

// The derived fact tables on real DuckDB: built on first read, rebuilt when rows or the import
// log change, left alone otherwise, and rebuilt after invalidateDerived for in-place rewrites.

import { describe, expect, it } from 'vitest';
import { only, useMemoryWorkspace } from '../../test/helpers/memory-workspace.ts';
import { ensureDerived, invalidateDerived } from './derived.ts';

const { ws } = useMemoryWorkspace();

const builtAt = async () =>
  String(
    (await ws().runner.all(`SELECT CAST(built_at AS VARCHAR) AS t FROM derived_state`))[0]?.['t'],
  );
const caseCount = async () =>
  Number((await ws().runner.all('SELECT count(*) AS n FROM case_facts'))[0]?.['n']);

async function contact(id: string, customer: string, day: string, flag: boolean | null) {
  await ws().runner
    .exec(`INSERT INTO contacts (contact_id, channel, customer_id, offered_at, ended_at, outcome, first_contact_resolved)
    VALUES ('${id}', 'voice', '${customer}', '${day} 09:00:00+00', '${day} 09:05:00+00', 'answered', ${flag ?? 'NULL'})`);
}

describe('derived fact tables', () => {
  it('follow new rows, and stay as built while nothing changes', async () => {
    await contact('c1', 'u1', '2026-06-01', null);
    expect(await only(ws(), { kpis: ['fcr'] })).toMatchObject({ numerator: 1, denominator: 1 });
    const first = await builtAt();
    await ensureDerived(ws().runner);
    expect(await builtAt()).toBe(first);
    // u1 comes back two days later: c1 is no longer resolved at first contact (7-day window).
    await contact('c2', 'u1', '2026-06-03', null);
    expect(await caseCount()).toBe(1);
    expect(await only(ws(), { kpis: ['fcr'] })).toMatchObject({ numerator: 1, denominator: 2 });
    expect(await caseCount()).toBe(2);
  });

  it('an in-place rewrite shows after invalidateDerived', async () => {
    await contact('c1', 'u1', '2026-06-01', null);
    await contact('c2', 'u2', '2026-06-01', null);
    expect(await only(ws(), { kpis: ['fcr'] })).toMatchObject({ numerator: 2, denominator: 2 });
    await ws().runner.exec(
      `UPDATE contacts SET first_contact_resolved = FALSE WHERE contact_id = 'c1'`,
    );
    // Same counts, same import log: the tables cannot see this rewrite by themselves.
    expect(await only(ws(), { kpis: ['fcr'] })).toMatchObject({ numerator: 2, denominator: 2 });
    await invalidateDerived(ws().runner);
    expect(await only(ws(), { kpis: ['fcr'] })).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('concurrent first reads build once', async () => {
    await contact('c1', 'u1', '2026-06-01', true);
    await Promise.all([ensureDerived(ws().runner), ensureDerived(ws().runner)]);
    const rows = await ws().runner.all('SELECT count(*) AS n FROM derived_state');
    expect(Number(rows[0]?.['n'])).toBe(1);
    expect(await caseCount()).toBe(1);
  });
});

// FCR method 3 on real DuckDB: "no repeat contact within N days of a resolved contact" counts
// the N days from the case's resolution, and a repeat is any later contact of the customer —
// a second contact on the case, or another contact (any channel) after the first contact.

import { describe, expect, it } from 'vitest';
import {
  only,
  scalar,
  settingsWith,
  useMemoryWorkspace,
} from '../../test/helpers/memory-workspace.ts';
import { drillDown } from './drill-down.ts';

const { ws } = useMemoryWorkspace();

/*
  N = 7 days. Each case: one customer, created and first contacted on 2 March 09:00 (UTC).
  K resolved 8 Mar 12:00; uK calls again 10 Mar (2 days after resolution)     → not FCR
  L resolved 8 Mar 12:00; uL calls again 16 Mar 12:01 (8 days and a minute)  → FCR
  M resolved 2 Mar 10:00; a second contact on M itself on 4 Mar              → not FCR
  N resolved 20 Mar; uN opens a chat on 5 Mar, while N is still open          → not FCR
  P resolved 8 Mar 12:00; uP called on 1 Mar, before P's first contact       → FCR
  The later calls are abandoned, so they form no case of their own but still count as repeats.
*/
async function seed() {
  await ws().runner.exec(`
    INSERT INTO cases (case_id, channel, customer_id, created_at, resolved_at, reopened_count) VALUES
      ('K', 'voice', 'uK', '2026-03-02 09:00:00+00', '2026-03-08 12:00:00+00', 0),
      ('L', 'voice', 'uL', '2026-03-02 09:00:00+00', '2026-03-08 12:00:00+00', 0),
      ('M', 'voice', 'uM', '2026-03-02 09:00:00+00', '2026-03-02 10:00:00+00', 0),
      ('N', 'voice', 'uN', '2026-03-02 09:00:00+00', '2026-03-20 09:00:00+00', 0),
      ('P', 'voice', 'uP', '2026-03-02 09:00:00+00', '2026-03-08 12:00:00+00', 0);
    INSERT INTO contacts (contact_id, channel, customer_id, case_id, offered_at, ended_at, outcome) VALUES
      ('k1', 'voice', 'uK', 'K', '2026-03-02 09:00:00+00', '2026-03-02 09:10:00+00', 'answered'),
      ('k2', 'voice', 'uK', NULL, '2026-03-10 09:00:00+00', NULL, 'abandoned'),
      ('l1', 'voice', 'uL', 'L', '2026-03-02 09:00:00+00', '2026-03-02 09:10:00+00', 'answered'),
      ('l2', 'voice', 'uL', NULL, '2026-03-16 12:01:00+00', NULL, 'abandoned'),
      ('m1', 'voice', 'uM', 'M', '2026-03-02 09:00:00+00', '2026-03-02 09:10:00+00', 'answered'),
      ('m2', 'email', 'uM', 'M', '2026-03-04 09:00:00+00', NULL, 'abandoned'),
      ('n1', 'voice', 'uN', 'N', '2026-03-02 09:00:00+00', '2026-03-02 09:10:00+00', 'answered'),
      ('n2', 'chat', 'uN', NULL, '2026-03-05 09:00:00+00', NULL, 'abandoned'),
      ('p0', 'voice', 'uP', NULL, '2026-03-01 09:00:00+00', NULL, 'abandoned'),
      ('p1', 'voice', 'uP', 'P', '2026-03-02 09:00:00+00', '2026-03-02 09:10:00+00', 'answered');`);
}

/** Method 3 written out by hand, one correlated subquery per rule. */
const HAND_WRITTEN = `
  SELECT count(*) FROM cases k
  WHERE k.resolved_at IS NOT NULL
    AND (SELECT count(*) FROM contacts c WHERE c.case_id = k.case_id) = 1
    AND NOT EXISTS (
      SELECT 1 FROM contacts o
      WHERE o.customer_id = k.customer_id AND o.case_id IS DISTINCT FROM k.case_id
        AND o.offered_at > (SELECT min(offered_at) FROM contacts c WHERE c.case_id = k.case_id)
        AND o.offered_at <= k.resolved_at + INTERVAL 7 DAY)`;

describe('FCR method 3: the N days run from the resolution', () => {
  it('created 2 Mar, resolved 8 Mar, calls again 10 Mar (N = 7): not FCR', async () => {
    await seed();
    const k = await only(ws(), { kpis: ['fcr'] }, { fcr: { method: 'no-repeat' } });
    // Of K, L, M, N and P only L and P are first contact resolutions.
    expect(k).toMatchObject({ numerator: 2, denominator: 5, value: 40 });
    expect(k.numerator).toBe(await scalar(ws(), HAND_WRITTEN));
  });

  it('the drill-down lists the same five cases with whether the customer came back', async () => {
    await seed();
    const settings = settingsWith({ fcr: { method: 'no-repeat' } });
    const dd = await drillDown(ws().runner, { query: {}, kpi: 'fcr' }, settings);
    expect(dd.total).toBe(5);
    expect(dd.rows.map((r) => [r['case_key'], r['repeat_contact']]).sort()).toEqual([
      ['K', true],
      ['L', false],
      ['M', true],
      ['N', true],
      ['P', false],
    ]);
  });

  it('a longer window reaches L too: 9 days makes the 16 Mar call a repeat', async () => {
    await seed();
    const row = await only(
      ws(),
      { kpis: ['fcr'] },
      { fcr: { method: 'no-repeat', repeat_window_days: 9 } },
    );
    expect(row).toMatchObject({ numerator: 1, denominator: 5 });
  });

  it('auto decides the unflagged cases the same way', async () => {
    await seed();
    const row = await only(ws(), { kpis: ['fcr'] });
    expect(row).toMatchObject({ numerator: 2, denominator: 5 });
    expect(row.counts).toMatchObject({ decided_by_flag: 0, decided_by_no_repeat: 5 });
  });
});

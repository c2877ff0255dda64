// Contact-only data (a call log without a cases table, like the PwC export) on real DuckDB: each
// handled contact becomes a one-contact case for FCR and cost per resolution, but reopen rate and
// time to resolution need a real case and have no value, instead of a made-up 0 % and 0.0 h.

import { describe, expect, it } from 'vitest';
import { only, scalar, useMemoryWorkspace } from '../../test/helpers/memory-workspace.ts';

const { ws } = useMemoryWorkspace();

/*
  c1 u1 answered 1 Jun 09:00–09:10; u1 calls again on 3 Jun (c3) → c1 is not FCR (method 3)
  c2 u2 answered 1 Jun 10:00–10:05
  c3 u1 answered 3 Jun 09:00–09:20
  c4 u3 abandoned 1 Jun: never handled, so no case (and no resolution)
  Costs: 300 EUR on 1–3 June, all channels.
*/
async function seed() {
  await ws().runner.exec(`
    INSERT INTO contacts (contact_id, channel, customer_id, offered_at, ended_at, outcome, wait_s) VALUES
      ('c1', 'voice', 'u1', '2026-06-01 09:00:00+00', '2026-06-01 09:10:00+00', 'answered', 10),
      ('c2', 'voice', 'u2', '2026-06-01 10:00:00+00', '2026-06-01 10:05:00+00', 'answered', 20),
      ('c3', 'voice', 'u1', '2026-06-03 09:00:00+00', '2026-06-03 09:20:00+00', 'answered', 30),
      ('c4', 'voice', 'u3', '2026-06-01 11:00:00+00', NULL, 'abandoned', 40);
    INSERT INTO costs (period_start, period_end, channel, team, amount, currency) VALUES
      ('2026-06-01', '2026-06-03', '', '', 300, 'EUR');`);
}

describe('contact-only data', () => {
  it('reopen rate and time to resolution have no value, and say what they left out', async () => {
    await seed();
    const reopen = await only(ws(), { kpis: ['reopen_rate'] });
    expect(reopen).toMatchObject({ value: null, n: 0 });
    expect(reopen.excluded).toEqual({ contacts_without_case: 3, unknown_reopens: 0 });
    expect(reopen.rating.status).toBeNull();
    expect(reopen.variant).toMatch(/cases table only/);
    const ttr = await only(ws(), { kpis: ['time_to_resolution'] });
    expect(ttr).toMatchObject({ value: null, n: 0 });
    expect(ttr.percentiles).toEqual({ p50: null, p90: null, p95: null });
    expect(ttr.excluded).toEqual({ contacts_without_case: 3 });
    expect(ttr.rating.status).toBeNull();
  });

  it('FCR counts the three handled contacts as cases (c1 is followed by c3 within 7 days)', async () => {
    await seed();
    const fcr = await only(ws(), { kpis: ['fcr'] });
    expect(fcr).toMatchObject({ numerator: 2, denominator: 3 });
    expect(fcr.counts).toMatchObject({ cases: 3, contacts_without_case: 3 });
    const byHand = await scalar(
      ws(),
      `SELECT count(*) FROM contacts c WHERE outcome = 'answered' AND NOT EXISTS (
         SELECT 1 FROM contacts o WHERE o.customer_id = c.customer_id AND o.contact_id <> c.contact_id
           AND o.offered_at > c.offered_at AND o.offered_at <= c.ended_at + INTERVAL 7 DAY)`,
    );
    expect(fcr.numerator).toBe(byHand);
  });

  it('cost per resolution counts each handled contact as one resolution: 300 / 3', async () => {
    await seed();
    const cpr = await only(ws(), { kpis: ['cost_per_resolution'] });
    expect(cpr).toMatchObject({ numerator: 300, denominator: 3, value: 100 });
    expect(cpr.counts).toEqual({
      resolved: 3,
      resolved_cases: 0,
      resolved_contacts_without_case: 3,
    });
  });
});

// End to end on the tiny scenario: every entity through the write path into an in-memory store,
// determinism by seed, and the relations the demo data must carry (FCR lifts CSAT, waits hurt NPS).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_FIELDS, ENTITY_KEY } from '../model/fields.ts';
import type { Entity } from '../model/fields.ts';
import { openWorkspace } from '../workspace/workspace.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { simulate } from './simulate.ts';
import type { SimulationSummary } from './summary.ts';

let ws: Workspace;
let summary: SimulationSummary;

beforeAll(async () => {
  ws = await openWorkspace({ path: ':memory:' });
  summary = await simulate(ws, { scenario: 'tiny' });
});
afterAll(async () => {
  await ws.close();
});

const one = async (w: Workspace, sql: string) => (await w.runner.all(sql))[0]!;

/** A digest of an entity's canonical columns in key order (lineage columns left out). */
async function digest(w: Workspace, entity: Entity): Promise<string> {
  const cols = ENTITY_FIELDS[entity].map((f) => `CAST("${f.name}" AS VARCHAR)`).join(", '|', ");
  const order = ENTITY_KEY[entity].join(', ');
  const r = await one(
    w,
    `SELECT md5(string_agg(concat_ws('', ${cols}), chr(10) ORDER BY ${order})) AS h FROM ${entity}`,
  );
  return String(r['h']);
}

describe('simulate (tiny scenario)', () => {
  it('writes contacts, cases, surveys, costs and the staffing plan', async () => {
    const c = summary.counts;
    expect(c.contacts).toBeGreaterThan(2000);
    expect(c.contacts).toBeLessThan(6000);
    // Every entity, the staffing plan too, goes through the import write path: one logged import
    // each, whose stored count is the table's row count, and rows carrying that import's id.
    for (const e of ['contacts', 'cases', 'surveys', 'costs', 'staffing'] as const) {
      const logged = await one(
        ws,
        `SELECT l.stored, l.quarantined, (SELECT count(*) FROM ${e} WHERE _import_id = l.import_id) AS rows,
           (SELECT count(*) FROM ${e}) AS n
         FROM import_log l WHERE l.entity = '${e}'`,
      );
      expect(Number(logged['n'])).toBe(c[e]);
      expect(Number(logged['stored'])).toBe(c[e]);
      expect(Number(logged['rows'])).toBe(c[e]);
      expect(Number(logged['quarantined'])).toBe(0);
    }
    // 5 queues × (4 days of 96 quarter hours + 25 October, the 25-hour day, of 100).
    expect(c.staffing).toBe(5 * (4 * 96 + 100));
    expect(c.costs).toBe(5 * 4); // 5 days × 4 channels
    expect(summary.passes).toBe(1);
    expect(summary.peak_rss_mb).toBeGreaterThan(0);
    expect((await ws.settings()).timezone).toBe('Europe/Amsterdam');
  });

  it('writes a transfer as two contacts of one case: a second agent in the target queue', async () => {
    const r = await one(
      ws,
      `SELECT count(*) AS transfers,
              count(leg.contact_id) AS legs,
              count(*) FILTER (WHERE leg.agent_id = t.agent_id) AS same_agent,
              count(*) FILTER (WHERE t.channel = 'voice' AND leg.queue = t.queue) AS same_voice_queue,
              count(*) FILTER (WHERE leg.transferred) AS transferred_twice,
              count(*) FILTER (WHERE leg.outcome = 'answered') AS legs_answered,
              count(*) FILTER (WHERE t.case_id IS NULL) AS no_case
       FROM contacts t LEFT JOIN contacts leg
         ON leg.case_id = t.case_id AND leg.offered_at = t.ended_at AND leg.contact_id <> t.contact_id
       WHERE t.transferred`,
    );
    const n = Number(r['transfers']);
    expect(n).toBeGreaterThan(30);
    // Every leg is found but those still waiting when the period ended (not written).
    expect(Number(r['legs'])).toBeGreaterThanOrEqual(n - 5);
    expect(Number(r['legs_answered'])).toBeGreaterThan(0.8 * n);
    expect(Number(r['same_agent'])).toBe(0);
    // tiny routes voice transfers between its two voice queues.
    expect(Number(r['same_voice_queue'])).toBe(0);
    expect(Number(r['transferred_twice'])).toBe(0);
    expect(Number(r['no_case'])).toBe(0);
  });

  it('writes the settings the scenario implies, computed here from the staffing table', async () => {
    const s = await ws.settings();
    const paid = await one(
      ws,
      `SELECT 1 - sum(agents_on_duty) / sum(agents_staffed) AS shrinkage,
              sum(agents_staffed * hourly_rate) / sum(agents_staffed) AS rate,
              count(*) FILTER (WHERE agents_on_duty > agents_staffed + 1e-9) AS more_on_duty
       FROM staffing`,
    );
    expect(Number(paid['more_on_duty'])).toBe(0);
    expect(s.staffing.shrinkage).toBeCloseTo(Number(paid['shrinkage']), 4);
    // Breaks (60 of 480 minutes) and 5 % absent shifts: about 1 − 0.875 × 0.95.
    expect(s.staffing.shrinkage).toBeGreaterThan(0.12);
    expect(s.staffing.shrinkage).toBeLessThan(0.25);
    expect(s.staffing.hourly_rate).toBeCloseTo(Number(paid['rate']), 2);
    expect(s.staffing).toMatchObject({
      interval_minutes: 15,
      max_occupancy: 0.9,
      concurrency_by_channel: { voice: 1, chat: 3, messaging: 4, email: 1 },
    });
    expect(s.service_level.threshold_s_by_channel).toEqual({
      voice: 20,
      chat: 60,
      messaging: 3600,
      email: 86400,
    });
    // tiny's voice queues aim at 70/20 (the default's at 80/20).
    expect(s.targets_by_channel).toMatchObject({
      voice: { service_level: 70 },
      email: { service_level: 90 },
    });
    // Business hours: the e-mail (back-office) channel's opening hours.
    expect(s.business_hours.week).toEqual({
      '1': [['08:00', '20:00']],
      '2': [['08:00', '20:00']],
      '3': [['08:00', '20:00']],
      '4': [['08:00', '20:00']],
      '5': [['08:00', '20:00']],
      '6': [['09:00', '17:00']],
      '7': [],
    });
    expect(s.business_hours.holidays).toEqual([]);
  });

  it('reports the typical weekday peak of agents on duty, as the staffing table has it', async () => {
    // Per working weekday the busiest interval (all queues), then the median over those days.
    const r = await one(
      ws,
      `WITH per_interval AS (
         SELECT interval_start, sum(agents_on_duty) AS on_duty, sum(agents_staffed) AS paid
         FROM staffing GROUP BY interval_start),
       per_day AS (
         SELECT CAST(timezone('Europe/Amsterdam', interval_start) AS DATE) AS day,
                max(on_duty) AS on_duty, max(paid) AS paid
         FROM per_interval GROUP BY 1)
       SELECT median(on_duty) AS on_duty, median(paid) AS paid FROM per_day
       WHERE isodow(day) <= 5`,
    );
    expect(summary.agents.weekday_peak_on_duty).toBeCloseTo(Number(r['on_duty']), 1);
    expect(summary.agents.weekday_peak_scheduled).toBeCloseTo(Number(r['paid']), 1);
  });

  it('plans the 25-hour day of the switch to winter time in 100 quarter hours', async () => {
    const rows = await ws.runner.all(`SELECT queue, count(*) AS n FROM staffing
      WHERE CAST(timezone('Europe/Amsterdam', interval_start) AS DATE) = DATE '2026-10-25' GROUP BY queue`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r['n'])).toBe(100);
  });

  it('carries queues, agents, repeat contacts, flow-outs and transfers', async () => {
    const r = await one(
      ws,
      `SELECT count(*) FILTER (WHERE outcome = 'flowed_out' AND flow_reason IS NULL) AS flow_no_reason,
              count(*) FILTER (WHERE outcome = 'answered' AND (agent_id IS NULL OR team IS NULL)) AS answered_no_agent,
              count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,
              count(*) FILTER (WHERE transferred) AS transferred,
              count(*) FILTER (WHERE wait_s < 0 OR talk_s < 0) AS negative
       FROM contacts`,
    );
    expect(Number(r['flow_no_reason'])).toBe(0);
    expect(Number(r['answered_no_agent'])).toBe(0);
    expect(Number(r['negative'])).toBe(0);
    expect(Number(r['abandoned'])).toBeGreaterThan(0);
    expect(Number(r['transferred'])).toBeGreaterThan(0);
    const repeats = await one(
      ws,
      `SELECT count(*) AS cases, count(*) FILTER (WHERE channels > 1) AS cross_channel,
              count(*) FILTER (WHERE customers > 1) AS mixed_customers
       FROM (SELECT case_id, count(DISTINCT channel) AS channels, count(DISTINCT customer_id) AS customers
             FROM contacts WHERE case_id IS NOT NULL GROUP BY case_id HAVING count(*) > 1)`,
    );
    expect(Number(repeats['cases'])).toBeGreaterThan(50);
    expect(Number(repeats['cross_channel'])).toBeGreaterThan(0);
    expect(Number(repeats['mixed_customers'])).toBe(0);
  });

  it('is deterministic for a seed, in one pass or three, and differs for another seed', async () => {
    const again = await openWorkspace({ path: ':memory:' });
    const other = await openWorkspace({ path: ':memory:' });
    try {
      // Nothing kept in memory: cases and surveys come from re-running the same events.
      const rerun = await simulate(again, { scenario: 'tiny', retainBytes: 0 });
      expect(rerun.passes).toBe(3);
      await simulate(other, { scenario: 'tiny', seed: 8 });
      for (const e of ['contacts', 'cases', 'surveys', 'costs'] as const) {
        expect(await digest(again, e)).toBe(await digest(ws, e));
      }
      for (const e of ['contacts', 'cases', 'surveys'] as const) {
        expect(await digest(other, e)).not.toBe(await digest(ws, e));
      }
    } finally {
      await again.close();
      await other.close();
    }
  });

  it('CSAT is higher for cases resolved at the first contact', async () => {
    const rows = await ws.runner.all(`
      WITH touches AS (SELECT case_id, count(*) AS n FROM contacts WHERE case_id IS NOT NULL GROUP BY case_id),
      fcr AS (SELECT k.case_id, k.resolved_at IS NOT NULL AND k.reopened_count = 0 AND t.n = 1 AS fcr
              FROM cases k JOIN touches t USING (case_id))
      SELECT fcr, avg(s.score) AS mean, avg(CASE WHEN s.score >= 4 THEN 1 ELSE 0 END) AS satisfied, count(*) AS n
      FROM surveys s JOIN fcr USING (case_id) WHERE s.kind = 'csat' GROUP BY fcr`);
    const by = Object.fromEntries(rows.map((r) => [String(r['fcr']), r]));
    expect(Number(by['true']!['n'])).toBeGreaterThan(100);
    expect(Number(by['false']!['n'])).toBeGreaterThan(50);
    expect(Number(by['true']!['mean'])).toBeGreaterThan(Number(by['false']!['mean']) + 0.3);
    expect(Number(by['true']!['satisfied'])).toBeGreaterThan(Number(by['false']!['satisfied']));
  });

  it('NPS is lower after long waits than after short ones', async () => {
    const rows = await ws.runner.all(`
      SELECT c.wait_s > 60 AS long_wait,
             100.0 * avg(CASE WHEN s.score >= 9 THEN 1 ELSE 0 END) - 100.0 * avg(CASE WHEN s.score <= 6 THEN 1 ELSE 0 END) AS nps,
             count(*) AS n
      FROM surveys s JOIN contacts c USING (contact_id)
      WHERE s.kind = 'nps' AND (c.wait_s > 60 OR c.wait_s <= 10)
      GROUP BY 1`);
    const by = Object.fromEntries(rows.map((r) => [String(r['long_wait']), r]));
    expect(Number(by['true']!['n'])).toBeGreaterThan(50);
    expect(Number(by['true']!['nps'])).toBeLessThan(Number(by['false']!['nps']) - 5);
  });
});

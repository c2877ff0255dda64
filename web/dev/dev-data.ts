// Development-only synthetic data for the dashboard dev server (not shipped, not used by tests).
// Limits: crude random distributions in SQL; the real demo data comes from src/simulate.

import type { Runner } from '../../src/engine/runner.ts';

export async function fillDevData(r: Runner, { days = 70 }: { days?: number } = {}): Promise<void> {
  await r.exec(`SELECT setseed(0.42)`);
  await r.exec(`INSERT INTO contacts (contact_id, channel, direction, queue, agent_id, team, customer_id, case_id,
      category, offered_at, answered_at, ended_at, wait_s, talk_s, hold_s, acw_s, outcome, first_contact_resolved)
    SELECT 'c' || i, ch, 'inbound', q, CASE WHEN o = 'answered' THEN ag END, tm, 'u' || (i % 3000),
      'k' || i, cat, t, CASE WHEN o = 'answered' THEN t + to_seconds(w) END,
      t + to_seconds(w + 400), w, CASE WHEN o = 'answered' THEN 150 + random() * 400 END,
      CASE WHEN o = 'answered' THEN random() * 60 END, CASE WHEN o = 'answered' THEN 30 + random() * 90 END,
      o, NULL
    FROM (SELECT i, ['voice','voice','chat','email'][1 + (i % 4)] AS ch,
        ['Sales','Support','Billing'][1 + (i % 3)] AS q, 'agent' || (1 + i % 12) AS ag,
        ['Team A','Team B','Team C'][1 + ((i % 12) // 4)] AS tm, ['order','invoice','delivery','account'][1 + (i % 5) % 4] AS cat,
        TIMESTAMPTZ '2026-01-05 07:00:00+00' + to_days(CAST(floor(random() * ${days}) AS INTEGER))
          + to_seconds(CAST(floor(random() * 36000) AS BIGINT)) AS t,
        round(-ln(random() + 1e-9) * 25) AS w,
        CASE WHEN random() < 0.88 THEN 'answered' WHEN random() < 0.8 THEN 'abandoned' ELSE 'flowed_out' END AS o
      FROM range(0, 20000) r(i))`);
  await r.exec(`INSERT INTO cases (case_id, channel, customer_id, category, queue, team, agent_id, created_at,
      resolved_at, reopened_count, first_contact_resolved)
    SELECT case_id, channel, customer_id, category, queue, team, agent_id, offered_at,
      CASE WHEN random() < 0.9 THEN offered_at + to_seconds(CAST(random() * 172800 AS BIGINT)) END,
      CASE WHEN random() < 0.06 THEN 1 ELSE 0 END, random() < 0.76
    FROM contacts WHERE outcome = 'answered'`);
  await r.exec(`INSERT INTO surveys (response_id, kind, score, scale_min, scale_max, responded_at, contact_id, comment)
    SELECT 's' || contact_id || k, k, CASE k WHEN 'nps' THEN CAST(least(10, floor(random() * 13)) AS INTEGER)
      WHEN 'csat' THEN CAST(1 + least(4, floor(random() * 6)) AS INTEGER) ELSE CAST(1 + least(4, floor(random() * 6)) AS INTEGER) END,
      CASE k WHEN 'nps' THEN 0 ELSE 1 END, CASE k WHEN 'nps' THEN 10 ELSE 5 END,
      answered_at + INTERVAL 1 HOUR, contact_id,
      CASE WHEN k = 'nps' AND random() < 0.3 THEN ['Quick and friendly help.','Waited far too long.',
        'Agent solved it at once.','Had to call twice.','OK, nothing special.'][1 + CAST(floor(random()*5) AS INTEGER)] END
    FROM contacts, (VALUES ('nps'), ('csat'), ('ces')) v(k)
    WHERE outcome = 'answered' AND random() < 0.12`);
  await r.exec(`INSERT INTO costs (period_start, period_end, channel, team, amount, currency)
    SELECT DATE '2026-01-01' + INTERVAL (m) MONTH, last_day(DATE '2026-01-01' + INTERVAL (m) MONTH), ch, '',
      40000 + m * 1000, 'EUR' FROM range(0, 4) a(m), (VALUES ('voice'), ('chat'), ('email')) v(ch)`);
}

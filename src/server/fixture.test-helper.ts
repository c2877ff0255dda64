// A small, hand-checkable data set in a fresh in-memory workspace, and the app on top of it.
// Limits: Europe/Amsterdam (UTC+2 in June); all times between 08:00 and 12:00 UTC, same local day.

import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openWorkspace, type Workspace } from '../workspace/workspace.ts';
import { buildServer } from './build-server.ts';

/*
 * Contacts (default SL: T = 20 s, ≤ T, short abandon < 5 s, offered − short abandons):
 *   day 1 (2026-06-01)                         day 2 (2026-06-02)
 *   c1  voice answered  wait 10  390 s  K1     c9  voice answered  wait 15  310 s  K1
 *   c2  voice answered  wait 20  240 s  K2     c10 voice abandoned wait 8
 *   c3  voice answered  wait 18  540 s  K3     c11 chat  answered  wait 12  500 s  K6
 *   c4  voice abandoned wait 3 (short)         c12 chat  abandoned wait 2 (short)
 *   c5  voice abandoned wait 30
 *   c6  chat  answered  wait 5   600 s  K4
 *   c7  chat  answered  wait 70  300 s  K5
 *   c8  chat  flowed_out wait 100 (callback)
 * SL: A≤T = 6 (c1 c2 c3 c6 c9 c11), offered 12, short abandons 2 → 6 / 10 = 60 %.
 *   voice 4 / (7 − 1) = 66.67 %; chat 2 / (5 − 1) = 50 %; day 1 4 / 7; day 2 2 / 3.
 * ASA: waits of answered 10 20 18 5 70 15 12 → 150 / 7; p50 15; p90 20 + 0.4 × 50 = 40.
 * AHT: 390 240 540 600 300 310 500 → 2880 / 7. Abandon rate: 2 / 10 = 20 %.
 * Cases (FCR method auto: source flag where given): K1 F, K2 T, K3 F (reopened), K4 T,
 *   K5 no flag, unresolved (decided by no-repeat: not resolved → no), K6 T → 3 / 6 = 50 %.
 *   Resolved: K1 4 h, K2 2 h, K3 24 h, K4 20 min, K6 30 min → reopen 1 / 5 = 20 %.
 * Surveys: NPS 10 9 7 8 3 → (2 − 1) / 5 = +20; CSAT 5/5 4/5 2/5 3/3 → 3 / 4 = 75 %.
 * Costs: 100 EUR over both days, all channels → 100 / 5 resolved = 20 per resolution.
 */
const CONTACTS = `
INSERT INTO contacts (contact_id, channel, queue, team, agent_id, customer_id, case_id, category,
  offered_at, wait_s, talk_s, hold_s, acw_s, outcome, flow_reason) VALUES
 ('c1','voice','Sales','Blue','a1','u1','K1','billing', TIMESTAMPTZ '2026-06-01 08:00:00+00', 10, 300, 30, 60, 'answered', NULL),
 ('c2','voice','Sales','Blue','a2','u2','K2','billing', TIMESTAMPTZ '2026-06-01 08:10:00+00', 20, 200, 0, 40, 'answered', NULL),
 ('c3','voice','Support','Red','a3','u3','K3','outage', TIMESTAMPTZ '2026-06-01 09:00:00+00', 18, 400, 60, 80, 'answered', NULL),
 ('c4','voice','Sales',NULL,NULL,NULL,NULL,NULL, TIMESTAMPTZ '2026-06-01 09:05:00+00', 3, NULL, NULL, NULL, 'abandoned', NULL),
 ('c5','voice','Support',NULL,NULL,NULL,NULL,NULL, TIMESTAMPTZ '2026-06-01 09:10:00+00', 30, NULL, NULL, NULL, 'abandoned', NULL),
 ('c6','chat','Support','Red','a4','u4','K4','billing', TIMESTAMPTZ '2026-06-01 09:30:00+00', 5, 600, 0, 0, 'answered', NULL),
 ('c7','chat','Support','Red','a4','u5','K5','outage', TIMESTAMPTZ '2026-06-01 10:00:00+00', 70, 300, 0, 0, 'answered', NULL),
 ('c8','chat','Support',NULL,NULL,NULL,NULL,NULL, TIMESTAMPTZ '2026-06-01 11:00:00+00', 100, NULL, NULL, NULL, 'flowed_out', 'callback'),
 ('c9','voice','Sales','Blue','a1','u1','K1','billing', TIMESTAMPTZ '2026-06-02 08:00:00+00', 15, 250, 10, 50, 'answered', NULL),
 ('c10','voice','Sales',NULL,NULL,NULL,NULL,NULL, TIMESTAMPTZ '2026-06-02 08:20:00+00', 8, NULL, NULL, NULL, 'abandoned', NULL),
 ('c11','chat','Support','Red','a4','u6','K6','outage', TIMESTAMPTZ '2026-06-02 08:30:00+00', 12, 500, 0, 0, 'answered', NULL),
 ('c12','chat','Support',NULL,NULL,NULL,NULL,NULL, TIMESTAMPTZ '2026-06-02 09:00:00+00', 2, NULL, NULL, NULL, 'abandoned', NULL)`;

const CASES = `
INSERT INTO cases (case_id, channel, customer_id, created_at, resolved_at, reopened_count, first_contact_resolved) VALUES
 ('K1','voice','u1', TIMESTAMPTZ '2026-06-01 08:00:00+00', TIMESTAMPTZ '2026-06-01 12:00:00+00', 0, false),
 ('K2','voice','u2', TIMESTAMPTZ '2026-06-01 08:10:00+00', TIMESTAMPTZ '2026-06-01 10:10:00+00', 0, true),
 ('K3','voice','u3', TIMESTAMPTZ '2026-06-01 09:00:00+00', TIMESTAMPTZ '2026-06-02 09:00:00+00', 1, false),
 ('K4','chat','u4', TIMESTAMPTZ '2026-06-01 09:30:00+00', TIMESTAMPTZ '2026-06-01 09:50:00+00', 0, true),
 ('K5','chat','u5', TIMESTAMPTZ '2026-06-01 10:00:00+00', NULL, 0, NULL),
 ('K6','chat','u6', TIMESTAMPTZ '2026-06-02 08:30:00+00', TIMESTAMPTZ '2026-06-02 09:00:00+00', 0, true)`;

const SURVEYS = `
INSERT INTO surveys (response_id, kind, score, scale_min, scale_max, responded_at, contact_id, comment) VALUES
 ('s1','nps',10,0,10, TIMESTAMPTZ '2026-06-01 09:00:00+00','c1','Great help'),
 ('s2','nps',9,0,10, TIMESTAMPTZ '2026-06-01 09:10:00+00','c2','Quick, "friendly" and clear'),
 ('s3','nps',7,0,10, TIMESTAMPTZ '2026-06-01 10:00:00+00','c3','OK'),
 ('s4','nps',8,0,10, TIMESTAMPTZ '2026-06-02 09:00:00+00','c9',NULL),
 ('s5','nps',3,0,10, TIMESTAMPTZ '2026-06-01 11:00:00+00','c7','Waited too long'),
 ('s6','csat',5,1,5, TIMESTAMPTZ '2026-06-01 09:01:00+00','c1',NULL),
 ('s7','csat',4,1,5, TIMESTAMPTZ '2026-06-01 10:01:00+00','c6',NULL),
 ('s8','csat',2,1,5, TIMESTAMPTZ '2026-06-01 11:01:00+00','c7','=slow'),
 ('s9','csat',3,1,3, TIMESTAMPTZ '2026-06-02 09:01:00+00','c9',NULL)`;

const COSTS = `
INSERT INTO costs (period_start, period_end, channel, team, amount, currency) VALUES
 (DATE '2026-06-01', DATE '2026-06-02', '', '', 100, 'EUR')`;

export async function seed(ws: Workspace): Promise<void> {
  for (const sql of [CONTACTS, CASES, SURVEYS, COSTS]) await ws.runner.exec(sql);
}

/** A fresh seeded `:memory:` workspace and its app for one test file, closed afterwards. */
export function useSeededApp(): { app: () => FastifyInstance; ws: () => Workspace } {
  let ws: Workspace | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    ws = await openWorkspace({ path: ':memory:' });
    await seed(ws);
    app = buildServer({ workspace: ws, validateResponses: true });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await ws?.close();
  });
  return {
    app: () => {
      if (!app) throw new Error('app not built yet');
      return app;
    },
    ws: () => {
      if (!ws) throw new Error('workspace not open yet');
      return ws;
    },
  };
}

/** GET a JSON document, failing the test with the body when the status is not 200. */
export async function getJson<T = Record<string, unknown>>(
  app: FastifyInstance,
  url: string,
): Promise<T> {
  const res = await app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

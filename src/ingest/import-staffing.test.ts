// Staffing as an imported entity: a workforce-management export (auto-matched column names, local
// times) is validated, quarantined and upserted like every entity, and the staffing plan uses it.

import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { setSetting } from '../workspace/settings-path.ts';
import { openWorkspace } from '../workspace/workspace.ts';
import { settingsWith } from '../../test/helpers/memory-workspace.ts';
import { erlangC } from '../staffing/erlang-c.ts';
import { intervalPlan } from '../staffing/plan-from-history.ts';
import { importFiles } from './import-files.ts';
import {
  addsUp,
  quarantine,
  triples,
  withTempDir,
  withWorkspace,
  writeBytes,
} from './ingest.test-helper.ts';

// Line 1 is the header; times are Europe/Amsterdam (the default workspace zone, UTC+2 in June).
const WFM = [
  'Interval,Interval length,Channel,Queue,Scheduled,On duty,Hourly rate',
  '2026-06-01 09:00,30,voice,sales,20,18,28', // line 2: stored
  '2026-06-01 09:30,30,voice,sales,12.5,10,28', // line 3: stored
  '2026-06-01 10:00,30,voice,sales,-3,0,28', // line 4: NEGATIVE_NUMBER agents_staffed
  '2026-06-01 10:30,0,voice,sales,5,4,28', // line 5: INVALID_INTERVAL
  '2026-06-01 11:00,30,,,5,4,28', // line 6: neither channel nor queue
  'tomorrow,30,voice,sales,5,4,28', // line 7: INVALID_TIMESTAMP
  '2026-06-01 09:00,30,voice,sales,21,18,28', // line 8: same key as line 2, other content
  '2026-06-01 09:00,60,,support,3,,', // line 9: stored (queue only; channel stored as '')
].join('\n');

describe('importing staffing', () => {
  it('auto-matches a WFM export, quarantines each defect with its line, and stores the rest', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(dir, 'wfm.csv', `${WFM}\n`);
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { entity: 'staffing', files: [file] });
        const f = s.files[0];
        expect(f).toMatchObject({ read: 8, stored: 3, updated: 0, unchanged: 0, quarantined: 5 });
        expect(f && addsUp(f)).toBe(true);
        expect(Object.fromEntries((f?.columns ?? []).map((c) => [c.field, c.from]))).toEqual({
          interval_start: 'Interval',
          interval_minutes: 'Interval length',
          channel: 'Channel',
          queue: 'Queue',
          agents_staffed: 'Scheduled',
          agents_on_duty: 'On duty',
          hourly_rate: 'Hourly rate',
        });
        expect(triples(await quarantine(ws))).toEqual([
          [4, 'agents_staffed', 'NEGATIVE_NUMBER'],
          [5, 'interval_minutes', 'INVALID_INTERVAL'],
          [6, 'channel', 'REQUIRED_MISSING'],
          [7, 'interval_start', 'INVALID_TIMESTAMP'],
          [8, 'interval_start, channel, queue', 'DUPLICATE_CONFLICT'],
        ]);
        const rows = await ws.runner
          .all(`SELECT strftime(timezone('UTC', interval_start), '%H:%M') AS utc,
            interval_minutes AS m, channel, queue, agents_staffed AS staffed, agents_on_duty AS duty,
            hourly_rate AS rate, _row FROM staffing ORDER BY _row`);
        expect(rows).toEqual([
          {
            utc: '07:00',
            m: 30,
            channel: 'voice',
            queue: 'sales',
            staffed: 20,
            duty: 18,
            rate: 28,
            _row: 2,
          },
          {
            utc: '07:30',
            m: 30,
            channel: 'voice',
            queue: 'sales',
            staffed: 12.5,
            duty: 10,
            rate: 28,
            _row: 3,
          },
          {
            utc: '07:00',
            m: 60,
            channel: '',
            queue: 'support',
            staffed: 3,
            duty: null,
            rate: null,
            _row: 9,
          },
        ]);

        // The same export again changes nothing; a corrected one updates the changed interval.
        const again = await importFiles(ws, { entity: 'staffing', files: [file] });
        expect(again.files[0]).toMatchObject({ stored: 0, updated: 0, unchanged: 3 });
        const fixed = await writeBytes(
          dir,
          'wfm-fixed.csv',
          'Interval,Interval length,Channel,Queue,Scheduled,On duty,Hourly rate\n2026-06-01 09:30,30,voice,sales,13,11,28\n',
        );
        const update = await importFiles(ws, { entity: 'staffing', files: [fixed] });
        expect(update.files[0]).toMatchObject({ read: 1, stored: 0, updated: 1 });
        const [half] = await ws.runner.all(
          `SELECT agents_staffed AS s, agents_on_duty AS d, _source FROM staffing WHERE interval_start = TIMESTAMPTZ '2026-06-01 07:30:00+00'`,
        );
        expect(half).toEqual({ s: 13, d: 11, _source: fixed });
      });
    });
  });

  it("takes the workspace's staffing interval when the export has no interval length", async () => {
    await withTempDir(async (dir) => {
      const csv =
        'Interval,Queue,Scheduled\n2026-06-01 09:00,sales,20\n2026-06-01 09:15,sales,22\n';
      const file = await writeBytes(dir, 'wfm-short.csv', csv);
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { entity: 'staffing', files: [file] });
        expect(s.files[0]).toMatchObject({ read: 2, stored: 2, quarantined: 0 });
        expect(s.files[0]?.columns).toContainEqual({
          field: 'interval_minutes',
          from: '30 (workspace default)',
          how: 'constant',
        });
        // A workspace planned in quarter hours reads the same export as 15-minute rows.
        await ws.saveSettings(
          setSetting(await ws.storedSettings(), 'staffing.interval_minutes', '15'),
        );
        await importFiles(ws, { entity: 'staffing', files: [file] });
        const rows = await ws.runner.all(
          'SELECT interval_minutes AS m, count(*) AS n FROM staffing GROUP BY 1',
        );
        expect(rows).toEqual([{ m: 15, n: 2 }]);
      });
    });
  });

  it('gives the staffing plan its staffed and on-duty agents', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(dir, 'wfm.csv', `${WFM}\n`);
      await withWorkspace(async (ws) => {
        await importFiles(ws, { entity: 'staffing', files: [file] });
        // 100 answered voice calls to sales in 09:00–09:30 local, 180 s handle time each.
        await ws.runner.exec(`
          INSERT INTO contacts (contact_id, channel, queue, offered_at, outcome, wait_s, talk_s, hold_s, acw_s)
          SELECT 'c' || i, 'voice', 'sales', TIMESTAMPTZ '2026-06-01 07:00:00+00' + i * INTERVAL 10 SECOND,
                 'answered', 5, 150, 0, 30
          FROM range(100) t(i)`);
        const plan = await intervalPlan(
          ws.runner,
          { query: { from: '2026-06-01', to: '2026-06-01', filters: { queue: ['sales'] } } },
          settingsWith({ timezone: 'Europe/Amsterdam' }),
        );
        const nine = plan.rows.find((r) => r.intervalStart === '2026-06-01 09:00');
        expect(nine).toMatchObject({
          volume: 100,
          ahtSeconds: 180,
          staffedAgents: 20,
          onDutyAgents: 18,
          productiveAgents: 18,
          hourlyRate: 28,
        });
        const c18 = erlangC({
          volume: 100,
          intervalSeconds: 1800,
          ahtSeconds: 180,
          agents: 18,
          thresholdSeconds: 20,
        });
        expect(nine?.predictedServiceLevel).toBe(c18.serviceLevel);
      });
    });
  });

  it('opens a workspace made before staffing was an entity and updates its rows by key', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'old.duckdb');
      // The staffing table as the simulator wrote it then: a primary key and no lineage columns.
      const old = await DuckDBInstance.create(db);
      const c = await old.connect();
      await c.run(`CREATE TABLE staffing (interval_start TIMESTAMPTZ NOT NULL, interval_minutes INTEGER NOT NULL,
        channel VARCHAR, queue VARCHAR, agents_staffed DOUBLE NOT NULL, hourly_rate DOUBLE, agents_on_duty DOUBLE,
        PRIMARY KEY (interval_start, channel, queue))`);
      await c.run(
        `INSERT INTO staffing VALUES ('2026-06-01 07:00:00+00', 30, 'voice', 'sales', 20, 28, 18)`,
      );
      c.closeSync();
      old.closeSync();
      const file = await writeBytes(
        dir,
        'wfm.csv',
        'Interval,Interval length,Channel,Queue,Scheduled,On duty,Hourly rate\n2026-06-01 09:00,30,voice,sales,22,19,28\n2026-06-01 09:30,30,voice,sales,12,10,28\n',
      );
      const ws = await openWorkspace({ path: db });
      try {
        const s = await importFiles(ws, { entity: 'staffing', files: [file] });
        expect(s.files[0]).toMatchObject({ read: 2, stored: 1, updated: 1, quarantined: 0 });
        const rows = await ws.runner.all(
          `SELECT agents_staffed AS s, agents_on_duty AS d, _row FROM staffing ORDER BY interval_start`,
        );
        expect(rows).toEqual([
          { s: 22, d: 19, _row: 2 },
          { s: 12, d: 10, _row: 3 },
        ]);
      } finally {
        await ws.close();
      }
    });
  });
});

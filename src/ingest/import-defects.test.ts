import { describe, expect, it } from 'vitest';
import { importFiles } from './import-files.ts';
import { addsUp, fixture, quarantine, triples, withWorkspace } from './ingest.test-helper.ts';

describe('importFiles: every defect is quarantined with file, row, field and reason', () => {
  it('contacts: each rule, reader rejects, duplicates; counts add up', async () => {
    await withWorkspace(async (ws) => {
      const file = fixture('contacts-defects.csv');
      const s = await importFiles(ws, { entity: 'contacts', files: [file] });
      const c = s.files[0];
      expect(c).toMatchObject({
        read: 23,
        stored: 3,
        updated: 0,
        unchanged: 1,
        quarantined: 19,
        skipped: 0,
      });
      expect(addsUp(c!)).toBe(true);
      // The delimiter the read used (a sniff without the read's options said "|" here).
      expect(c?.delimiter).toBe(',');
      const q = await quarantine(ws, c?.importId);
      expect(triples(q)).toEqual([
        [3, 'channel', 'REQUIRED_MISSING'],
        [4, 'offered_at', 'INVALID_TIMESTAMP'],
        [5, 'offered_at', 'IMPOSSIBLE_TIMESTAMP'],
        [6, 'offered_at', 'TIMESTAMP_OUT_OF_RANGE'],
        [7, 'answered_at', 'ANSWERED_BEFORE_OFFERED'],
        [8, 'ended_at', 'ENDED_BEFORE_OFFERED'],
        [9, 'talk_s', 'NEGATIVE_DURATION'],
        [10, 'channel', 'INVALID_ENUM'],
        [11, 'outcome', 'INVALID_ENUM'],
        [12, 'outcome', 'ANSWER_TIME_MISSING'],
        [13, 'channel', 'INVALID_ENUM'],
        [13, 'wait_s', 'NEGATIVE_DURATION'],
        [15, 'contact_id', 'DUPLICATE_CONFLICT'],
        [18, 'first_contact_resolved', 'INVALID_BOOLEAN'],
        [19, 'wait_s', 'INVALID_DURATION'],
        [20, 'offered_at', 'TIMESTAMP_OUT_OF_RANGE'],
        [21, 'answered_at', 'ANSWERED_AT_ON_UNANSWERED'],
        [22, 'contact_id', 'REQUIRED_MISSING'],
        [23, null, 'CSV_TOO_MANY_COLUMNS'],
        [24, 'answered_at', 'CSV_MISSING_COLUMNS'],
      ]);
      expect(q.every((r) => r.file === file && r.reason.length > 0 && r.raw !== null)).toBe(true);
      const byRow = (row: number) => q.filter((r) => r.row === row);
      expect(byRow(5)[0]).toMatchObject({
        value: '2021-02-30 10:00:00',
        reason: '"2021-02-30 10:00:00" is not a real date or time',
      });
      expect(byRow(15)[0]?.reason).toContain('row 2');
      expect(byRow(24)[0]?.reason).toContain('cut short');
      expect(JSON.parse(byRow(10)[0]?.raw ?? '{}')).toMatchObject({
        contact_id: 'c009',
        channel: 'pigeon',
      });
      expect(JSON.parse(byRow(24)[0]?.raw ?? '{}')).toEqual({
        line: 'c020,voice,sales,a4,2026-03-02 10:17',
      });
      const stored = await ws.runner.all(
        `SELECT contact_id, _row, talk_s, wait_s, answered_at FROM contacts ORDER BY _row`,
      );
      expect(stored.map((r) => [r['contact_id'], r['_row']])).toEqual([
        ['c001', 2],
        ['c013', 16],
        ['c014', 17],
      ]);
      // The first c001 is kept; c014's answered_at is derived from offered_at + wait_s.
      expect(stored[0]?.['talk_s']).toBe(280);
      expect((stored[2]?.['answered_at'] as Date).toISOString()).toBe('2026-03-02T09:11:25.000Z');
    });
  });

  it('surveys: not an integer, outside the scale, unsupported scales, unknown kind', async () => {
    await withWorkspace(async (ws) => {
      const s = await importFiles(ws, {
        entity: 'surveys',
        files: [fixture('surveys-defects.csv')],
      });
      expect(s.files[0]).toMatchObject({ read: 14, stored: 4, quarantined: 10, skipped: 0 });
      expect(triples(await quarantine(ws))).toEqual([
        [3, 'score', 'SCORE_NOT_INTEGER'],
        [4, 'score', 'SCORE_OUT_OF_SCALE'],
        [5, 'score', 'SCORE_OUT_OF_SCALE'],
        [7, 'kind', 'INVALID_ENUM'],
        [8, 'scale_max', 'INVALID_SCALE'],
        [9, 'scale_max', 'INVALID_SCALE'],
        [10, 'scale_max', 'INVALID_SCALE'],
        [12, 'score', 'REQUIRED_MISSING'],
        [13, 'responded_at', 'INVALID_TIMESTAMP'],
        [15, 'score', 'SCORE_NOT_INTEGER'],
      ]);
      const rows = await ws.runner.all(
        `SELECT response_id, kind, scale_min, scale_max FROM surveys ORDER BY response_id`,
      );
      expect(rows.map((r) => Object.values(r))).toEqual([
        ['s001', 'nps', 0, 10],
        ['s005', 'ces', 1, 7],
        ['s010', 'csat', 1, 10],
        ['s013', 'csat', 1, 3],
      ]);
    });
  });

  it('costs: currency, period order, dates, amounts; blank channel/team mean all', async () => {
    await withWorkspace(async (ws) => {
      const s = await importFiles(ws, { entity: 'costs', files: [fixture('costs-defects.csv')] });
      expect(s.files[0]).toMatchObject({ read: 7, stored: 2, quarantined: 5 });
      expect(triples(await quarantine(ws))).toEqual([
        [3, 'currency', 'CURRENCY_MISMATCH'],
        [4, 'period_end', 'PERIOD_END_BEFORE_START'],
        [5, 'period_start', 'INVALID_DATE'],
        [6, 'amount', 'INVALID_NUMBER'],
        [7, 'amount', 'NEGATIVE_AMOUNT'],
      ]);
      const rows = await ws.runner.all(
        `SELECT channel, team, currency FROM costs ORDER BY period_start`,
      );
      expect(rows).toEqual([
        { channel: 'voice', team: '', currency: 'EUR' },
        { channel: '', team: '', currency: 'EUR' },
      ]);
    });
  });

  it('cases: response and resolution before creation, negative reopen count', async () => {
    await withWorkspace(async (ws) => {
      const s = await importFiles(ws, { entity: 'cases', files: [fixture('cases-defects.csv')] });
      expect(s.files[0]).toMatchObject({ read: 5, stored: 1, quarantined: 4 });
      expect(triples(await quarantine(ws))).toEqual([
        [3, 'first_response_at', 'FIRST_RESPONSE_BEFORE_CREATED'],
        [4, 'resolved_at', 'RESOLVED_BEFORE_CREATED'],
        [5, 'reopened_count', 'NEGATIVE_COUNT'],
        [6, 'created_at', 'REQUIRED_MISSING'],
      ]);
    });
  });

  it('--strict: any defect fails the import and stores nothing of the file', async () => {
    await withWorkspace(async (ws) => {
      const run = importFiles(ws, {
        entity: 'contacts',
        files: [fixture('contacts-defects.csv')],
        strict: true,
      });
      await expect(run).rejects.toMatchObject({ code: 'STRICT_IMPORT_FAILED' });
      expect(await ws.runner.all('SELECT count(*) AS n FROM contacts')).toEqual([{ n: 0 }]);
      expect((await quarantine(ws)).length).toBe(20);
      const log = await ws.runner.all(`SELECT status, "read", quarantined, stored FROM import_log`);
      expect(log).toEqual([{ status: 'rejected', read: 23, quarantined: 19, stored: 0 }]);
      const ok = await importFiles(ws, {
        entity: 'contacts',
        files: [fixture('contacts-small.csv')],
        strict: true,
      });
      expect(ok.files[0]).toMatchObject({ stored: 4, quarantined: 0 });
    });
  });
});

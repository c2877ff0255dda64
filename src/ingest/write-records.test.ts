import { describe, expect, it } from 'vitest';
import { addsUp, quarantine, triples, withWorkspace } from './ingest.test-helper.ts';
import type { CanonicalRecord } from './types.ts';
import { writeRecords } from './write-canonical.ts';

const BASE = Date.parse('2026-03-02T08:00:00Z');

function contact(i: number, talk = 200): CanonicalRecord {
  const answered = i % 5 !== 0;
  return {
    contact_id: `w${i}`,
    channel: i % 2 ? 'voice' : 'chat',
    queue: `q${i % 3}`,
    agent_id: answered ? `a${i % 4}` : null,
    customer_id: `u${i % 50}`,
    offered_at: new Date(BASE + i * 60_000),
    answered_at: answered ? new Date(BASE + i * 60_000 + 15_000) : null,
    wait_s: answered ? 15 : 8,
    talk_s: answered ? talk : null,
    outcome: answered ? 'answered' : 'abandoned',
    first_contact_resolved: answered ? i % 3 !== 0 : undefined,
  };
}

function* batches(n: number, size: number, make: (i: number) => CanonicalRecord) {
  for (let s = 0; s < n; s += size)
    yield Array.from({ length: Math.min(size, n - s) }, (_, k) => make(s + k));
}

describe('writeRecords: the canonical write path', () => {
  it('counts stored, unchanged and updated by key and content, across rounds', async () => {
    await withWorkspace(async (ws) => {
      const done: number[] = [];
      const first = await writeRecords(
        ws,
        'contacts',
        batches(1000, 100, (i) => contact(i)),
        {
          source: 'test',
          chunkRows: 300,
          onProgress: (d) => done.push(d),
        },
      );
      expect(first).toMatchObject({
        read: 1000,
        stored: 1000,
        updated: 0,
        unchanged: 0,
        quarantined: 0,
      });
      expect(done.at(-1)).toBe(1000);
      const again = await writeRecords(
        ws,
        'contacts',
        batches(1000, 100, (i) => contact(i)),
        { source: 'test' },
      );
      expect(again).toMatchObject({ read: 1000, stored: 0, updated: 0, unchanged: 1000 });
      // 100 changed talk times (on answered contacts), 50 new contacts.
      const changed = (i: number) => contact(i, i < 125 ? 999 : 200);
      const third = await writeRecords(ws, 'contacts', batches(1050, 100, changed), {
        source: 'test',
      });
      expect(third).toMatchObject({
        read: 1050,
        stored: 50,
        updated: 100,
        unchanged: 900,
        quarantined: 0,
      });
      const [r] = await ws.runner
        .all(`SELECT count(*) AS n, count(*) FILTER (WHERE talk_s = 999) AS changed,
        min(_import_id) = max(_import_id) AS one FROM contacts WHERE talk_s = 999`);
      expect(r).toEqual({ n: 100, changed: 100, one: true });
      const log = await ws.runner.all(
        `SELECT file, format, "read", stored, status FROM import_log ORDER BY started_at`,
      );
      expect(log.at(-1)).toEqual({
        file: 'test',
        format: 'records',
        read: 1050,
        stored: 50,
        status: 'ok',
      });
    });
  });

  it('stages large batches exactly (several data chunks per batch)', async () => {
    await withWorkspace(async (ws) => {
      const n = 5000;
      const s = await writeRecords(
        ws,
        'contacts',
        batches(n, n, (i) => contact(i)),
        { source: 'big' },
      );
      expect(s).toMatchObject({ read: n, stored: n });
      const [r] = await ws.runner.all(`SELECT count(DISTINCT contact_id) AS ids, sum(_row) AS rows,
        sum(epoch(offered_at)) AS t, count(*) FILTER (WHERE channel = 'voice') AS voice,
        count(agent_id) AS agents FROM contacts`);
      const sumT = Array.from({ length: n }, (_, i) => (BASE + i * 60_000) / 1000).reduce(
        (a, b) => a + b,
        0,
      );
      expect(r).toEqual({
        ids: n,
        rows: (n * (n + 1)) / 2,
        t: sumT,
        voice: n / 2,
        agents: (n * 4) / 5,
      });
    });
  });

  it('validates records like a file: row = position in the call, raw record kept', async () => {
    await withWorkspace(async (ws) => {
      const good = contact(1);
      const rows: CanonicalRecord[] = [
        good,
        { ...contact(2), wait_s: -3 },
        { ...contact(3), channel: 'pigeon' },
        { ...contact(4), offered_at: new Date('nonsense') },
        { ...contact(6), offered_at: '2026-03-02 09:00:00' }, // naive text: workspace zone
        { ...contact(7), offered_at: '2026-03-02T09:00:00+02:00', answered_at: null, wait_s: 20 },
        { ...contact(8), offered_at: undefined },
        { ...contact(9), talk_s: Number.NaN, transferred: 'maybe' as unknown as boolean },
        { ...good, talk_s: 1 }, // same key, other content: conflicts with row 1
        good, // identical repeat: unchanged
      ];
      const s = await writeRecords(ws, 'contacts', [rows.slice(0, 4), rows.slice(4)], {
        source: 'gen',
      });
      expect(s).toMatchObject({ read: 10, stored: 3, unchanged: 1, quarantined: 6 });
      expect(addsUp(s)).toBe(true);
      const q = await quarantine(ws, s.importId);
      expect(triples(q)).toEqual([
        [2, 'wait_s', 'NEGATIVE_DURATION'],
        [3, 'channel', 'INVALID_ENUM'],
        [4, 'offered_at', 'INVALID_TIMESTAMP'],
        [7, 'offered_at', 'REQUIRED_MISSING'],
        [8, 'talk_s', 'INVALID_DURATION'],
        [8, 'transferred', 'INVALID_BOOLEAN'],
        [9, 'contact_id', 'DUPLICATE_CONFLICT'],
      ]);
      expect(q.find((x) => x.row === 4)?.value).toBe('Invalid Date');
      expect(JSON.parse(q.find((x) => x.row === 3)?.raw ?? '{}')).toMatchObject({
        contact_id: 'w3',
        channel: 'pigeon',
      });
      const times = await ws.runner.all(
        `SELECT contact_id, offered_at, answered_at FROM contacts WHERE contact_id IN ('w6', 'w7') ORDER BY 1`,
      );
      expect(times.map((t) => (t['offered_at'] as Date).toISOString())).toEqual([
        '2026-03-02T08:00:00.000Z',
        '2026-03-02T07:00:00.000Z',
      ]);
      expect((times[1]?.['answered_at'] as Date).toISOString()).toBe('2026-03-02T07:00:20.000Z');
    });
  });

  it('judges a key repeated in a later round against the row stored earlier in the same call', async () => {
    await withWorkspace(async (ws) => {
      async function* rounds() {
        yield [contact(1), contact(2)];
        yield [contact(1), { ...contact(2), queue: 'other' }];
      }
      const s = await writeRecords(ws, 'contacts', rounds(), { source: 'gen', chunkRows: 2 });
      expect(s).toMatchObject({ read: 4, stored: 2, unchanged: 1, quarantined: 1 });
      const q = await quarantine(ws, s.importId);
      expect(q.map((x) => [x.row, x.code, x.reason])).toEqual([
        [
          4,
          'DUPLICATE_CONFLICT',
          'same key as row 2, stored earlier in this import, but different content',
        ],
      ]);
    });
  });

  it('surveys: scale defaults by kind; non-integer and out-of-scale scores are quarantined', async () => {
    await withWorkspace(async (ws) => {
      const at = new Date(BASE);
      const s = await writeRecords(
        ws,
        'surveys',
        [
          [
            { response_id: 'r1', kind: 'nps', score: 10, responded_at: at },
            { response_id: 'r2', kind: 'csat', score: 4.5, responded_at: at },
            { response_id: 'r3', kind: 'csat', score: 6, responded_at: at },
            { response_id: 'r4', kind: 'ces', score: 7, responded_at: at, contact_id: 'w1' },
          ],
        ],
        { source: 'gen' },
      );
      expect(s).toMatchObject({ read: 4, stored: 2, quarantined: 2 });
      expect(triples(await quarantine(ws))).toEqual([
        [2, 'score', 'SCORE_NOT_INTEGER'],
        [3, 'score', 'SCORE_OUT_OF_SCALE'],
      ]);
      const rows = await ws.runner.all(
        `SELECT response_id, scale_min, scale_max FROM surveys ORDER BY 1`,
      );
      expect(rows).toEqual([
        { response_id: 'r1', scale_min: 0, scale_max: 10 },
        { response_id: 'r4', scale_min: 1, scale_max: 7 },
      ]);
    });
  });

  it('refuses a record with a field the model does not have', async () => {
    await withWorkspace(async (ws) => {
      const run = writeRecords(ws, 'contacts', [[{ ...contact(1), contactId: 'x' }]], {
        source: 'gen',
      });
      await expect(run).rejects.toThrow(/unknown field\(s\) contactId/);
    });
  });
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../workspace/workspace.ts';
import { importFiles } from './import-files.ts';
import { fixture, withTempDir, withWorkspace, writeBytes } from './ingest.test-helper.ts';
import { lit } from './sql-util.ts';

const COLS = `contact_id, channel, queue, agent_id, offered_at, answered_at, wait_s, talk_s, outcome,
  transferred, first_contact_resolved, _row`;

async function storedRows(ws: Workspace) {
  return ws.runner.all(`SELECT ${COLS} FROM contacts ORDER BY contact_id`);
}

describe('formats: CSV, TSV, JSON, NDJSON and Parquet give the same stored rows', () => {
  it('stores identical rows from each format', async () => {
    await withTempDir(async (dir) => {
      const parquet = `${dir}/contacts-small.parquet`;
      await withWorkspace(async (ws) => {
        await ws.runner
          .exec(`COPY (SELECT * FROM read_csv(${lit(fixture('contacts-small.csv'))}, all_varchar = true))
          TO ${lit(parquet)} (FORMAT parquet)`);
      });
      const results: unknown[] = [];
      for (const file of ['csv', 'tsv', 'json', 'ndjson']
        .map((e) => fixture(`contacts-small.${e}`))
        .concat(parquet)) {
        await withWorkspace(async (ws) => {
          const s = await importFiles(ws, { entity: 'contacts', files: [file] });
          expect(s.files[0]).toMatchObject({ read: 4, stored: 4, quarantined: 0 });
          const rows = await storedRows(ws);
          // Row numbers differ by design: CSV/TSV count the header line, the others do not.
          const offset = /\.(csv|tsv)$/.test(file) ? 1 : 0;
          results.push(rows.map((r) => ({ ...r, _row: Number(r['_row']) - offset })));
        });
      }
      for (const r of results.slice(1)) expect(r).toEqual(results[0]);
      const first = results[0] as Record<string, unknown>[];
      expect(first.map((r) => (r['offered_at'] as Date).toISOString())).toEqual([
        '2026-03-02T08:00:00.000Z', // Z as given
        '2026-03-02T09:00:00.000Z', // naive: workspace zone Europe/Amsterdam (UTC+1 in March)
        '2026-03-02T08:30:00.000Z', // +01:00 as given
        '2026-03-03T10:00:00.000Z',
      ]);
      expect(first.map((r) => r['wait_s'])).toEqual([20, 30, 4, 600]); // f4: derived from answered_at
      expect(first.map((r) => r['transferred'])).toEqual([false, true, null, null]);
    });
  });

  it('JSON lines that are not objects, or not JSON, are quarantined with their line number', async () => {
    await withTempDir(async (dir) => {
      const lines = (await readFile(fixture('contacts-small.ndjson'), 'utf8')).trim().split('\n');
      const text = [lines[0], '', 'not json', '[1, 2]', lines[1], ''].join('\n');
      const file = await writeBytes(dir, 'mixed.ndjson', text);
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { entity: 'contacts', files: [file] });
        expect(s.files[0]).toMatchObject({ read: 4, stored: 2, quarantined: 2 });
        const q = await ws.runner.all(`SELECT "row", code FROM quarantine ORDER BY "row"`);
        expect(q).toEqual([
          { row: 3, code: 'INVALID_JSON' },
          { row: 4, code: 'JSON_NOT_OBJECT' },
        ]);
        expect(await ws.runner.all(`SELECT _row FROM contacts ORDER BY _row`)).toEqual([
          { _row: 1 },
          { _row: 5 },
        ]);
      });
    });
  });
});

describe('re-import: idempotent by key and content', () => {
  it('the same file again is all unchanged; a changed record is updated', async () => {
    await withTempDir(async (dir) => {
      await withWorkspace(async (ws) => {
        const file = fixture('contacts-small.csv');
        const first = await importFiles(ws, { entity: 'contacts', files: [file] });
        expect(first.files[0]).toMatchObject({ read: 4, stored: 4, updated: 0, unchanged: 0 });
        const again = await importFiles(ws, { entity: 'contacts', files: [file] });
        expect(again.files[0]).toMatchObject({ read: 4, stored: 0, updated: 0, unchanged: 4 });
        const text =
          (await readFile(file, 'utf8')).replace('f1,voice,sales,a1', 'f1,voice,retention,a1') +
          'f5,chat,support,a2,2026-03-04 08:00:00,,12,,abandoned,,\n';
        const changed = await writeBytes(dir, 'changed.csv', text);
        const third = await importFiles(ws, { entity: 'contacts', files: [changed] });
        expect(third.files[0]).toMatchObject({
          read: 5,
          stored: 1,
          updated: 1,
          unchanged: 3,
          quarantined: 0,
        });
        const [f1] = await ws.runner.all(
          `SELECT queue, _source, _import_id FROM contacts WHERE contact_id = 'f1'`,
        );
        expect(f1).toEqual({
          queue: 'retention',
          _source: changed,
          _import_id: third.files[0]?.importId,
        });
        const log = await ws.runner.all(
          `SELECT "read", stored, updated, unchanged, status FROM import_log ORDER BY started_at`,
        );
        expect(log.map((l) => Object.values(l))).toEqual([
          [4, 4, 0, 0, 'ok'],
          [4, 0, 0, 4, 'ok'],
          [5, 1, 1, 3, 'ok'],
        ]);
      });
    });
  });
});

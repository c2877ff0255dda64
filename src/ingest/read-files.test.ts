import { describe, expect, it } from 'vitest';
import { importFiles } from './import-files.ts';
import {
  quarantine,
  triples,
  withTempDir,
  withWorkspace,
  writeBytes,
} from './ingest.test-helper.ts';

const HEADER = 'contact_id,channel,offered_at,wait_s,outcome';
const row = (id: string, minute: number, wait: string | number = 5) =>
  `${id},voice,2026-03-02 09:${String(minute).padStart(2, '0')}:00,${wait},abandoned`;

async function ids(ws: Parameters<Parameters<typeof withWorkspace>[0]>[0]) {
  const rows = await ws.runner.all(
    'SELECT contact_id, _row FROM contacts ORDER BY _row, contact_id',
  );
  return rows.map((r) => [r['contact_id'], r['_row']]);
}

// BOM, CRLF, invalid UTF-8, a truncated last line, an empty file and a wrong delimiter are in the
// committed fixture set test/fixtures/defects (defects-fixture.test.ts); these are the other cases.
describe('reading awkward files: nothing lost, nothing crashes', () => {
  it('blank lines and quoted line breaks keep spreadsheet row numbers', async () => {
    await withTempDir(async (dir) => {
      const text = [
        HEADER,
        row('l1', 0),
        '',
        'l2,voice,"2026-03-02 09:01:00",6,abandoned',
        '',
        '',
        row('l3', 2, 'x'),
        '',
      ].join('\n');
      const blank = await writeBytes(dir, 'blank.csv', text);
      const multi = await writeBytes(
        dir,
        'multi.csv',
        'contact_id,channel,category,offered_at,wait_s,outcome\nm1,voice,"two\nlines",2026-03-02 09:00:00,5,abandoned\nm2,voice,plain,2026-03-02 09:01:00,-1,abandoned\n',
      );
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { entity: 'contacts', files: [blank, multi] });
        expect(s.files.map((f) => [f.read, f.stored, f.quarantined])).toEqual([
          [3, 2, 1],
          [2, 1, 1],
        ]);
        expect(triples(await quarantine(ws, s.files[0]?.importId))).toEqual([
          [7, 'wait_s', 'INVALID_DURATION'],
        ]);
        expect(triples(await quarantine(ws, s.files[1]?.importId))).toEqual([
          [3, 'wait_s', 'NEGATIVE_DURATION'],
        ]);
        expect(await ids(ws)).toEqual([
          ['l1', 2],
          ['m1', 2],
          ['l2', 4],
        ]);
        const [m1] = await ws.runner.all(`SELECT category FROM contacts WHERE contact_id = 'm1'`);
        expect(m1?.['category']).toBe('two\nlines');
      });
    });
  });

  it('a header-only file reads 0 rows', async () => {
    await withTempDir(async (dir) => {
      const header = await writeBytes(dir, 'header.csv', `${HEADER}\n`);
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { entity: 'contacts', files: [header] });
        expect(s.totals.contacts).toEqual({
          read: 0,
          stored: 0,
          updated: 0,
          unchanged: 0,
          quarantined: 0,
          skipped: 0,
        });
        expect(s.files[0]?.warnings).toEqual([]);
      });
    });
  });

  it('a file whose columns fit no field fails once, listing the columns it found', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(dir, 'other.csv', 'foo,bar\n1,2\n');
      await withWorkspace(async (ws) => {
        const run = importFiles(ws, { entity: 'contacts', files: [file] });
        await expect(run).rejects.toMatchObject({ code: 'REQUIRED_COLUMN_MISSING' });
        await expect(run).rejects.toThrow(
          /contact_id, channel, offered_at, outcome .*"foo", "bar"/,
        );
      });
    });
  });
});

import { describe, expect, it } from 'vitest';
import { importFiles } from './import-files.ts';
import {
  addsUp,
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

describe('reading awkward files: nothing lost, nothing crashes', () => {
  it('UTF-8 BOM and CRLF line ends', async () => {
    await withTempDir(async (dir) => {
      const bytes = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from([HEADER, row('b1', 0), row('b2', 1), ''].join('\r\n')),
      ]);
      const file = await writeBytes(dir, 'bom-crlf.csv', bytes);
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { entity: 'contacts', files: [file] });
        expect(s.files[0]).toMatchObject({ read: 2, stored: 2, quarantined: 0 });
        expect(s.files[0]?.columns[0]).toEqual({
          field: 'contact_id',
          from: 'contact_id',
          how: 'auto',
        });
        expect(await ids(ws)).toEqual([
          ['b1', 2],
          ['b2', 3],
        ]);
      });
    });
  });

  it('invalid UTF-8: the line is quarantined with its number, the others are stored', async () => {
    await withTempDir(async (dir) => {
      const bad = Buffer.concat([
        Buffer.from('u2,vo'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('ice,2026-03-02 09:01:00,6,abandoned'),
      ]);
      const bytes = Buffer.concat([
        Buffer.from(`${HEADER}\n${row('u1', 0)}\n`),
        bad,
        Buffer.from(`\n${row('u3', 2)}\n`),
      ]);
      const file = await writeBytes(dir, 'bad-utf8.csv', bytes);
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { entity: 'contacts', files: [file] });
        expect(s.files[0]).toMatchObject({ read: 3, stored: 2, quarantined: 1 });
        const q = await quarantine(ws);
        expect(triples(q)).toEqual([[3, 'channel', 'INVALID_ENCODING']]);
        expect(q[0]?.file).toBe(file);
        expect(await ids(ws)).toEqual([
          ['u1', 2],
          ['u3', 4],
        ]);
      });
    });
  });

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

  it('an empty file reads 0 rows with a note; a header-only file reads 0 rows', async () => {
    await withTempDir(async (dir) => {
      const empty = await writeBytes(dir, 'empty.csv', '');
      const header = await writeBytes(dir, 'header.csv', `${HEADER}\n`);
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { entity: 'contacts', files: [empty, header] });
        expect(s.files.map((f) => f.read)).toEqual([0, 0]);
        expect(s.files[0]?.warnings[0]).toContain('is empty');
        expect(s.totals.contacts).toEqual({
          read: 0,
          stored: 0,
          updated: 0,
          unchanged: 0,
          quarantined: 0,
          skipped: 0,
        });
      });
    });
  });

  it('a ";" file is sniffed; read with a forced "," it fails naming both delimiters', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(
        dir,
        'semi.csv',
        `${HEADER.replaceAll(',', ';')}\n${row('s1', 0).replaceAll(',', ';')}\n`,
      );
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { entity: 'contacts', files: [file] });
        expect(s.files[0]).toMatchObject({ stored: 1, delimiter: ';' });
        const forced = importFiles(ws, {
          files: [file],
          mapping: { entity: 'contacts', read: { delimiter: ',' } },
        });
        await expect(forced).rejects.toMatchObject({ code: 'WRONG_DELIMITER', location: { file } });
        await expect(forced).rejects.toThrow(/delimiter "," .*";"-separated/);
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

  it('truncated last line without a newline is quarantined, not dropped', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(dir, 'cut.csv', `${HEADER}\n${row('t1', 0)}\nt2,voice,2026-03`);
      await withWorkspace(async (ws) => {
        const s = await importFiles(ws, { entity: 'contacts', files: [file] });
        expect(s.files[0]).toMatchObject({ read: 2, stored: 1, quarantined: 1 });
        expect(addsUp(s.files[0]!)).toBe(true);
        expect(triples(await quarantine(ws))).toEqual([[3, 'wait_s', 'CSV_MISSING_COLUMNS']]);
      });
    });
  });
});

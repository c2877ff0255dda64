// The one fixture set with every kind of defect (test/fixtures/defects): each file imported, every
// defect reported with file, row, field and code exactly as its README lists them, the counts
// derived from that list, and no crash. The README is the expected table.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../model/fields.ts';
import { importFiles } from './import-files.ts';
import { addsUp, quarantine, withWorkspace } from './ingest.test-helper.ts';
import type { FileImportSummary } from './types.ts';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/defects');
const path = (name: string) => resolve(DIR, name);

interface Expected {
  readonly row: number;
  readonly outcome: 'stored' | 'unchanged' | 'quarantined';
  readonly field: string;
  readonly code: string;
}

/** The `| row | outcome | field | code | defect |` table under `## <file>` in the README. */
function expectedRows(file: string): Expected[] {
  const readme = readFileSync(path('README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${file}\n`)) ?? '';
  return section
    .split('\n')
    .filter((l) => /^\| \d/.test(l))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map(([, row, outcome, field, code]) => ({
      row: Number(row),
      outcome: outcome as Expected['outcome'],
      field: field ?? '',
      code: code ?? '',
    }));
}

/** Data lines in the file, counted from its bytes: line ends after the header, plus a last line without one. */
function dataLines(file: string): number {
  const bytes = readFileSync(path(file));
  if (bytes.length === 0) return 0;
  const ends = bytes.filter((b) => b === 0x0a).length;
  return ends - 1 + (bytes.at(-1) === 0x0a ? 0 : 1);
}

function countsFrom(rows: readonly Expected[]) {
  const n = (o: Expected['outcome']) =>
    new Set(rows.filter((r) => r.outcome === o).map((r) => r.row)).size;
  return {
    read: new Set(rows.map((r) => r.row)).size,
    stored: n('stored'),
    updated: 0,
    unchanged: n('unchanged'),
    quarantined: n('quarantined'),
    skipped: 0,
  };
}

const FILES: readonly [string, Entity][] = [
  ['contacts.csv', 'contacts'],
  ['surveys.csv', 'surveys'],
  ['empty.csv', 'contacts'],
  ['semicolon.csv', 'contacts'],
];

describe('the defects fixture set', () => {
  it('reports every defect with file, row, field and code; counts add up; nothing crashes', async () => {
    await withWorkspace(async (ws) => {
      const summaries: FileImportSummary[] = [];
      for (const [file, entity] of FILES) {
        const s = await importFiles(ws, { entity, files: [path(file)] });
        summaries.push(...s.files);
      }
      for (const [i, [file]] of FILES.entries()) {
        const s = summaries[i];
        const rows = expectedRows(file);
        expect(s?.file).toBe(path(file));
        expect(s?.read, file).toBe(dataLines(file));
        expect(s, file).toMatchObject(countsFrom(rows));
        expect(addsUp(s!), file).toBe(true);

        const q = await quarantine(ws, s?.importId);
        expect(
          q.map((r) => [r.row, r.field, r.code]),
          file,
        ).toEqual(
          rows.filter((r) => r.outcome === 'quarantined').map((r) => [r.row, r.field, r.code]),
        );
        expect(q.every((r) => r.file === path(file) && r.reason !== '' && r.raw !== null)).toBe(
          true,
        );
      }

      const [contacts, surveys, empty, semicolon] = summaries;
      // The BOM did not stick to the first column; rows after it keep their spreadsheet numbers.
      expect(contacts?.columns.find((c) => c.field === 'contact_id')?.from).toBe('contact_id');
      expect(contacts?.delimiter).toBe(',');
      const stored = await ws.runner.all(
        `SELECT contact_id, _row FROM contacts WHERE _source = '${path('contacts.csv')}' ORDER BY _row`,
      );
      // The ids at those rows, read from the file's own lines (row r is line r).
      const lines = readFileSync(path('contacts.csv'), 'latin1').split('\r\n');
      expect(stored.map((r) => [r['contact_id'], r['_row']])).toEqual(
        expectedRows('contacts.csv')
          .filter((r) => r.outcome === 'stored')
          .map((r) => [lines[r.row - 1]?.split(',')[0], r.row]),
      );
      const raw17 = (await quarantine(ws, contacts?.importId)).find((r) => r.row === 17)?.raw ?? '';
      expect(JSON.parse(raw17)).toHaveProperty('line');
      const d09 = await ws.runner.all(`SELECT talk_s FROM contacts WHERE contact_id = 'd09'`);
      expect(d09).toEqual([{ talk_s: 100 }]); // the first of the duplicate rows
      expect(surveys?.stored).toBe(2);
      expect(empty?.warnings[0]).toContain('is empty');
      expect(semicolon?.delimiter).toBe(';');

      // The same file read with a comma forced: one error naming the file and both delimiters.
      const forced = importFiles(ws, {
        files: [path('semicolon.csv')],
        mapping: path('comma-forced.yaml'),
      });
      await expect(forced).rejects.toMatchObject({
        code: 'WRONG_DELIMITER',
        location: { file: path('semicolon.csv') },
      });
      await expect(forced).rejects.toThrow(/delimiter "," .*";"-separated/);
      const log = await ws.runner.all(
        `SELECT status, count(*) AS n FROM import_log GROUP BY ALL ORDER BY 1`,
      );
      expect(log).toEqual([{ status: 'ok', n: 4 }]); // the forced read stopped before any import began
    });
  });
});

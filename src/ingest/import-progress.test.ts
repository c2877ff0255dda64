// The progress an import reports: per file, phases in order (read, validate, store, done), bytes
// read never going back and ending at the file size, the rows read, and DuckDB left as found.

import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles } from './import-files.ts';
import { withTempDir, withWorkspace, writeBytes } from './ingest.test-helper.ts';
import type { ImportProgress } from './types.ts';

const PHASES = ['read', 'validate', 'store', 'done'] as const;

function contactsCsv(rows: number, prefix: string): string {
  const lines = ['contact_id,channel,offered_at,wait_s,outcome'];
  for (let i = 0; i < rows; i++) {
    const t = new Date(Date.UTC(2026, 2, 2, 8) + i * 1000).toISOString();
    lines.push(`${prefix}${i},voice,${t},${i % 60},answered`);
  }
  return `${lines.join('\n')}\n`;
}

describe('import progress', () => {
  it('reports each file from read to done, in bytes of the file and rows read', async () => {
    await withTempDir(async (dir) => {
      const files = [
        await writeBytes(dir, 'a.csv', contactsCsv(40_000, 'a')),
        await writeBytes(dir, 'b.csv', contactsCsv(1_000, 'b')),
      ];
      await withWorkspace(async (ws) => {
        const events: ImportProgress[] = [];
        const s = await importFiles(ws, {
          entity: 'contacts',
          files,
          onProgress: (p) => events.push(p),
        });
        expect(s.files.map((f) => f.read)).toEqual([40_000, 1_000]);
        for (const [i, file] of files.entries()) {
          const mine = events.filter((e) => e.file === file);
          expect(mine.every((e) => e.fileIndex === i && e.fileCount === 2)).toBe(true);
          const size = statSync(file).size;
          expect(mine.every((e) => e.bytesTotal === size)).toBe(true);
          const ranks = mine.map((e) => PHASES.indexOf(e.phase));
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          expect([...new Set(mine.map((e) => e.phase))]).toEqual([...PHASES]);
          const bytes = mine.map((e) => e.bytesRead);
          expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
          expect(mine.at(-1)).toMatchObject({
            phase: 'done',
            bytesRead: size,
            rows: s.files[i]?.read,
          });
          expect(
            mine.filter((e) => e.phase !== 'read').every((e) => e.rows === s.files[i]?.read),
          ).toBe(true);
          expect(
            mine.every(
              (e) => e.stepPercent === null || (e.stepPercent >= 0 && e.stepPercent <= 100),
            ),
          ).toBe(true);
        }
        // DuckDB's progress tracking was on only for the import.
        const [row] = await ws.runner.all(`SELECT current_setting('enable_progress_bar') AS on`);
        expect(row?.['on']).toBe(false);
      });
    });
  });
});

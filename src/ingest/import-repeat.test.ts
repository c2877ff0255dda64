// Importing again: a re-import supersedes the file's earlier quarantine (history kept, the import
// log keeps every import's counts); --strict over several files stores all of them or none.

import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from './import-files.ts';
import { countQuarantine, listQuarantine } from './quarantine.ts';
import { addsUp, fixture, withTempDir, withWorkspace } from './ingest.test-helper.ts';
import type { WriteCounts } from './types.ts';

const DEFECTS = fixture('contacts-defects.csv'); // 23 rows, 19 with defects (20 quarantine rows)
const SMALL = fixture('contacts-small.csv'); // 4 clean rows

describe('re-importing a file', () => {
  it('lists only the latest import of a file; history keeps all; the log keeps every count', async () => {
    await withTempDir(async (dir) => {
      const other = join(dir, 'other-defects.csv');
      await copyFile(DEFECTS, other);
      await withWorkspace(async (ws) => {
        const ids: string[] = [];
        for (let i = 0; i < 3; i++) {
          const s = await importFiles(ws, { entity: 'contacts', files: [DEFECTS] });
          expect(s.files[0]).toMatchObject({ read: 23, quarantined: 19 });
          ids.push(s.files[0]?.importId ?? '');
        }
        const current = await listQuarantine(ws, { limit: 1000 });
        expect(current).toHaveLength(20);
        expect(new Set(current.map((r) => r.importId))).toEqual(new Set([ids[2]]));
        expect(current.every((r) => r.current)).toBe(true);
        expect(await countQuarantine(ws)).toBe(20);

        const history = await listQuarantine(ws, { limit: 1000, history: true });
        expect(history).toHaveLength(60);
        expect(history.filter((r) => !r.current).map((r) => r.importId)).toEqual(
          expect.arrayContaining([ids[0], ids[1]]),
        );
        expect(await countQuarantine(ws, { history: true })).toBe(60);
        // One import asked for by id is listed whether superseded or not.
        expect(await countQuarantine(ws, { importId: ids[0] ?? '' })).toBe(20);

        const log = await ws.runner.all(
          `SELECT "read", stored, updated, unchanged, quarantined, skipped FROM import_log ORDER BY started_at`,
        );
        expect(log).toEqual([
          { read: 23, stored: 3, updated: 0, unchanged: 1, quarantined: 19, skipped: 0 },
          { read: 23, stored: 0, updated: 0, unchanged: 4, quarantined: 19, skipped: 0 },
          { read: 23, stored: 0, updated: 0, unchanged: 4, quarantined: 19, skipped: 0 },
        ]);
        expect(log.every((r) => addsUp(r as unknown as WriteCounts))).toBe(true);

        // Another file, or the same file as another entity, supersedes nothing of this one.
        await importFiles(ws, { entity: 'contacts', files: [other] });
        expect(await countQuarantine(ws)).toBe(40);
        await importFiles(ws, { entity: 'contacts', files: [SMALL] });
        expect(await countQuarantine(ws)).toBe(40);
      });
    });
  });

  it('a clean re-import of a fixed file leaves no current quarantine', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'calls.csv');
      await copyFile(DEFECTS, file);
      await withWorkspace(async (ws) => {
        await importFiles(ws, { entity: 'contacts', files: [file] });
        expect(await countQuarantine(ws)).toBe(20);
        await copyFile(SMALL, file); // "fixed"
        await importFiles(ws, { entity: 'contacts', files: [file] });
        expect(await countQuarantine(ws)).toBe(0);
        expect(await countQuarantine(ws, { history: true })).toBe(20);
      });
    });
  });
});

describe('--strict over several files: all or nothing', () => {
  it('one file with defects: nothing of any file is stored; its quarantine is listed', async () => {
    await withWorkspace(async (ws) => {
      const run = importFiles(ws, {
        entity: 'contacts',
        files: [SMALL, DEFECTS, SMALL],
        strict: true,
      });
      await expect(run).rejects.toMatchObject({ code: 'STRICT_IMPORT_FAILED' });
      await expect(run).rejects.toThrow(/contacts-defects\.csv.*nothing of the 3 files/);
      expect(await ws.runner.all('SELECT count(*) AS n FROM contacts')).toEqual([{ n: 0 }]);
      const q = await listQuarantine(ws, { limit: 1000 });
      expect(q).toHaveLength(20);
      expect(new Set(q.map((r) => r.file))).toEqual(new Set([DEFECTS]));
      const log = await ws.runner.all(
        `SELECT file, status, stored, quarantined FROM import_log ORDER BY started_at`,
      );
      expect(log).toEqual([
        { file: SMALL, status: 'rejected', stored: 0, quarantined: 0 },
        { file: DEFECTS, status: 'rejected', stored: 0, quarantined: 19 },
        { file: SMALL, status: 'rejected', stored: 0, quarantined: 0 },
      ]);
    });
  });

  it('all clean: every file is stored, keys judged across files as without --strict', async () => {
    await withWorkspace(async (ws) => {
      const s = await importFiles(ws, { entity: 'contacts', files: [SMALL, SMALL], strict: true });
      expect(s.files.map((f) => [f.stored, f.unchanged])).toEqual([
        [4, 0],
        [0, 4],
      ]);
      expect(await ws.runner.all('SELECT count(*) AS n FROM contacts')).toEqual([{ n: 4 }]);
      const log = await ws.runner.all(`SELECT status FROM import_log`);
      expect(log).toEqual([{ status: 'ok' }, { status: 'ok' }]);
    });
  });
});

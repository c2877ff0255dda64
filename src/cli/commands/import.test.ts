// `cxkpi import` end to end on real files and a real workspace file: the entity taken from the
// mapping, --input-format, the usage lines of the example mappings, errors that name the right
// flag, --strict over several files, `cxkpi quarantine` after re-imports, and a running server.

import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/index.ts';
import { bufferIo } from '../io.ts';
import { main } from '../main.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => resolve(ROOT, 'test/fixtures/ingest', name);
const dir = mkdtempSync(join(tmpdir(), 'cxkpi-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshDb = () => join(dir, `ws-${n++}.duckdb`);

async function cli(...args: string[]) {
  const io = bufferIo({ isTTY: false });
  const code = await main(['node', 'cxkpi', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

interface Summary {
  files: {
    file: string;
    entity: string;
    read: number;
    stored: number;
    quarantined: number;
    skipped: number;
    importId: string;
  }[];
}

async function importJson(db: string, ...args: string[]): Promise<Summary> {
  const r = await cli('--db', db, 'import', ...args, '--format', 'json', '--quiet');
  if (r.code !== 0) throw new Error(`import exited ${r.code}: ${r.err}`);
  return JSON.parse(r.out) as Summary;
}

/** The rows of a small CSV fixture (no quoted commas in these files). */
function csvRows(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const keys = (head ?? '').split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
}

describe('cxkpi import', () => {
  it('without an entity, a mapping with contacts and surveys imports both in one command', async () => {
    const file = fixture('pwc-like.csv');
    const rows = csvRows(file);
    const rated = rows.filter((r) => r['Satisfaction rating'] !== '');
    const outOfScale = rated.filter((r) => Number(r['Satisfaction rating']) > 5);
    const s = await importJson(
      freshDb(),
      file,
      '--mapping',
      resolve(ROOT, 'examples/mappings/pwc-call-center.yaml'),
    );
    expect(s.files.map((f) => [f.entity, f.read, f.stored, f.quarantined, f.skipped])).toEqual([
      ['contacts', rows.length, rows.length, 0, 0],
      [
        'surveys',
        rows.length,
        rated.length - outOfScale.length,
        outOfScale.length,
        rows.length - rated.length,
      ],
    ]);
  });

  it('the usage line of every example mapping works as written', async () => {
    const layouts: Record<string, string> = {
      'pwc-call-center.yaml': 'pwc-like.csv',
      'ticket-export.yaml': 'tickets-like.csv',
    };
    const mappings = readdirSync(resolve(ROOT, 'examples/mappings'));
    expect(mappings.sort()).toEqual(Object.keys(layouts).sort());
    for (const name of mappings) {
      const text = readFileSync(resolve(ROOT, 'examples/mappings', name), 'utf8');
      const usage = /^# Usage: cxkpi (.+)$/m.exec(text)?.[1];
      expect(usage, name).toBeDefined();
      // The data file named in the usage line is replaced by a fixture in the same layout.
      const words = (usage ?? '').split(/\s+/);
      const data = join(dir, words[1] ?? 'data.csv');
      copyFileSync(fixture(layouts[name] ?? ''), data);
      const args = words.map((w, i) =>
        i === 1 ? data : w.startsWith('examples/') ? resolve(ROOT, w) : w,
      );
      const r = await cli('--db', freshDb(), ...args, '--format', 'json', '--quiet');
      expect(r.code, `${name}: ${r.err}`).toBe(0);
      const s = JSON.parse(r.out) as Summary;
      expect(s.files.every((f) => f.stored > 0)).toBe(true);
    }
  });

  it('--input-format reads a file whose name does not tell; UNKNOWN_FORMAT names that flag', async () => {
    const dat = join(dir, 'export.dat');
    copyFileSync(fixture('contacts-small.csv'), dat);
    const db = freshDb();
    const bad = await cli('--db', db, 'import', 'contacts', dat);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('UNKNOWN_FORMAT');
    expect(bad.err).toContain('--input-format csv');
    expect(bad.err).not.toMatch(/[^-]--format csv/);
    const s = await importJson(db, 'contacts', dat, '--input-format', 'csv');
    expect(s.files[0]).toMatchObject({ read: 4, stored: 4 });
    const wrong = await cli('--db', db, 'import', 'contacts', dat, '--input-format', 'xlsx');
    expect(wrong.err).toContain('INVALID_PARAMETER');
    expect(wrong.err).toContain('csv, tsv, json, ndjson, parquet');
  });

  it('without an entity or a mapping: ENTITY_REQUIRED with the command to run', async () => {
    const r = await cli('--db', freshDb(), 'import', fixture('contacts-small.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('ENTITY_REQUIRED');
    expect(r.err).toContain('cxkpi import contacts');
    const none = await cli('--db', freshDb(), 'import', 'contacts');
    expect(none.err).toContain('FILE_REQUIRED');
  });

  it('--strict with several files stores nothing when one has a defect', async () => {
    const db = freshDb();
    const r = await cli(
      '--db',
      db,
      'import',
      'contacts',
      fixture('contacts-small.csv'),
      fixture('contacts-defects.csv'),
      '--strict',
      '--quiet',
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('STRICT_IMPORT_FAILED');
    expect(r.err).toContain('nothing of the 2 files was stored');
    const ok = await importJson(db, 'contacts', fixture('contacts-small.csv'));
    expect(ok.files[0]).toMatchObject({ stored: 4 }); // new: the strict run stored nothing
  });

  it('cxkpi quarantine lists the current rows after re-imports, --history all of them', async () => {
    const db = freshDb();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (await importJson(db, 'contacts', fixture('contacts-defects.csv'))).files[0]?.importId ??
          '',
      );
    }
    const list = async (...extra: string[]) => {
      const r = await cli(
        '--db',
        db,
        'quarantine',
        '--format',
        'json',
        '--limit',
        '1000',
        ...extra,
      );
      return JSON.parse(r.out) as { importId: string; current: boolean }[];
    };
    const current = await list();
    expect(current).toHaveLength(20);
    expect(new Set(current.map((r) => r.importId))).toEqual(new Set([ids[2]]));
    const all = await list('--history');
    expect(all).toHaveLength(60);
    expect(all.filter((r) => !r.current)).toHaveLength(40);
    expect(await list('--import', ids[0] ?? '')).toHaveLength(20);
    const table = await cli(
      '--db',
      db,
      'quarantine',
      '--history',
      '--format',
      'table',
      '--limit',
      '1000',
    );
    expect(table.out.split('\n').filter((l) => l.includes('superseded'))).toHaveLength(40);
  });

  it('with a running server: one streamed upload, counts as without the server', async () => {
    const db = freshDb();
    const server = await startServer({ dbPath: db, port: 0, logger: false });
    try {
      const file = fixture('pwc-like.csv');
      const r = await cli(
        '--db',
        db,
        'import',
        file,
        '--mapping',
        resolve(ROOT, 'examples/mappings/pwc-call-center.yaml'),
        '--format',
        'json',
        '--quiet',
      );
      expect(r.code, r.err).toBe(0);
      expect(r.err).toContain(`sent to the running server at ${server.url}`);
      const s = JSON.parse(r.out) as Summary;
      expect(s.files.map((f) => [f.file, f.entity, f.read])).toEqual([
        ['pwc-like.csv', 'contacts', 5],
        ['pwc-like.csv', 'surveys', 5],
      ]);
      const strict = await cli(
        '--db',
        db,
        'import',
        'contacts',
        fixture('contacts-small.csv'),
        fixture('contacts-defects.csv'),
        '--strict',
        '--quiet',
      );
      expect(strict.err).toContain('STRICT_IMPORT_FAILED');
      expect(strict.err).toContain('nothing of the 2 files was stored');
    } finally {
      await server.close();
    }
  });
});

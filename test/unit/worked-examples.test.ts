// The worked examples of KPIS.md through the whole path: export file → `cxkpi import` →
// engine → `cxkpi report` in every format (JSON, CSV, NDJSON, Markdown, table; en and nl).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { writeWorkedExamples, type WorkedExampleFiles } from '../helpers/worked-examples.ts';

let files: WorkedExampleFiles;
let dir: string;

async function cli(...args: string[]): Promise<string> {
  const io = bufferIo();
  const code = await main(['node', 'cxkpi', ...args], io);
  if (code !== 0) throw new Error(`cxkpi ${args.join(' ')} exited ${code}: ${io.stderr()}`);
  return io.stdout();
}

/** One workspace per example, so each KPI sees exactly its example's rows. */
async function workspaceWith(name: string, entity: string, file: string): Promise<string> {
  const db = join(dir, `${name}.duckdb`);
  const summary = JSON.parse(
    await cli('--db', db, 'import', entity, file, '--format', 'json', '--quiet'),
  );
  expect(summary.files[0]).toMatchObject({ quarantined: 0 });
  return db;
}

function csvRows(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const keys = (head ?? '').split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
}

const EXAMPLES = [
  { kpi: 'csat', entity: 'surveys', file: 'csat', value: 80, en: '80.0%', nl: '80,0 %', n: 400 },
  { kpi: 'fcr', entity: 'cases', file: 'fcr', value: 78.125, en: '78.1%', nl: '78,1 %', n: 1600 },
  {
    kpi: 'service_level',
    entity: 'contacts',
    file: 'serviceLevel',
    value: (8400 / 9500) * 100,
    en: '88.4%',
    nl: '88,4 %',
    n: 9500,
  },
  {
    kpi: 'aht',
    entity: 'contacts',
    file: 'aht',
    value: 450,
    en: '7:30 min',
    nl: '7:30 min',
    n: 10000,
  },
  { kpi: 'nps', entity: 'surveys', file: 'nps', value: 30, en: '+30', nl: '+30', n: 100 },
] as const;

beforeAll(() => {
  files = writeWorkedExamples();
  dir = mkdtempSync(join(tmpdir(), 'cxkpi-we-db-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(files.dir, { recursive: true, force: true });
});

describe.each(EXAMPLES)('worked example $kpi', (ex) => {
  it(`gives ${ex.en} in every output format`, async () => {
    const db = await workspaceWith(ex.kpi, ex.entity, files[ex.file]);
    const report = (format: string, lang = 'en') =>
      cli('--db', db, 'report', '--kpi', ex.kpi, '--format', format, '--lang', lang);

    const json = JSON.parse(await report('json'));
    expect(json.rows).toHaveLength(1);
    expect(json.rows[0].value).toBe(ex.value);
    expect(json.rows[0].n).toBe(ex.n);
    if (ex.kpi === 'aht') expect(json.rows[0].value / 60).toBe(7.5);

    const [csvRow] = csvRows(await report('csv'));
    expect(Number(csvRow?.['value'])).toBe(ex.value);
    expect(csvRow?.['n']).toBe(String(ex.n));

    const [nd] = (await report('ndjson'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(nd.value).toBe(ex.value);

    expect(await report('markdown')).toContain(`| ${ex.en} |`);
    expect(await report('table')).toContain(ex.en);
    expect(await report('table', 'nl')).toContain(ex.nl);
  });
});

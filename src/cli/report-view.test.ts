// The report table speaks the report's language: rating words, the group-key headers (channel,
// period) and the footer's grain and filters in nl and es; --filter names a key it does not know;
// time to resolution is in seconds in JSON, NDJSON and CSV and in hours in tables.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../workspace/workspace.ts';
import { bufferIo } from './io.ts';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'cxkpi-report-view-'));
const db = join(dir, 'ws.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  // Voice: 3 of 3 answered within 20 s (SL 100 %, green); chat: 0 of 2 (SL 0 %, red).
  const ws = await openWorkspace({ path: db });
  await ws.runner
    .exec(`INSERT INTO contacts (contact_id, channel, offered_at, outcome, wait_s) VALUES
    ('v1', 'voice', '2026-06-01 08:00:00+00', 'answered', 5),
    ('v2', 'voice', '2026-06-01 08:01:00+00', 'answered', 10),
    ('v3', 'voice', '2026-06-01 08:02:00+00', 'answered', 15),
    ('c1', 'chat', '2026-06-01 08:03:00+00', 'answered', 100),
    ('c2', 'chat', '2026-06-01 08:04:00+00', 'answered', 200)`);
  // Two cases resolved after 30 h and 31 h: TTR 30.5 h = 109,800 s.
  await ws.runner.exec(`INSERT INTO cases (case_id, channel, created_at, resolved_at) VALUES
    ('k1', 'email', '2026-06-01 08:00:00+00', '2026-06-02 14:00:00+00'),
    ('k2', 'email', '2026-06-01 08:00:00+00', '2026-06-02 15:00:00+00')`);
  await ws.close();
});

async function cli(...args: string[]) {
  const io = bufferIo();
  const code = await main(['node', 'cxkpi', '--db', db, ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const table = (lang: string) =>
  cli(
    'report',
    '--kpi',
    'service_level',
    '--by',
    'channel',
    '--grain',
    'day',
    '--filter',
    'channel=voice,chat',
    '--format',
    'table',
    '--lang',
    lang,
  );

describe('report table in nl and es', () => {
  it.each([
    [
      'nl',
      ['kanaal', 'periode'],
      ['groen (uitstekend)', 'rood (zwak)'],
      ', per dag, filters channel',
    ],
    [
      'es',
      ['canal', 'periodo'],
      ['verde (excelente)', 'rojo (bajo)'],
      ', por día, filtros channel',
    ],
    [
      'en',
      ['channel', 'period'],
      ['green (excellent)', 'red (poor)'],
      ', grain day, filters channel',
    ],
  ])('%s: headers, rating words and footer', async (lang, headers, ratings, grain) => {
    const r = await table(lang);
    expect(r.code, r.err).toBe(0);
    const [head = ''] = r.out.split('\n');
    for (const h of headers) expect(head.split(/\s{2,}/)).toContain(h);
    for (const w of ratings) expect(r.out).toContain(w);
    if (lang !== 'en') expect(r.out).not.toMatch(/\b(green|red|amber)\b/);
    expect(r.out).toContain(grain);
  });
});

describe('--filter', () => {
  it('an unknown key is named, with the keys allowed', async () => {
    const r = await cli('report', '--filter', 'foo=bar');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Invalid filter "foo=bar": foo is not a dimension');
    expect(r.err).toContain('Allowed: channel, queue, team, agent, category, weekday, slot');
  });
});

describe('time to resolution: seconds for machines, hours for people (KPIS.md)', () => {
  const H = 3600;
  const ttr = (format: string, lang = 'en') =>
    cli('report', '--kpi', 'time_to_resolution', '--format', format, '--lang', lang);

  it('JSON, NDJSON and CSV carry seconds', async () => {
    const json = await ttr('json');
    expect(json.code, json.err).toBe(0);
    const [row] = (JSON.parse(json.out) as { rows: Record<string, unknown>[] }).rows;
    expect(row).toMatchObject({
      unit: 'seconds',
      value: 30.5 * H,
      numerator: 61 * H,
      denominator: 2,
      percentiles: { p50: 30.5 * H, p90: 30.9 * H, p95: 30.95 * H },
    });
    const nd = JSON.parse((await ttr('ndjson')).out) as Record<string, unknown>;
    expect(nd).toMatchObject({ unit: 'seconds', value: 30.5 * H, p50: 30.5 * H, p90: 30.9 * H });
    const [head = '', line = ''] = (await ttr('csv')).out.split('\r\n');
    const cells = Object.fromEntries(head.split(',').map((k, i) => [k, line.split(',')[i]]));
    expect(cells).toMatchObject({ value: '109800', unit: 'seconds', numerator: '219600' });
    expect(Number(cells['p90'])).toBeCloseTo(30.9 * H, 7);
  });

  it('the table and markdown show hours, in the report language (24–48 h: average)', async () => {
    const table = await ttr('table');
    expect(table.out).toMatch(
      /Time to resolution\s+30\.5 h\s+2\s+30\.5 h \/ 30\.9 h\s+amber \(average\)/,
    );
    const md = await ttr('markdown', 'nl');
    expect(md.out).toContain('| 30,5 h | 2 |  | 30,5 h / 30,9 h |');
  });
});

// kpis.csv on the hand-checked fixture: the numbers each chart draws (counts, parts) are columns,
// computed here by hand from the fixture's rows; period, filters and formula travel with them.

import { describe, expect, it } from 'vitest';
import { runKpiQuery, type KpiRow } from '../engine/index.ts';
import { KPIS } from '../metrics/index.ts';
import { parseCsv } from './csv.ts';
import { getJson, useSeededApp } from './fixture.test-helper.ts';
import { kpiRowsToCsv } from './kpi-csv.ts';

const { app, ws } = useSeededApp();

type Line = Record<string, string>;

function table(text: string): Line[] {
  const [head, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? ''])));
}

async function csvOf(url: string, headers: Record<string, string> = {}): Promise<Line[]> {
  const res = await app().inject({ method: 'GET', url, headers });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/csv/);
  return table(res.body);
}

const pick = (lines: Line[], match: Line) =>
  lines.filter((l) => Object.entries(match).every(([k, v]) => l[k] === v));
const nums = (line: Line | undefined, cols: readonly string[]) =>
  cols.map((c) => (line?.[c] === '' || line?.[c] === undefined ? null : Number(line[c])));

describe('kpis.csv carries the numbers the charts draw', () => {
  it('offered/answered/abandoned per channel (the volume chart), counted by hand', async () => {
    const lines = await csvOf('/api/v1/kpis.csv?kpi=service_level&by=channel');
    const cols = [
      'counts.offered',
      'counts.answered',
      'counts.answered_within_t',
      'counts.abandoned',
      'counts.abandoned_within_t',
      'counts.short_abandons',
      'counts.flowed_out',
      'excluded.short_abandons',
    ];
    // voice: c1–c5, c9, c10; answered c1 c2 c3 c9 (all ≤ 20 s); abandoned c4 (3 s) c5 (30 s)
    // c10 (8 s) → within T c4 c10, short c4.
    expect(nums(pick(lines, { channel: 'voice' })[0], cols)).toEqual([7, 4, 4, 3, 2, 1, 0, 1]);
    // chat: c6 c7 c8 c11 c12; answered c6 (5 s) c7 (70 s) c11 (12 s); c12 abandoned (2 s, short);
    // c8 flowed out (callback).
    expect(nums(pick(lines, { channel: 'chat' })[0], cols)).toEqual([5, 3, 2, 1, 1, 1, 1, 1]);
  });

  it('NPS promoters, passives and detractors per day (the NPS trend)', async () => {
    const lines = await csvOf('/api/v1/kpis.csv?kpi=nps&grain=day');
    const cols = ['counts.promoters', 'counts.passives', 'counts.detractors', 'value', 'n'];
    // 1 June local: 10, 9, 7, 3 → 2 / 1 / 1, NPS (2 − 1) / 4 = +25; 2 June: 8 → a passive, 0.
    expect(nums(pick(lines, { period: '2026-06-01' })[0], cols)).toEqual([2, 1, 1, 25, 4]);
    expect(nums(pick(lines, { period: '2026-06-02' })[0], cols)).toEqual([0, 1, 0, 0, 1]);
  });

  it('AHT split into talk, hold and after-contact work per channel', async () => {
    const lines = await csvOf('/api/v1/kpis.csv?kpi=aht&by=channel');
    const cols = ['parts.talk_s', 'parts.hold_s', 'parts.acw_s', 'value'];
    // voice c1 c2 c3 c9: talk 300 200 400 250, hold 30 0 60 10, ACW 60 40 80 50.
    const voice = nums(pick(lines, { channel: 'voice' })[0], cols);
    [1150 / 4, 100 / 4, 230 / 4, 1480 / 4].forEach((v, i) => expect(voice[i]).toBeCloseTo(v, 10));
    // chat c6 c7 c11: talk 600 300 500, no hold or ACW.
    const chat = nums(pick(lines, { channel: 'chat' })[0], cols);
    [1400 / 3, 0, 0, 1400 / 3].forEach((v, i) => expect(chat[i]).toBeCloseTo(v, 10));
  });

  it('.csv and Accept: text/csv give the same table, row for row the JSON', async () => {
    const qs = 'kpi=service_level,asa,nps&by=channel&grain=day';
    const json = await getJson<{ rows: KpiRow[] }>(app(), `/api/v1/kpis?${qs}`);
    const bySuffix = await csvOf(`/api/v1/kpis.csv?${qs}`);
    expect(await csvOf(`/api/v1/kpis?${qs}`, { accept: 'text/csv' })).toEqual(bySuffix);
    expect(bySuffix).toHaveLength(json.rows.length);
    json.rows.forEach((r, i) => {
      const line = bySuffix[i] ?? {};
      expect(line).toMatchObject({
        kpi: r.kpi,
        channel: r.keys['channel'] ?? '',
        period: r.keys['period'] ?? '',
        value: r.value === null ? '' : String(r.value),
        n: String(r.n),
        variant: r.variant,
        formula: r.formula,
        rating_status: r.rating.status ?? '',
        p90: r.percentiles?.p90 == null ? '' : String(r.percentiles.p90),
      });
      for (const [k, v] of Object.entries(r.counts)) expect(line[`counts.${k}`]).toBe(String(v));
    });
  });

  it('numbers stay unrounded, percentages in percent, settings as k=v; k=v', async () => {
    const [voice] = await csvOf('/api/v1/kpis.csv?kpi=service_level&filter=channel=voice');
    expect(voice?.['value']).toBe(String(400 / 6));
    expect(voice?.['unit']).toBe('percent');
    expect(voice?.['settings']).toBe(
      'variant=offered-minus-short-abandons; threshold_s=20 s; within=<=; short_abandon_s=5; clock_start=queue entry',
    );
  });
});

describe('kpis.csv says what period and filters a figure covers', () => {
  it('a report as CSV: period, time zone, grain, filters and formula on every line', async () => {
    const settings = await ws().settings();
    const report = await runKpiQuery(
      ws().runner,
      { kpis: ['service_level'], filters: { channel: ['voice'] }, grain: 'day' },
      settings,
    );
    const lines = table(kpiRowsToCsv([{ series: 'current', ...report }]));
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l).toMatchObject({
        period_from: '2026-06-01',
        period_to: '2026-06-02',
        timezone: 'Europe/Amsterdam',
        grain: 'day',
        filters: 'channel=voice',
        formula: KPIS.service_level.formula(settings),
      });
    }
  });

  // Needs src/server/kpis-route.ts (not this file's owner) to hand the reports, not just their
  // rows, to kpiRowsToCsv: `[{ series: 'current', ...report }]` and `{ series: 'previous', ...previous }`.
  it('GET kpis.csv: the same columns, for the current and the previous period', async () => {
    const lines = await csvOf(
      '/api/v1/kpis.csv?kpi=service_level&from=2026-06-02&to=2026-06-02&compare=previous-period&filter=channel=voice,chat',
    );
    expect(lines.map((l) => [l['series'], l['period_from'], l['period_to']])).toEqual([
      ['current', '2026-06-02', '2026-06-02'],
      ['previous', '2026-06-01', '2026-06-01'],
    ]);
    expect(lines[0]).toMatchObject({ filters: 'channel=voice,chat', timezone: 'Europe/Amsterdam' });
    // Previous day: A≤T 4 / (8 offered − 1 short) = 4 / 7.
    expect(Number(lines[1]?.['value'])).toBeCloseTo(400 / 7, 10);
  });
});

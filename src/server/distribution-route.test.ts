// GET /api/v1/distribution on the hand-checked fixture and on 12,000 generated contacts: bins
// counted by hand, summing to the KPI's n, percentiles equal to the KPI's; CSV; every error.

import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiRow } from '../engine/index.ts';
import { parseCsv } from './csv.ts';
import { getJson, useSeededApp } from './fixture.test-helper.ts';

const { app, ws } = useSeededApp();

interface Dist {
  measure: string;
  kpi: string;
  ladder: string;
  period: { from: string | null; to: string | null; timezone: string };
  n: number;
  percentiles: { p50: number | null; p90: number | null; p95: number | null };
  bins: { from: number; to: number | null; count: number }[];
}

const dist = (qs: string) => getJson<Dist>(app(), `/api/v1/distribution?${qs}`);
const kpi = async (qs: string) =>
  (await getJson<{ rows: KpiRow[] }>(app(), `/api/v1/kpis?${qs}`)).rows[0] as KpiRow;
/** The non-empty bins as "from-to: count". */
const filled = (d: Dist) =>
  d.bins.filter((b) => b.count > 0).map((b) => `${b.from}-${b.to ?? ''}: ${b.count}`);

// 12,000 answered chats on 2 July 2026 (UTC), one every 5 s, waiting i mod 100 seconds.
const GENERATED = 12_000;
beforeAll(async () => {
  await ws().runner
    .exec(`INSERT INTO contacts (contact_id, channel, queue, offered_at, outcome, wait_s, talk_s)
    SELECT 'g' || i, 'chat', 'Generated', TIMESTAMPTZ '2026-07-02 04:00:00+00' + to_seconds(i * 5),
           'answered', i % 100, 60
    FROM range(${GENERATED}) t(i)`);
});

describe('GET /api/v1/distribution on the fixture', () => {
  const june = 'from=2026-06-01&to=2026-06-02';

  it('waits of the answered contacts (ASA), bins counted by hand, n and p50/p90 of ASA', async () => {
    const d = await dist(`measure=wait&${june}`);
    // Answered waits: c1 10, c2 20, c3 18, c6 5, c7 70, c9 15, c11 12; no channel → mixed bins.
    expect(d).toMatchObject({ measure: 'wait', kpi: 'asa', ladder: 'mixed', n: 7 });
    expect(filled(d)).toEqual(['5-10: 1', '10-15: 2', '15-20: 2', '20-30: 1', '60-90: 1']);
    expect(d.bins.at(-1)).toMatchObject({ from: 86_400, to: null });
    const asa = await kpi(`kpi=asa&${june}`);
    expect(d.n).toBe(asa.n);
    expect(d.percentiles).toEqual(asa.percentiles);
    expect(d.percentiles).toMatchObject({ p50: 15 });
    expect(d.percentiles.p90).toBeCloseTo(40, 10);
    expect(d.period).toEqual({
      from: '2026-06-01',
      to: '2026-06-02',
      timezone: 'Europe/Amsterdam',
    });
  });

  it('voice gets second bins up to 30 min; e-mail gets hours; a period narrows the rows', async () => {
    const voice = await dist(`measure=wait&${june}&filter=channel=voice`);
    expect(voice.ladder).toBe('live');
    expect(voice.bins.map((b) => b.from).slice(0, 5)).toEqual([0, 5, 10, 15, 20]);
    expect(voice.bins.at(-1)).toMatchObject({ from: 1800, to: null });
    // Voice answered: c1 10, c2 20, c3 18, c9 15.
    expect(filled(voice)).toEqual(['10-15: 1', '15-20: 2', '20-30: 1']);
    const email = await dist(`measure=wait&${june}&filter=channel=email`);
    expect(email.ladder).toBe('backlog');
    expect(email.bins.map((b) => b.from).slice(0, 4)).toEqual([0, 300, 900, 1800]);
    expect(email.bins.at(-1)).toMatchObject({ from: 72 * 3600, to: null });
    expect(email).toMatchObject({ n: 0, percentiles: { p50: null, p90: null, p95: null } });
    const day2 = await dist('measure=wait&from=2026-06-02&to=2026-06-02');
    expect(filled(day2)).toEqual(['10-15: 1', '15-20: 1']); // c11 12, c9 15
  });

  it('handle times of the handled contacts (AHT) in minute bins', async () => {
    const d = await dist(`measure=handle&${june}`);
    // 390 240 540 600 300 310 500 s.
    expect(d).toMatchObject({ kpi: 'aht', n: 7 });
    expect(filled(d)).toEqual(['240-300: 1', '300-420: 3', '420-600: 2', '600-900: 1']);
    const aht = await kpi(`kpi=aht&${june}`);
    expect(d.percentiles).toEqual(aht.percentiles);
  });

  it('as CSV: one line per bin with its count, n and period', async () => {
    const res = await app().inject({
      method: 'GET',
      url: `/api/v1/distribution.csv?measure=wait&${june}&filter=channel=voice`,
    });
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [head, ...rows] = parseCsv(res.body);
    expect(head).toEqual(['measure', 'from_s', 'to_s', 'count', 'n', 'period_from', 'period_to']);
    expect(rows).toHaveLength(14);
    expect(rows.map((r) => Number(r[3])).reduce((a, b) => a + b, 0)).toBe(4);
    expect(rows[2]).toEqual(['wait', '10', '15', '1', '4', '2026-06-01', '2026-06-02']);
  });
});

describe('GET /api/v1/distribution bins every row, not a sample', () => {
  it('12,000 contacts: each bin holds exactly the waits that fall in it', async () => {
    const d = await dist('measure=wait&from=2026-07-02&to=2026-07-02&filter=channel=chat');
    expect(d.n).toBe(GENERATED);
    const waits = Array.from({ length: GENERATED }, (_, i) => i % 100);
    for (const b of d.bins) {
      const expected = waits.filter((w) => w >= b.from && (b.to === null || w < b.to)).length;
      expect({ bin: b.from, count: b.count }).toEqual({ bin: b.from, count: expected });
    }
    // Each wait 0–99 occurs 120 times: p50 = 49.5 (type 7 between 49 and 50).
    expect(d.percentiles.p50).toBeCloseTo(49.5, 10);
  });
});

describe('GET /api/v1/distribution: errors name the parameter and the allowed values', () => {
  const bad = async (qs: string) => {
    const res = await app().inject({ method: 'GET', url: `/api/v1/distribution?${qs}` });
    expect(res.statusCode).toBe(400);
    return (res.json() as { error: Record<string, unknown> }).error;
  };

  it('measure is required and one of wait, handle', async () => {
    const missing = await bad('');
    expect(missing).toMatchObject({ parameter: 'measure', allowed: ['wait', 'handle'] });
    expect(missing['message']).toContain('required');
    const e = await bad('measure=talk');
    expect(e).toMatchObject({ parameter: 'measure', allowed: ['wait', 'handle'] });
    expect(e['message']).toContain('"talk"');
  });

  it('dates, filters and unknown parameters', async () => {
    expect(await bad('measure=wait&from=2026-06-02&to=2026-06-01')).toMatchObject({
      parameter: 'from',
    });
    expect(await bad('measure=wait&to=June')).toMatchObject({ parameter: 'to' });
    expect(await bad('measure=wait&filter=country=NL')).toMatchObject({ parameter: 'filter' });
    const e = await bad('measure=wait&by=channel');
    expect(e).toMatchObject({ parameter: 'by' });
    expect(e['allowed']).toEqual(['measure', 'from', 'to', 'filter']);
  });

  it('is in the OpenAPI document with its typed answer', async () => {
    const doc = await getJson<{
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>(app(), '/api/openapi.json');
    expect(doc.paths['/api/v1/distribution']).toBeDefined();
    expect(Object.keys(doc.components.schemas['Distribution']?.properties ?? {})).toEqual(
      expect.arrayContaining(['n', 'bins', 'percentiles', 'ladder']),
    );
  });
});

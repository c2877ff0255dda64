// /api/v1/kpis on real DuckDB with the hand-checked fixture: values, breakdowns, the previous
// period and every parameter error naming the parameter and allowed values (CSV: kpi-csv.test.ts).

import { describe, expect, it } from 'vitest';
import type { KpiRow } from '../engine/index.ts';
import { DIMENSIONS, GRAINS } from '../engine/index.ts';
import { KPI_IDS } from '../metrics/index.ts';
import { parseCsv } from './csv.ts';
import { getJson, useSeededApp } from './fixture.test-helper.ts';

const { app } = useSeededApp();

interface KpisBody {
  engine: string;
  period: { from: string | null; to: string | null; timezone: string };
  query: Record<string, unknown>;
  rows: KpiRow[];
  warnings: string[];
  previous?: { period: { from: string; to: string }; rows: KpiRow[] };
}

const kpis = (qs: string) => getJson<KpisBody>(app(), `/api/v1/kpis?${qs}`);
const one = (rows: KpiRow[], kpi: string, keys: Record<string, unknown> = {}) => {
  const found = rows.filter(
    (r) => r.kpi === kpi && Object.entries(keys).every(([k, v]) => r.keys[k] === v),
  );
  expect(found).toHaveLength(1);
  return found[0] as KpiRow;
};

describe('GET /api/v1/kpis: figures equal the hand-computed ones', () => {
  it('percentiles=false leaves out p50/p90/p95 but not the figures (sparklines)', async () => {
    const lite = await kpis('percentiles=false');
    const full = await kpis('');
    const asa = one(lite.rows, 'asa');
    expect(asa.percentiles).toBeNull();
    expect(asa.value).toBeCloseTo(150 / 7, 10);
    expect(asa.n).toBe(7);
    for (const r of lite.rows) {
      expect(r.percentiles).toBeNull();
      const same = full.rows.find((f) => f.kpi === r.kpi && f.scale === r.scale);
      expect(r.value).toBe(same?.value);
      expect(r.n).toBe(same?.n);
    }
    expect(one(full.rows, 'asa').percentiles?.p50).toBeCloseTo(15, 10);
    const bad = await app().inject({ method: 'GET', url: '/api/v1/kpis?percentiles=no' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('percentiles');
    expect(bad.body).toContain('false');
  });

  it('every KPI over the whole data set, with definition, variant, n and period', async () => {
    const body = await kpis('');
    expect(body.engine).toBe('duckdb');
    expect(body.period).toEqual({
      from: '2026-06-01',
      to: '2026-06-02',
      timezone: 'Europe/Amsterdam',
    });
    expect(new Set(body.rows.map((r) => r.kpi))).toEqual(new Set(KPI_IDS));
    const sl = one(body.rows, 'service_level');
    expect(sl).toMatchObject({ value: 60, numerator: 6, denominator: 10, n: 10, unit: 'percent' });
    expect(sl.variant).toBe('offered-minus-short-abandons');
    expect(sl.excluded).toEqual({ short_abandons: 2 });
    expect(sl.formula).toContain('T = 20 s');
    const asa = one(body.rows, 'asa');
    expect(asa.value).toBeCloseTo(150 / 7, 10);
    expect(asa.n).toBe(7);
    expect(asa.percentiles?.p50).toBeCloseTo(15, 10);
    expect(asa.percentiles?.p90).toBeCloseTo(20 + 0.4 * 50, 10);
    expect(one(body.rows, 'aht').value).toBeCloseTo(2880 / 7, 10);
    expect(one(body.rows, 'abandon_rate')).toMatchObject({ value: 20, n: 10 });
    expect(one(body.rows, 'fcr')).toMatchObject({ value: 50, numerator: 3, n: 6 });
    expect(one(body.rows, 'csat')).toMatchObject({ value: 75, numerator: 3, n: 4 });
    expect(one(body.rows, 'nps')).toMatchObject({ value: 20, n: 5, unit: 'points' });
    expect(one(body.rows, 'reopen_rate')).toMatchObject({ value: 20, n: 5 });
    // Durations in seconds (KPIS.md), resolution too: hand values in hours × 3600.
    const ttr = one(body.rows, 'time_to_resolution');
    expect(ttr.unit).toBe('seconds');
    expect(ttr.value).toBeCloseTo(((4 + 2 + 24 + 1 / 3 + 0.5) / 5) * 3600, 7);
    expect(one(body.rows, 'cost_per_resolution')).toMatchObject({
      value: 20,
      numerator: 100,
      n: 5,
    });
    expect(one(body.rows, 'csat').warnings[0]).toMatch(/n = 4 < 30/);
  });

  it('breaks down by channel and by day, and filters', async () => {
    const byChannel = await kpis('kpi=service_level&by=channel');
    expect(one(byChannel.rows, 'service_level', { channel: 'voice' }).value).toBeCloseTo(
      400 / 6,
      10,
    );
    expect(one(byChannel.rows, 'service_level', { channel: 'chat' }).value).toBe(50);
    const byDay = await kpis('kpi=service_level&grain=day');
    expect(one(byDay.rows, 'service_level', { period: '2026-06-01' }).value).toBeCloseTo(
      400 / 7,
      10,
    );
    expect(one(byDay.rows, 'service_level', { period: '2026-06-02' }).value).toBeCloseTo(
      200 / 3,
      10,
    );
    const voice = await kpis('kpi=service_level&filter=channel=voice');
    expect(voice.rows).toHaveLength(1);
    expect(voice.rows[0]?.value).toBeCloseTo(400 / 6, 10);
    expect(voice.query['filters']).toEqual({ channel: ['voice'] });
    // Sales: c1 c2 c9 answered within T; c4 short abandon, c10 abandoned → 3 / (5 − 1).
    const sales = await kpis('kpi=service_level&filter=queue=Sales&filter=channel=voice,chat');
    expect(sales.rows[0]).toMatchObject({ value: 75, n: 4 });
  });

  it('a period restricts the rows and is reported as asked', async () => {
    const body = await kpis('kpi=service_level,csat&from=2026-06-02&to=2026-06-02');
    expect(body.period).toMatchObject({ from: '2026-06-02', to: '2026-06-02' });
    expect(one(body.rows, 'service_level').value).toBeCloseTo(200 / 3, 10);
    expect(one(body.rows, 'csat')).toMatchObject({ value: 100, n: 1 });
    expect(body.previous).toBeUndefined();
  });

  it('compare=previous-period adds the equally long period just before', async () => {
    const body = await kpis(
      'kpi=service_level&from=2026-06-02&to=2026-06-02&compare=previous-period',
    );
    expect(body.rows[0]?.value).toBeCloseTo(200 / 3, 10);
    expect(body.previous?.period).toMatchObject({ from: '2026-06-01', to: '2026-06-01' });
    expect(body.previous?.rows[0]?.value).toBeCloseTo(400 / 7, 10);
    expect(body.previous?.rows[0]?.n).toBe(7);
  });

  it('goal= adds the KPIs of a goal of KPIS.md to kpi=, as cxkpi report --goal does', async () => {
    const quality = await kpis('goal=quality');
    expect(quality.rows.map((r) => [r.kpi, r.value])).toEqual([
      ['csat', 75],
      ['fcr', 50],
      ['reopen_rate', 20],
    ]);
    const both = await kpis('goal=quality&kpi=nps,fcr');
    expect(both.rows.map((r) => r.kpi).sort()).toEqual(['csat', 'fcr', 'nps', 'reopen_rate']);
  });

  it('set= changes a setting for this request only, by its config path, repeatable', async () => {
    // Answered waits 10 20 18 5 70 15 12: A≤20 = 6 of A = 7 (answered-only); ≤ 15 s: 4 of 7.
    const one = await kpis('kpi=service_level&set=service_level.variant=answered-only');
    expect(one.rows[0]).toMatchObject({ numerator: 6, denominator: 7, variant: 'answered-only' });
    expect(one.query['settings']).toEqual({ service_level: { variant: 'answered-only' } });
    const two = await kpis(
      'kpi=service_level&set=service_level.variant=answered-only&set=service_level.threshold_s=15',
    );
    expect(two.rows[0]).toMatchObject({ numerator: 4, denominator: 7 });
    expect(two.rows[0]?.settings['threshold_s']).toBe('15 s');
    // The next request without set= is back on the workspace settings: 6 / 10.
    expect((await kpis('kpi=service_level')).rows[0]).toMatchObject({
      numerator: 6,
      denominator: 10,
    });
    const csv = await app().inject({
      method: 'GET',
      url: '/api/v1/kpis.csv?kpi=service_level&set=service_level.variant=answered-only',
    });
    const [head = [], first = []] = parseCsv(csv.body);
    const line = Object.fromEntries(head.map((h, i) => [h, first[i]]));
    expect(line).toMatchObject({ numerator: '6', denominator: '7', variant: 'answered-only' });
  });
});

describe('GET /api/v1/kpis: a bad parameter is a 400 that names it and what is allowed', () => {
  const bad = async (qs: string) => {
    const res = await app().inject({ method: 'GET', url: `/api/v1/kpis?${qs}` });
    expect(res.statusCode).toBe(400);
    return (res.json() as { error: Record<string, unknown> }).error;
  };

  it('unknown kpi lists every KPI id', async () => {
    const e = await bad('kpi=service_level,nope');
    expect(e).toMatchObject({ code: 'INVALID_PARAMETER', parameter: 'kpi', allowed: [...KPI_IDS] });
    expect(e['message']).toMatch(/"nope".*kpi/);
    for (const id of KPI_IDS) expect(e['message']).toContain(id);
  });

  it('unknown goal lists the goals', async () => {
    expect(await bad('goal=speed')).toMatchObject({
      parameter: 'goal',
      allowed: ['loyalty', 'quality', 'reachability'],
    });
  });

  it('unknown grain lists the grains; unknown by lists the dimensions', async () => {
    expect(await bad('grain=daily')).toMatchObject({ parameter: 'grain', allowed: [...GRAINS] });
    const by = await bad('by=channel,country');
    expect(by).toMatchObject({ parameter: 'by', allowed: [...DIMENSIONS] });
    expect(by['message']).toContain('"country"');
  });

  it('dates must be YYYY-MM-DD, exist, and from must not be after to', async () => {
    expect(await bad('from=2026-6-1')).toMatchObject({ parameter: 'from' });
    expect((await bad('from=2026-6-1'))['message']).toContain('YYYY-MM-DD');
    expect(await bad('to=2026-02-30')).toMatchObject({ parameter: 'to' });
    const order = await bad('from=2026-06-02&to=2026-06-01');
    expect(order).toMatchObject({ parameter: 'from' });
    expect(order['message']).toMatch(/must not be after/);
  });

  it('filter needs dimension=value with a known dimension and a value', async () => {
    expect(await bad('filter=voice')).toMatchObject({
      parameter: 'filter',
      allowed: [...DIMENSIONS],
    });
    const dim = await bad('filter=country=NL');
    expect(dim).toMatchObject({ parameter: 'filter', allowed: [...DIMENSIONS] });
    expect(dim['message']).toContain('"country"');
    expect(await bad('filter=channel=')).toMatchObject({ parameter: 'filter' });
  });

  it('slot is 15, 30 or 60; compare is previous-period and needs from and to', async () => {
    expect(await bad('slot=45')).toMatchObject({ parameter: 'slot', allowed: ['15', '30', '60'] });
    expect(await bad('compare=last-year')).toMatchObject({
      parameter: 'compare',
      allowed: ['previous-period'],
    });
    const needs = await bad('compare=previous-period&from=2026-06-01');
    expect(needs).toMatchObject({ parameter: 'compare' });
    expect(needs['message']).toMatch(/needs both `from` and `to`/);
  });

  it('an unknown parameter is named with the parameters the route accepts', async () => {
    const e = await bad('kpi=asa&grian=day');
    expect(e).toMatchObject({ parameter: 'grian' });
    expect(e['allowed']).toEqual([
      'kpi',
      'goal',
      'from',
      'to',
      'filter',
      'grain',
      'slot',
      'by',
      'compare',
      'percentiles',
      'set',
    ]);
  });

  it('set needs setting=value with a setting that exists and a value it takes', async () => {
    const variant = await bad('set=service_level.variant=fastest');
    expect(variant).toMatchObject({ parameter: 'set' });
    expect(variant['message']).toContain('Invalid setting service_level.variant');
    expect(variant['allowed']).toContain('answered-only');
    const unknown = await bad('set=service_level.treshold_s=15');
    expect(unknown['message']).toContain('Unknown setting "service_level.treshold_s"');
    expect((await bad('set=answered-only'))['message']).toContain('expected setting=value');
    expect((await bad('set=timezone=Mars/Base'))['message']).toContain('not an IANA time zone');
  });

  it('several bad parameters are all reported', async () => {
    const e = await bad('kpi=nope&grain=x&from=1');
    expect((e['issues'] as { parameter: string }[]).map((i) => i.parameter)).toEqual([
      'kpi',
      'from',
      'grain',
    ]);
  });
});

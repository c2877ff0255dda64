// /api/v1/contacts|cases|surveys: the rows behind a figure. `total` equals the KPI row's `n`
// for every group of a report; paging, CSV (streamed and paged) and every parameter error.

import { describe, expect, it } from 'vitest';
import type { KpiRow } from '../engine/index.ts';
import { parseCsv } from './csv.ts';
import { getJson, useSeededApp } from './fixture.test-helper.ts';

const { app } = useSeededApp();

interface Rows {
  source: string;
  total: number;
  page: number;
  page_size: number;
  rows: Record<string, unknown>[];
}

const rows = (path: string) => getJson<Rows>(app(), `/api/v1/${path}`);
const report = async (qs: string) =>
  (await getJson<{ rows: KpiRow[] }>(app(), `/api/v1/kpis?${qs}`)).rows;

describe('drill-down total equals the figure n', () => {
  const cases = [
    ['contacts', 'service_level', 10],
    ['contacts', 'asa', 7],
    ['contacts', 'aht', 7],
    ['contacts', 'abandon_rate', 10],
    ['surveys', 'csat', 4],
    ['surveys', 'nps', 5],
    ['cases', 'fcr', 6],
    ['cases', 'reopen_rate', 5],
    ['cases', 'time_to_resolution', 5],
    ['cases', 'cost_per_resolution', 5],
  ] as const;
  for (const [source, kpi, n] of cases) {
    it(`${kpi}: /${source}?kpi=${kpi} has ${n} rows, the KPI's n`, async () => {
      const [row] = await report(`kpi=${kpi}`);
      expect(row?.n).toBe(n);
      const body = await rows(`${source}?kpi=${kpi}`);
      expect(body).toMatchObject({ source, total: n, page: 1, page_size: 100 });
      expect(body.rows).toHaveLength(n);
    });
  }

  it('for every group of a report by channel and day (the group parameter)', async () => {
    const qs = 'kpi=service_level,asa,csat,fcr&by=channel&grain=day';
    const source = { service_level: 'contacts', asa: 'contacts', csat: 'surveys', fcr: 'cases' };
    const all = await report(qs);
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const r of all) {
      const group = Object.entries(r.keys)
        .map(([k, v]) => `&group=${k}=${encodeURIComponent(String(v ?? ''))}`)
        .join('');
      const path = `${source[r.kpi as keyof typeof source]}?kpi=${r.kpi}&grain=day${group}`;
      expect({ path, total: (await rows(path)).total }).toEqual({ path, total: r.n });
    }
  });

  it('for every hour of a report: its label carries the UTC offset and drills to its n', async () => {
    const all = await report('kpi=service_level,asa&grain=hour');
    expect(all.map((r) => r.keys['period'])).toContain('2026-06-01 10:00+02:00');
    for (const r of all) {
      const label = encodeURIComponent(String(r.keys['period']));
      const path = `contacts?kpi=${r.kpi}&grain=hour&group=period=${label}`;
      expect({ path, total: (await rows(path)).total }).toEqual({ path, total: r.n });
    }
  });

  it('within a period and filter, as the report', async () => {
    const qs = 'from=2026-06-01&to=2026-06-01&filter=channel=voice';
    const [row] = await report(`kpi=service_level&${qs}`);
    // Day 1 voice: c1 c2 c3 c5 (c4 is a short abandon).
    expect(row?.n).toBe(4);
    const body = await rows(`contacts?kpi=service_level&${qs}`);
    expect(body.rows.map((r) => r['contact_id'])).toEqual(['c1', 'c2', 'c3', 'c5']);
  });
});

describe('drill-down rows', () => {
  it('without kpi: every row of the source; /cases gives the derived case facts', async () => {
    expect((await rows('contacts')).total).toBe(12);
    const cases = await rows('cases');
    expect(cases.total).toBe(6);
    expect(cases.rows.map((r) => r['case_key']).sort()).toEqual([
      'K1',
      'K2',
      'K3',
      'K4',
      'K5',
      'K6',
    ]);
    expect(cases.rows[0]).toHaveProperty('touches');
    expect(cases.rows[0]).toHaveProperty('fcr_flag');
    const k1 = cases.rows.find((r) => r['case_key'] === 'K1');
    expect(k1?.['touches']).toBe(2);
  });

  it('pages: page and page_size, pages together give every row once', async () => {
    const seen: unknown[] = [];
    for (let page = 1; page <= 4; page++) {
      const body = await rows(`contacts?kpi=service_level&page=${page}&page_size=3`);
      expect(body).toMatchObject({ total: 10, page, page_size: 3 });
      seen.push(...body.rows.map((r) => r['contact_id']));
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect((await rows('contacts?page=9&page_size=3')).rows).toEqual([]);
  });

  it('a null group value is given as an empty value', async () => {
    const team = (await report('kpi=service_level&by=team')).find((r) => r.keys['team'] === null);
    // Abandoned and flowed-out contacts have no team: c5 c8 c10 (c4, c12 are short abandons).
    expect(team?.n).toBe(3);
    const body = await rows('contacts?kpi=service_level&group=team=');
    expect(body.total).toBe(team?.n);
  });
});

describe('drill-down as CSV', () => {
  it('without page: every row, streamed, with X-Total-Count; same rows as JSON', async () => {
    const res = await app().inject({
      method: 'GET',
      url: '/api/v1/contacts.csv?kpi=service_level',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['x-total-count']).toBe('10');
    const [head, ...lines] = parseCsv(res.body);
    expect(lines).toHaveLength(10);
    const json = await rows('contacts?kpi=service_level');
    const idCol = head?.indexOf('contact_id') ?? -1;
    expect(lines.map((l) => l[idCol])).toEqual(json.rows.map((r) => r['contact_id']));
    const at = head?.indexOf('offered_at') ?? -1;
    expect(lines[0]?.[at]).toBe('2026-06-01T08:00:00.000Z');
  });

  it('with page or page_size: just that page; Accept: text/csv works too', async () => {
    const res = await app().inject({
      method: 'GET',
      url: '/api/v1/surveys?kpi=csat&page_size=2&page=2',
      headers: { accept: 'text/csv' },
    });
    expect(res.headers['x-total-count']).toBe('4');
    const [head, ...lines] = parseCsv(res.body);
    expect(head).toContain('response_id');
    expect(lines.map((l) => l[head?.indexOf('response_id') ?? -1])).toEqual(['s8', 's9']);
    const comment = lines[0]?.[head?.indexOf('comment') ?? -1];
    expect(comment).toBe("'=slow");
  });

  it('an empty selection is an empty body', async () => {
    const res = await app().inject({
      method: 'GET',
      url: '/api/v1/contacts.csv?filter=channel=email',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
  });
});

describe('drill-down parameter errors', () => {
  const bad = async (path: string) => {
    const res = await app().inject({ method: 'GET', url: `/api/v1/${path}` });
    expect(res.statusCode).toBe(400);
    return (res.json() as { error: Record<string, unknown> }).error;
  };

  it('a kpi of another source names the parameter, the right route and the allowed KPIs', async () => {
    const e = await bad('contacts?kpi=csat');
    expect(e).toMatchObject({
      code: 'INVALID_PARAMETER',
      parameter: 'kpi',
      allowed: ['service_level', 'asa', 'aht', 'abandon_rate'],
    });
    expect(e['message']).toContain('/api/v1/surveys');
    expect(await bad('surveys?kpi=fcr')).toMatchObject({
      parameter: 'kpi',
      allowed: ['nps', 'csat', 'ces', 'ces_positive'],
    });
    expect(await bad('cases?kpi=asa')).toMatchObject({ parameter: 'kpi' });
    expect(await bad('cases?kpi=nope')).toMatchObject({ parameter: 'kpi' });
  });

  it('page ≥ 1 and page_size from 1 to 1000', async () => {
    expect(await bad('contacts?page=0')).toMatchObject({ parameter: 'page' });
    expect(await bad('contacts?page_size=1001')).toMatchObject({ parameter: 'page_size' });
    expect((await bad('contacts?page_size=ten'))['message']).toContain('1 to 1000');
  });

  it('group: known keys, once each, and period only with a grain', async () => {
    expect(await bad('contacts?group=country=NL')).toMatchObject({ parameter: 'group' });
    expect(await bad('contacts?group=channel=voice&group=channel=chat')).toMatchObject({
      parameter: 'group',
    });
    const e = await bad('contacts?group=period=2026-06-01');
    expect(e).toMatchObject({ parameter: 'group' });
    expect(e['message']).toContain('grain');
  });

  it('shares the /kpis period and filter rules', async () => {
    expect(await bad('contacts?from=01-06-2026')).toMatchObject({ parameter: 'from' });
    expect(await bad('surveys?filter=channel')).toMatchObject({ parameter: 'filter' });
    expect(await bad('cases?sort=asc')).toMatchObject({ parameter: 'sort' });
  });

  it('bad to, from after to, an unknown grain', async () => {
    expect(await bad('contacts?to=2026-13-01')).toMatchObject({ parameter: 'to' });
    expect(await bad('contacts?from=2026-06-02&to=2026-06-01')).toMatchObject({
      parameter: 'from',
    });
    expect(await bad('contacts?grain=daily&group=period=2026-06-01')).toMatchObject({
      parameter: 'grain',
      allowed: ['15m', '30m', 'hour', 'day', 'week', 'month', 'quarter', 'year'],
    });
  });

  it('page above its maximum; group without "="', async () => {
    expect(await bad('contacts?page=1000000001')).toMatchObject({ parameter: 'page' });
    const e = await bad('contacts?group=voice');
    expect(e).toMatchObject({ parameter: 'group' });
    expect(e['message']).toContain('dimension=value');
    expect(e['allowed']).toContain('channel');
  });

  it('compare is not a drill-down parameter: a 400 that names it and the allowed ones', async () => {
    const e = await bad('contacts?compare=previous-period&from=2026-06-01&to=2026-06-02');
    expect(e).toMatchObject({ parameter: 'compare' });
    expect(e['message']).toContain('"compare"');
    expect(e['allowed']).toEqual(
      expect.arrayContaining(['kpi', 'group', 'page', 'page_size', 'from', 'to', 'filter']),
    );
    expect(e['allowed']).not.toContain('compare');
  });

  it('a malformed or misaligned period label is a 400, not an empty page', async () => {
    for (const [grain, label] of [
      ['day', 'garbage'],
      ['day', '2026-06-31'],
      ['day', '2026-06-01 10:00'],
      ['hour', '2026-06-01'],
      ['hour', '2026-06-01 10:30'],
      ['15m', '2026-06-01 10:10'],
      ['week', '2026-06-02'],
      ['month', '2026-06-02'],
      ['quarter', '2026-05-01'],
      ['year', '2026-06-01'],
    ]) {
      const e = await bad(
        `contacts?grain=${grain}&group=period=${encodeURIComponent(label ?? '')}`,
      );
      expect({ grain, label, parameter: e['parameter'] }).toEqual({
        grain,
        label,
        parameter: 'group',
      });
    }
    // Aligned labels pass: 2026-06-01 is a Monday and the first of a month.
    for (const [grain, label] of [
      ['week', '2026-06-01'],
      ['month', '2026-06-01'],
      ['quarter', '2026-04-01'],
      ['hour', '2026-06-01 10:00'],
      ['hour', '2026-06-01 10:00+02:00'],
    ]) {
      const res = await app().inject({
        method: 'GET',
        url: `/api/v1/contacts?grain=${grain}&group=period=${encodeURIComponent(label ?? '')}`,
      });
      expect({ grain, status: res.statusCode }).toEqual({ grain, status: 200 });
    }
  });

  it('grain, slot and by only where a group or filter uses them (never silently ignored)', async () => {
    expect((await bad('contacts?grain=day'))['parameter']).toBe('grain');
    expect((await bad('contacts?slot=30'))['parameter']).toBe('slot');
    const by = await bad('contacts?kpi=service_level&by=channel');
    expect(by).toMatchObject({ parameter: 'by' });
    expect(by['message']).toContain('group=channel=');
    expect((await bad('contacts?group=weekday=8'))['parameter']).toBe('group');
    expect((await bad('contacts?group=slot=10:15&slot=30'))['parameter']).toBe('group');
    expect((await bad('contacts?group=slot=9:00'))['parameter']).toBe('group');
  });

  it('by repeating the group, slot sizing a slot group: the rows of that group, n of its figure', async () => {
    const [voice] = await report('kpi=service_level&filter=channel=voice');
    const withBy = await rows('contacts?kpi=service_level&by=channel&group=channel=voice');
    expect(withBy.total).toBe(voice?.n);
    // 10:00–11:00 local (08:00–09:00Z): c1 c2 on day 1, c9 c10 c11 on day 2.
    const hour = (await report('kpi=service_level&by=slot&slot=60')).find(
      (r) => r.keys['slot'] === '10:00',
    );
    expect(hour?.n).toBe(5);
    const slot = await rows('contacts?kpi=service_level&slot=60&by=slot&group=slot=10:00');
    expect(slot.total).toBe(5);
  });
});

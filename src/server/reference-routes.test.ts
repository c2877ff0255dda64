// Health, definitions, dimensions and NPS comments on the fixture, as JSON and CSV, plus their
// parameter errors.

import { describe, expect, it } from 'vitest';
import { defaultSettings, KPI_IDS, KPIS } from '../metrics/index.ts';
import { parseCsv } from './csv.ts';
import { getJson, useSeededApp } from './fixture.test-helper.ts';

const { app, ws } = useSeededApp();

const bad = async (url: string) => {
  const res = await app().inject({ method: 'GET', url });
  expect(res.statusCode).toBe(400);
  return (res.json() as { error: Record<string, unknown> }).error;
};

describe('GET /api/v1/health', () => {
  it('answers ok with the workspace', async () => {
    expect(await getJson(app(), '/api/v1/health')).toEqual({ ok: true, workspace: ':memory:' });
  });
});

describe('GET /api/v1/definitions', () => {
  it('every KPI with formula, variant and settings resolved with the workspace settings', async () => {
    const body = await getJson<{
      kpis: Record<string, unknown>[];
      settings: Record<string, unknown>;
      goals: Record<string, { kpis: string[] }>;
    }>(app(), '/api/v1/definitions');
    expect(body.kpis.map((k) => k['id'])).toEqual([...KPI_IDS]);
    const sl = body.kpis.find((k) => k['id'] === 'service_level');
    const s = defaultSettings();
    expect(sl).toMatchObject({
      name: KPIS.service_level.name,
      unit: 'percent',
      direction: 'higher',
      source: 'contacts',
      formula: KPIS.service_level.formula(s),
      variant: 'offered-minus-short-abandons',
      settings: KPIS.service_level.settingsUsed(s),
      benchmark: {
        text: 'common target 80 %; premium 90 %',
        localized: { nl: 'gangbaar doel 80 %; premium 90 %' },
        channel: null,
      },
      target: null,
      goals: ['reachability'],
    });
    const asa = body.kpis.find((k) => k['id'] === 'asa');
    expect(asa?.['benchmark']).toMatchObject({ channel: 'voice' });
    expect(asa).toMatchObject({ unit: 'seconds', display: null });
    // Durations in seconds; `display` tells the dashboard to show resolution in hours.
    const ttr = body.kpis.find((k) => k['id'] === 'time_to_resolution');
    expect(ttr).toMatchObject({ unit: 'seconds', display: 'hours' });
    expect(ttr?.['benchmark']).toMatchObject({
      text: '< 24 h for B2C',
      bands: [
        { rating: 'good', lt: 86_400 },
        { rating: 'average', gte: 86_400, lt: 172_800 },
        { rating: 'poor', gte: 172_800 },
      ],
    });
    expect(body.settings['timezone']).toBe('Europe/Amsterdam');
    expect(body.goals['loyalty']?.kpis).toContain('nps');
  });

  it('follows the workspace settings (variant and target)', async () => {
    const before = await ws().settings();
    await ws().saveSettings({
      ...before,
      service_level: { ...before.service_level, variant: 'answered-only' },
      targets: { service_level: 80 },
    });
    try {
      const body = await getJson<{ kpis: Record<string, unknown>[] }>(app(), '/api/v1/definitions');
      const sl = body.kpis.find((k) => k['id'] === 'service_level');
      expect(sl).toMatchObject({ variant: 'answered-only', target: 80 });
      expect(sl?.['formula']).toMatch(/^A≤T \/ A;/);
    } finally {
      await ws().saveSettings(before);
    }
  });

  it('as CSV: one line per KPI', async () => {
    const res = await app().inject({ method: 'GET', url: '/api/v1/definitions.csv' });
    const [head, ...lines] = parseCsv(res.body);
    expect(head?.slice(0, 3)).toEqual(['id', 'name_en', 'name_nl']);
    expect(lines.map((l) => l[0])).toEqual([...KPI_IDS]);
  });

  it('rejects parameters it does not take', async () => {
    expect(await bad('/api/v1/definitions?lang=nl')).toMatchObject({ parameter: 'lang' });
  });
});

describe('GET /api/v1/dimensions', () => {
  it('distinct sorted values from contacts, cases and surveys, and the data period', async () => {
    expect(await getJson(app(), '/api/v1/dimensions')).toEqual({
      channel: ['chat', 'voice'],
      queue: ['Sales', 'Support'],
      team: ['Blue', 'Red'],
      agent: ['a1', 'a2', 'a3', 'a4'],
      category: ['billing', 'outage'],
      period: { from: '2026-06-01', to: '2026-06-02', timezone: 'Europe/Amsterdam' },
    });
  });

  it('as CSV: dimension,value lines', async () => {
    const res = await app().inject({ method: 'GET', url: '/api/v1/dimensions.csv' });
    const [head, ...lines] = parseCsv(res.body);
    expect(head).toEqual(['dimension', 'value']);
    expect(lines).toContainEqual(['agent', 'a4']);
    expect(lines).toHaveLength(2 + 2 + 2 + 4 + 2);
  });
});

describe('GET /api/v1/surveys/comments', () => {
  interface Group {
    total: number;
    comments: { response_id: string; score: number; comment: string }[];
  }
  type Comments = Record<'promoters' | 'passives' | 'detractors', Group>;

  it('splits comments into promoters, passives and detractors, newest first', async () => {
    const body = await getJson<Comments>(app(), '/api/v1/surveys/comments');
    expect(body.promoters.total).toBe(2);
    expect(body.promoters.comments.map((c) => c.response_id)).toEqual(['s2', 's1']);
    // s4 (8) has no comment: not counted.
    expect(body.passives).toMatchObject({ total: 1, comments: [{ response_id: 's3', score: 7 }] });
    expect(body.detractors).toMatchObject({
      total: 1,
      comments: [{ response_id: 's5', comment: 'Waited too long' }],
    });
  });

  it('takes the period, filters and a limit', async () => {
    const voice = await getJson<Comments>(
      app(),
      '/api/v1/surveys/comments?filter=channel=voice&limit=1',
    );
    expect(voice.promoters.total).toBe(2);
    expect(voice.promoters.comments).toHaveLength(1);
    expect(voice.detractors.total).toBe(0);
    const day2 = await getJson<Comments>(
      app(),
      '/api/v1/surveys/comments?from=2026-06-02&to=2026-06-02',
    );
    expect(day2.promoters.total + day2.passives.total + day2.detractors.total).toBe(0);
  });

  it('as CSV: one line per comment with its group; quotes survive', async () => {
    const res = await app().inject({ method: 'GET', url: '/api/v1/surveys/comments.csv' });
    const [head, ...lines] = parseCsv(res.body);
    expect(head?.[0]).toBe('group');
    expect(lines.map((l) => l[0])).toEqual(['promoters', 'promoters', 'passives', 'detractors']);
    expect(lines[0]?.[head?.indexOf('comment') ?? -1]).toBe('Quick, "friendly" and clear');
  });

  it('rejects a bad limit and parameters it does not take', async () => {
    expect(await bad('/api/v1/surveys/comments?limit=0')).toMatchObject({ parameter: 'limit' });
    expect(await bad('/api/v1/surveys/comments?grain=day')).toMatchObject({
      parameter: 'grain',
      allowed: ['from', 'to', 'filter', 'limit'],
    });
  });
});

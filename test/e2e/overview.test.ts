// The overview on the demo workspace: every tile's value is the API's figure, the CSV export
// carries the same numbers, and Dutch shows Dutch labels and "78,1 %"-style percentages.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiRow } from '../../src/engine/result.ts';
import { openDashboard, parseCsv, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 180_000);
afterAll(async () => {
  await h?.close();
});

interface Tile {
  kpi: string;
  value: string;
  text: string;
  n: string;
}

async function readTiles(page: Page): Promise<Tile[]> {
  return page.$$eval('[data-kpi] [data-testid="kpi-value"]', (els) =>
    els.map((el) => ({
      kpi: el.closest('[data-kpi]')?.getAttribute('data-kpi') ?? '',
      value: el.getAttribute('data-value') ?? '',
      text: el.textContent ?? '',
      n: el.getAttribute('data-n') ?? '',
    })),
  );
}

/** The API's figure for a tile: the KPI's row with the largest n (CES: one row per scale). */
const headline = (rows: readonly KpiRow[], kpi: string) =>
  rows.filter((r) => r.kpi === kpi).sort((a, b) => b.n - a.n)[0];

describe('overview', () => {
  it('loads one tile per KPI, each equal to the API figure', async () => {
    const { page, errors } = await h.page();
    await openDashboard(page, h.url);
    const tiles = await readTiles(page);
    expect(tiles.map((t) => t.kpi).sort()).toEqual([
      'abandon_rate',
      'aht',
      'asa',
      'ces',
      'ces_positive',
      'cost_per_resolution',
      'csat',
      'fcr',
      'nps',
      'reopen_rate',
      'service_level',
      'time_to_resolution',
    ]);
    const csv = await page.getAttribute('[data-testid="overview-csv"]', 'href');
    expect(csv).toMatch(/^\/api\/v1\/kpis\.csv\?/);
    const api = await h.api<{ rows: KpiRow[] }>((csv as string).replace('kpis.csv', 'kpis'));
    let compared = 0;
    for (const t of tiles) {
      const row = headline(api.rows, t.kpi);
      expect(row, t.kpi).toBeDefined();
      if (!row) continue;
      expect(t.n, t.kpi).toBe(String(row.n));
      if (row.value === null) expect(t.text).toBe('—');
      else {
        expect(Number(t.value), t.kpi).toBe(row.value);
        compared++;
      }
      if (row.unit === 'percent' && row.value !== null)
        expect(t.text).toBe(`${row.value.toFixed(1)}%`);
      if (row.unit === 'points' && row.value !== null) expect(t.text).toMatch(/^[+-]?\d+$/);
    }
    expect(compared).toBeGreaterThanOrEqual(10);
    const header = await page.textContent('[data-testid="header-period"]');
    expect(header).toContain('Europe/Amsterdam');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('contact tiles show the KPI per channel, each equal to the API figure by channel', async () => {
    const { page } = await h.page();
    await openDashboard(page, h.url);
    const href = (await page.getAttribute('[data-testid="overview-csv"]', 'href')) as string;
    const period = new URLSearchParams(href.split('?')[1]);
    for (const kpi of ['service_level', 'asa', 'aht', 'abandon_rate']) {
      const shown = await page.$$eval(`[data-kpi="${kpi}"] [data-channel]`, (els) =>
        els.map((el) => [el.getAttribute('data-channel'), el.getAttribute('data-value')]),
      );
      const api = await h.api<{ rows: KpiRow[] }>(
        `/api/v1/kpis?kpi=${kpi}&by=channel&from=${period.get('from')}&to=${period.get('to')}`,
      );
      const expected = [...api.rows]
        .sort((a, b) => b.n - a.n)
        .map((r) => [String(r.keys['channel']), r.value === null ? '' : String(r.value)]);
      expect(expected.length, kpi).toBeGreaterThan(1);
      expect(shown, kpi).toEqual(expected);
    }
    await page.close();
  });

  it('exports a CSV with the numbers on screen', async () => {
    const { page } = await h.page();
    await openDashboard(page, h.url);
    const tiles = await readTiles(page);
    const href = (await page.getAttribute('[data-testid="overview-csv"]', 'href')) as string;
    const res = await fetch(`${h.url}${href}`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parseCsv(await res.text()).filter((r) => (r['series'] ?? 'current') === 'current');
    for (const t of tiles) {
      const mine = rows
        .filter((r) => r['kpi'] === t.kpi)
        .sort((a, b) => Number(b['n']) - Number(a['n']))[0];
      expect(mine, t.kpi).toBeDefined();
      expect(mine?.['n'], t.kpi).toBe(t.n);
      expect(mine?.['value'] ?? '', t.kpi).toBe(t.value);
    }
    await page.close();
  });

  it('switches to Dutch: labels, <html lang>, URL and "78,1 %" percentages', async () => {
    const { page } = await h.page();
    await openDashboard(page, h.url);
    await page.selectOption('[data-testid="lang-select"]', 'nl');
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
    expect(page.url()).toContain('lang=nl');
    expect(await page.textContent('[data-testid="tab-overview"]')).toBe('Overzicht');
    expect(await page.textContent('[data-testid="tab-reachability"]')).toBe('Bereikbaarheid');
    const sl = await page.textContent('[data-kpi="service_level"] [data-testid="kpi-value"]');
    expect(sl).toMatch(/^\d{1,3},\d %$/);
    const fcr = await page.textContent('[data-kpi="fcr"] [data-testid="kpi-value"]');
    expect(fcr).toMatch(/^\d{1,3},\d %$/);
    const aht = await page.textContent('[data-kpi="aht"] [data-testid="kpi-value"]');
    expect(aht).toMatch(/^\d+:\d\d min$/);
    const asa = await page.textContent('[data-kpi="asa"] [data-testid="kpi-value"]');
    expect(asa).toMatch(/^[\d.]+ s$/);
    // A reload keeps the language.
    await page.reload();
    await page.waitForSelector('[data-testid="kpi-value"]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await page.textContent('[data-testid="tab-quality"]')).toBe('Kwaliteit');
    await page.close();
  });

  it('shows Spanish labels with ?lang=es', async () => {
    const { page } = await h.page();
    await openDashboard(page, `${h.url}/?lang=es`);
    expect(await page.textContent('[data-testid="tab-overview"]')).toBe('Resumen');
    expect(await page.textContent('[data-kpi="fcr"] [data-testid="kpi-value"]')).toMatch(
      /^\d{1,3},\d %$/,
    );
    await page.close();
  });
});

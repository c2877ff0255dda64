// Filters and the URL: a filter changes the numbers and the URL, a reload restores the view,
// period presets resolve against the data's last day, the tabs work from the keyboard, and cards
// that do not apply a filter say so (the staffing plan).

import { describe, expect, it } from 'vitest';
import type { KpiRow } from '../../src/engine/result.ts';
import { defaultPeriod, openDashboard, shiftDay, useHarness } from './harness.ts';

const h = useHarness();

const SL = '[data-kpi="service_level"] [data-testid="kpi-value"]';

describe('filters and URL state', () => {
  it('a channel filter changes the numbers and the URL; a reload restores the view', async () => {
    const { page, errors } = await h.page();
    await openDashboard(page, h.url);
    const before = await page.getAttribute(SL, 'data-value');
    const dims = await h.api<{ channel: string[] }>('/api/v1/dimensions');
    const channel = dims.channel.includes('voice') ? 'voice' : (dims.channel[0] as string);
    await page.selectOption('[data-testid="filter-channel"]', channel);
    await page.waitForFunction(
      ([sel, old]) => document.querySelector(sel as string)?.getAttribute('data-value') !== old,
      [SL, before],
    );
    expect(page.url()).toContain(`channel=${channel}`);
    const href = (await page.getAttribute('[data-testid="overview-csv"]', 'href')) as string;
    expect(decodeURIComponent(href)).toContain(`filter=channel=${channel}`);
    const api = await h.api<{ rows: KpiRow[] }>(href.replace('kpis.csv', 'kpis'));
    const row = api.rows.find((r) => r.kpi === 'service_level');
    const after = await page.getAttribute(SL, 'data-value');
    expect(Number(after)).toBe(row?.value);
    expect(after).not.toBe(before);

    await page.reload();
    await page.waitForSelector(SL);
    await page.waitForLoadState('networkidle');
    expect(await page.inputValue('[data-testid="filter-channel"]')).toBe(channel);
    expect(await page.getAttribute(SL, 'data-value')).toBe(after);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('queue, team, agent and category filters each give the API figure of a query built here', async () => {
    const { page, errors } = await h.page();
    await openDashboard(page, h.url);
    const dims = await h.api<Record<string, string[]> & { period: { to: string } }>(
      '/api/v1/dimensions',
    );
    const { from, to } = await defaultPeriod(h);
    for (const d of ['queue', 'team', 'agent', 'category']) {
      const value = dims[d]?.[0] as string;
      expect(value, d).toBeTruthy();
      const before = await page.getAttribute(SL, 'data-n');
      await page.selectOption(`[data-testid="filter-${d}"]`, value);
      await page.waitForFunction(
        ([sel, old]) => document.querySelector(sel as string)?.getAttribute('data-n') !== old,
        [SL, before],
      );
      expect(new URL(page.url()).searchParams.get(d)).toBe(value);
      const api = await h.api<{ rows: KpiRow[] }>(
        `/api/v1/kpis?kpi=service_level&from=${from}&to=${to}&filter=${d}=${encodeURIComponent(value)}`,
      );
      const row = api.rows[0];
      expect({ d, value: Number(await page.getAttribute(SL, 'data-value')) }).toEqual({
        d,
        value: row?.value,
      });
      expect(await page.getAttribute(SL, 'data-n')).toBe(String(row?.n));
      await page.selectOption(`[data-testid="filter-${d}"]`, '');
      await page.waitForFunction((k) => !new URL(location.href).searchParams.has(k), d);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("month, week and quarter presets cover the calendar periods before the data's last day", async () => {
    const { page } = await h.page();
    await openDashboard(page, h.url);
    const { period } = await h.api<{ period: { to: string } }>('/api/v1/dimensions');
    const last = new Date(`${period.to}T00:00:00Z`);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const utc = (y: number, m: number, dd: number) => new Date(Date.UTC(y, m, dd));
    const [y, m] = [last.getUTCFullYear(), last.getUTCMonth()];
    const monday = utc(y, m, last.getUTCDate() - ((last.getUTCDay() + 6) % 7));
    const q = Math.floor(m / 3) * 3;
    const expected: Record<string, [string, string]> = {
      'last-week': [
        day(utc(y, m, monday.getUTCDate() - 7)),
        day(utc(y, m, monday.getUTCDate() - 1)),
      ],
      'this-month': [day(utc(y, m, 1)), period.to],
      'last-month': [day(utc(y, m - 1, 1)), day(utc(y, m, 0))],
      'last-quarter': [day(utc(y, q - 3, 1)), day(utc(y, q, 0))],
    };
    for (const [preset, [from, to]] of Object.entries(expected)) {
      await page.selectOption('[data-testid="period-select"]', preset);
      await page.waitForFunction((p) => location.search.includes(`period=${p}`), preset);
      await page.waitForFunction(
        ([f, t]) =>
          (
            document.querySelector('[data-testid="overview-csv"]')?.getAttribute('href') ?? ''
          ).includes(`from=${f}&to=${t}`),
        [from, to],
      );
    }
    await page.close();
  });

  it('restores page, period preset and breakdown from a shared link', async () => {
    const { page } = await h.page();
    await openDashboard(
      page,
      `${h.url}/?page=quality&period=yesterday&by=team`,
      '[data-testid="breakdown-table"]',
    );
    expect(await page.getAttribute('[data-testid="tab-quality"]', 'aria-selected')).toBe('true');
    expect(await page.inputValue('[data-testid="period-select"]')).toBe('yesterday');
    expect(await page.inputValue('[data-testid="by-select"]')).toBe('team');
    const dims = await h.api<{ period: { to: string } }>('/api/v1/dimensions');
    const y = shiftDay(dims.period.to, -1);
    const csv = (await page.getAttribute(
      '[data-testid="breakdown-card"] a.csv-link',
      'href',
    )) as string;
    expect(csv).toContain(`from=${y}`);
    expect(csv).toContain(`to=${y}`);
    await page.close();
  });

  it('custom dates go to the URL and into every query', async () => {
    const { page } = await h.page();
    await openDashboard(page, h.url);
    await page.selectOption('[data-testid="period-select"]', 'custom');
    await page.waitForFunction(() => location.search.includes('from='));
    const dims = await h.api<{ period: { from: string; to: string } }>('/api/v1/dimensions');
    await page.fill('input[type="date"] >> nth=0', dims.period.from);
    await page.waitForFunction((d) => location.search.includes(`from=${d}`), dims.period.from);
    const href = (await page.getAttribute('[data-testid="overview-csv"]', 'href')) as string;
    expect(href).toContain(`from=${dims.period.from}`);
    await page.reload();
    await page.waitForSelector(SL);
    expect(await page.inputValue('input[type="date"] >> nth=0')).toBe(dims.period.from);
    await page.close();
  });

  it('the staffing plan uses the workspace target and names the filters it ignores', async () => {
    const { page, errors } = await h.page();
    const dims = await h.api<{ team: string[] }>('/api/v1/dimensions');
    const team = dims.team[0] as string;
    const planned = page.waitForResponse((r) => r.url().includes('/api/v1/staffing?'));
    await openDashboard(
      page,
      `${h.url}/?page=cost&team=${encodeURIComponent(team)}`,
      '[data-testid="staffing-card"] .card-note',
    );
    const url = new URL((await planned).url());
    // No hard-coded target: the server plans for the workspace's own SL target.
    expect(url.searchParams.has('target')).toBe(false);
    expect(url.searchParams.has('team')).toBe(false);
    const plan = await h.api<{ target: { sl: number; thresholdSeconds: number } }>(
      `/api/v1/staffing?${url.searchParams}`,
    );
    const sl = plan.target.sl <= 1 ? plan.target.sl * 100 : plan.target.sl;
    const note = (await page.textContent('[data-testid="staffing-card"] .card-note')) ?? '';
    expect(note).toContain(`Target ${Math.round(sl)}/${plan.target.thresholdSeconds}`);
    expect(note).toContain('the team filter does not apply');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the quality scatter leaves out groups with few cases or surveys and says so', async () => {
    const { page } = await h.page();
    await openDashboard(page, `${h.url}/?page=quality&by=agent`, '[data-testid="scatter-csat-r"]');
    const note = (await page.textContent('[data-testid="scatter-csat-min"]')) ?? '';
    expect(note).toMatch(/at least 20 cases and 10 surveys \((\d+) of (\d+)\)/);
    const [, shown, all] = /\((\d+) of (\d+)\)/.exec(note) ?? [];
    expect(Number(shown)).toBeLessThan(Number(all));
    expect(await page.textContent('[data-testid="scatter-csat-r"]')).toContain(`n = ${shown}`);
    await page.close();
  });

  it('FCR against AHT per agent: the groups shown and their correlation, computed here from the API', async () => {
    const { page } = await h.page();
    await openDashboard(page, `${h.url}/?page=quality&by=agent`, '[data-testid="scatter-aht-r"]');
    const { from, to } = await defaultPeriod(h);
    const { rows } = await h.api<{ rows: KpiRow[] }>(
      `/api/v1/kpis?kpi=fcr,aht&by=agent&from=${from}&to=${to}`,
    );
    // An agent counts with at least 20 cases and 20 handled contacts (the card's rule).
    const pairs: [number, number][] = [];
    let groups = 0;
    for (const f of rows.filter((r) => r.kpi === 'fcr' && r.value !== null)) {
      const a = rows.find(
        (r) => r.kpi === 'aht' && r.keys['agent'] === f.keys['agent'] && r.value !== null,
      );
      if (!a) continue;
      groups++;
      if (f.n >= 20 && a.n >= 20) pairs.push([f.value as number, a.value as number]);
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const mx = mean(pairs.map((p) => p[0]));
    const my = mean(pairs.map((p) => p[1]));
    const cov = mean(pairs.map(([x, y]) => (x - mx) * (y - my)));
    const sd = (k: 0 | 1, m: number) => Math.sqrt(mean(pairs.map((p) => (p[k] - m) ** 2)));
    const r = cov / (sd(0, mx) * sd(1, my));
    expect(pairs.length).toBeGreaterThan(5);
    expect(await page.textContent('[data-testid="scatter-aht-min"]')).toContain(
      `(${pairs.length} of ${groups})`,
    );
    expect(await page.textContent('[data-testid="scatter-aht-r"]')).toContain(
      `r = ${r.toFixed(2)} (n = ${pairs.length})`,
    );
    await page.close();
  });

  it('tabs move with the arrow keys and Back returns to the previous page', async () => {
    const { page } = await h.page();
    await openDashboard(page, h.url);
    await page.focus('[data-testid="tab-overview"]');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'tab-overview',
    );
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="reachability"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'tab-reachability',
    );
    expect(page.url()).toContain('page=reachability');
    await page.keyboard.press('End');
    await page.waitForSelector('[data-testid="cost"]');
    await page.goBack();
    await page.waitForSelector('[data-testid="reachability"]');
    await page.close();
  });
});

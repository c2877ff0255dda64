// Figures open their definition and the rows behind them: the drill-down's total equals the
// figure's n (tiles, per-channel figures, table cells, heatmap cells, chart bars, points and dots,
// and the figure lists under charts), panels close with Escape and focus returns to the opener.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { KpiRow } from '../../src/engine/result.ts';
import { defaultPeriod, openDashboard, parseCsv, useHarness } from './harness.ts';

const h = useHarness();

const activeTestId = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.closest('[data-kpi]')?.getAttribute('data-kpi') +
      ':' +
      document.activeElement?.getAttribute('data-testid'),
  );

describe('definition and drill-down panels', () => {
  it('a definition panel shows formula, variant, n, period and benchmark source', async () => {
    const { page, errors } = await h.page();
    await openDashboard(page, h.url);
    await page.click('[data-kpi="service_level"] [data-testid="definition-button"]');
    const panel = page.locator('[data-testid="definition-panel"]');
    await panel.waitFor();
    await page.waitForSelector('[data-testid="def-n"]');
    expect(page.url()).toContain('panel=def');
    const href = (await page.getAttribute('[data-testid="overview-csv"]', 'href')) as string;
    const api = await h.api<{ rows: KpiRow[] }>(href.replace('kpis.csv', 'kpis'));
    const sl = api.rows.find((r) => r.kpi === 'service_level') as KpiRow;
    expect(await panel.locator('[data-testid="def-formula"]').textContent()).toBe(sl.formula);
    expect(await panel.locator('[data-testid="def-variant"]').textContent()).toBe(sl.variant);
    expect((await panel.locator('[data-testid="def-n"]').textContent())?.replace(/\D/g, '')).toBe(
      String(sl.n),
    );
    expect(await panel.locator('[data-testid="def-source"]').textContent()).toContain('KPIS.md');
    expect(await panel.locator('[data-testid="panel-period"]').textContent()).toContain(
      'Europe/Amsterdam',
    );
    // Focus is inside the dialog; Escape closes it and focus returns to the opener.
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(
      true,
    );
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'definition-button',
    );
    expect(await activeTestId(page)).toBe('service_level:definition-button');
    expect(page.url()).not.toContain('panel=');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('time to resolution: the API row in seconds, the panel in hours', async () => {
    const { page, errors } = await h.page();
    await openDashboard(page, h.url);
    await page.click('[data-kpi="time_to_resolution"] [data-testid="definition-button"]');
    const panel = page.locator('[data-testid="definition-panel"]');
    await page.waitForSelector('[data-testid="def-value"]');
    const href = (await page.getAttribute('[data-testid="overview-csv"]', 'href')) as string;
    const api = await h.api<{ rows: KpiRow[] }>(href.replace('kpis.csv', 'kpis'));
    const ttr = api.rows.find((r) => r.kpi === 'time_to_resolution') as KpiRow;
    expect(ttr.unit).toBe('seconds');
    expect(ttr.value).not.toBeNull();
    const inHours = (ttr.value ?? 0) / 3600;
    expect(await panel.locator('[data-testid="def-value"]').textContent()).toBe(
      `${inHours.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} h`,
    );
    expect(await panel.locator('[data-testid="def-formula"]').textContent()).toBe(ttr.formula);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clicking a tile value shows rows whose count equals its n, with a CSV of them', async () => {
    const { page } = await h.page();
    await openDashboard(page, h.url);
    for (const kpi of ['fcr', 'service_level', 'nps']) {
      const value = page.locator(`[data-kpi="${kpi}"] [data-testid="kpi-value"]`);
      const n = await value.getAttribute('data-n');
      await value.focus();
      await page.keyboard.press('Enter');
      const total = page.locator('[data-testid="drill-total"]');
      await total.waitFor();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="drill-total"]')?.getAttribute('data-n') !== '',
      );
      expect(await total.getAttribute('data-total'), kpi).toBe(n);
      expect(await total.getAttribute('data-n'), kpi).toBe(n);
      const shown = await page.locator('[data-testid="drill-rows"] tbody tr').count();
      expect(shown).toBe(Math.min(100, Number(n)));
      if (kpi === 'fcr') {
        const csv = (await page.getAttribute('[data-testid="drill-csv"]', 'href')) as string;
        expect(csv).toMatch(/^\/api\/v1\/cases\.csv\?/);
        const rows = parseCsv(await (await fetch(`${h.url}${csv}`)).text());
        expect(rows.length).toBe(Number(n));
      }
      await page.keyboard.press('Escape');
      await total.waitFor({ state: 'detached' });
      await page.waitForFunction(
        (k) => document.activeElement?.closest('[data-kpi]')?.getAttribute('data-kpi') === k,
        kpi,
      );
    }
    await page.close();
  });

  it('a table cell opens the rows of its group; the panel survives a reload', async () => {
    const { page } = await h.page();
    await openDashboard(
      page,
      `${h.url}/?page=quality&by=channel`,
      '[data-testid="breakdown-table"] [data-testid="cell-value"]',
    );
    const cell = page
      .locator(
        '[data-testid="breakdown-table"] tbody [data-kpi-cell="csat"] button[data-testid="cell-value"]',
      )
      .first();
    const n = await cell.getAttribute('data-n');
    await cell.click();
    const total = page.locator('[data-testid="drill-total"]');
    await total.waitFor();
    expect(await total.getAttribute('data-total')).toBe(n);
    expect(page.url()).toMatch(/group=channel%3D/);
    await page.reload();
    await page.locator('[data-testid="drill-total"]').waitFor();
    expect(await page.locator('[data-testid="drill-total"]').getAttribute('data-total')).toBe(n);
    await page.close();
  });

  it("a per-channel figure in a tile opens that channel's rows", async () => {
    const { page } = await h.page();
    await openDashboard(page, h.url);
    for (const [kpi, channel] of [
      ['asa', 'chat'],
      ['service_level', 'voice'],
    ] as const) {
      const fig = page.locator(
        `[data-kpi="${kpi}"] [data-channel="${channel}"] [data-testid="channel-value"]`,
      );
      const n = await fig.getAttribute('data-n');
      await fig.click();
      await waitForDrill(page);
      const total = page.locator('[data-testid="drill-total"]');
      expect(await total.getAttribute('data-total'), kpi).toBe(n);
      expect(await total.getAttribute('data-n'), kpi).toBe(n);
      expect(page.url()).toContain(`group=channel%3D${channel}`);
      await page.keyboard.press('Escape');
      await total.waitFor({ state: 'detached' });
    }
    // The voice headline opens voice's rows and voice's definition.
    const asa = page.locator('[data-kpi="asa"] [data-testid="kpi-value"]');
    const n = await asa.getAttribute('data-n');
    await asa.click();
    await waitForDrill(page);
    expect(await page.getAttribute('[data-testid="drill-total"]', 'data-total')).toBe(n);
    await page.keyboard.press('Escape');
    await page.click('[data-kpi="asa"] [data-testid="definition-button"]');
    await page.waitForSelector('[data-testid="def-n"]');
    expect((await page.textContent('[data-testid="def-n"]'))?.replace(/\D/g, '')).toBe(n);
    await page.close();
  });

  it('clicking a chart (a day, a channel bar, an NPS bar, a scatter dot) opens its rows', async () => {
    const { page, errors } = await h.page();
    const { from, to } = await defaultPeriod(h);
    const charts = [
      ['reachability', 'volume-chart', 'service_level', 'period'],
      ['reachability', 'wait-chart', 'asa', 'period'],
      ['reachability', 'aht-chart', 'aht', 'channel'],
      ['loyalty', 'nps-chart', 'nps', 'period'],
    ] as const;
    for (const [tab, chart, kpi, dim] of charts) {
      await openDashboard(page, `${h.url}/?page=${tab}`, `[data-testid="${chart}"] svg`);
      const el = page.locator(`[data-testid="${chart}"]`);
      await el.scrollIntoViewIfNeeded();
      const box = await el.boundingBox();
      if (!box) throw new Error(chart);
      // Inside the plot: a column of the period's middle days, or the third channel's bar.
      await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.6);
      await waitForDrill(page);
      const total = page.locator('[data-testid="drill-total"]');
      expect(await total.getAttribute('data-total'), chart).toBe(
        await total.getAttribute('data-n'),
      );
      expect(Number(await total.getAttribute('data-total')), chart).toBeGreaterThan(0);
      expect(page.url(), chart).toContain(`kpi=${kpi}`);
      expect(page.url(), chart).toContain(`group=${dim}%3D`);
      // The clicked bar or day's own n, from a report built here: the drill total equals it.
      const u = new URL(page.url());
      const groups = u.searchParams
        .getAll('group')
        .map((g) => g.split(/=(.*)/s) as [string, string]);
      const by = groups.map(([k]) => k).filter((k) => k !== 'period');
      const report = await h.api<{ rows: KpiRow[] }>(
        `/api/v1/kpis?kpi=${kpi}&from=${from}&to=${to}` +
          (groups.some(([k]) => k === 'period') ? `&grain=${u.searchParams.get('grain')}` : '') +
          (by.length ? `&by=${by.join(',')}` : ''),
      );
      const clicked = report.rows.filter((r) => groups.every(([k, v]) => String(r.keys[k]) === v));
      expect(clicked.length, chart).toBeGreaterThan(0);
      expect(Number(await total.getAttribute('data-total')), chart).toBe(
        clicked.reduce((a, r) => a + r.n, 0),
      );
      await page.keyboard.press('Escape');
      await total.waitFor({ state: 'detached' });
    }
    await openDashboard(
      page,
      `${h.url}/?page=quality&by=team`,
      '[data-testid="scatter-csat-chart"] svg',
    );
    await page.locator('[data-testid="scatter-csat-chart"]').scrollIntoViewIfNeeded();
    // The largest dot: a team with the most cases.
    const dot = await page.$$eval('[data-testid="scatter-csat-chart"] svg path', (els) => {
      const boxes = els
        .map((e) => e.getBoundingClientRect())
        .filter((b) => b.width > 6 && b.width < 40 && Math.abs(b.width - b.height) < 1);
      const big = boxes.sort((a, b) => b.width - a.width)[0];
      return big ? { x: big.x + big.width / 2, y: big.y + big.height / 2 } : null;
    });
    expect(dot).not.toBeNull();
    await page.mouse.click(dot!.x, dot!.y);
    await waitForDrill(page);
    const total = page.locator('[data-testid="drill-total"]');
    expect(await total.getAttribute('data-total')).toBe(await total.getAttribute('data-n'));
    expect(page.url()).toContain('kpi=fcr');
    expect(page.url()).toContain('group=team%3D');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keyboard: a chart's figures unfold under it as buttons that open their rows", async () => {
    const { page } = await h.page();
    await openDashboard(page, `${h.url}/?page=loyalty`, '[data-testid="nps-card"] summary');
    await page.focus('[data-testid="nps-card"] summary');
    await page.keyboard.press('Enter');
    const first = page.locator('[data-testid="nps-card"] button[data-testid="cell-value"]').first();
    await first.waitFor();
    const n = await first.getAttribute('data-n');
    await first.focus();
    await page.keyboard.press('Enter');
    await waitForDrill(page);
    expect(await page.getAttribute('[data-testid="drill-total"]', 'data-total')).toBe(n);
    await page.close();
  });

  it('charts and the heatmap open their definition', async () => {
    const { page } = await h.page();
    await openDashboard(page, `${h.url}/?page=reachability`, '[data-testid="heatmap"] button');
    for (const card of ['heatmap-card', 'volume-card', 'wait-card', 'aht-card']) {
      await page.click(`[data-testid="${card}"] [data-testid="definition-button"]`);
      await page.waitForSelector('[data-testid="def-formula"]');
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-testid="definition-panel"]', { state: 'detached' });
    }
    await page.close();
  });

  it('the heatmap in ASA and 15-minute slots, and the wait histogram with p50 and p90, equal queries built here', async () => {
    const { page, errors } = await h.page();
    await openDashboard(
      page,
      `${h.url}/?page=reachability`,
      '[data-testid="heatmap"] button[data-cell]',
    );
    const { from, to } = await defaultPeriod(h);
    const scope = `from=${from}&to=${to}&filter=channel=voice`; // voice: the heatmap's default
    await page.selectOption('[data-testid="heat-select"]', 'asa');
    await page.selectOption('[data-testid="slot-select"]', '15');
    await page.waitForFunction(
      () => /heat=asa/.test(location.search) && /slot=15/.test(location.search),
    );
    const api = await h.api<{ rows: KpiRow[] }>(
      `/api/v1/kpis?kpi=asa&by=weekday,slot&slot=15&${scope}`,
    );
    const expected = Object.fromEntries(
      api.rows
        .filter((r) => r.value !== null)
        .map((r) => [`${String(r.keys['weekday'])}|${String(r.keys['slot'])}`, [r.value, r.n]]),
    );
    // Wait for the 15-minute ASA cells (the 30-minute SL ones are replaced).
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('[data-testid="heatmap"] button[data-cell]').length === count,
      Object.keys(expected).length,
    );
    const cells = await page.$$eval('[data-testid="heatmap"] button[data-cell]', (els) =>
      els.map((e) => [
        e.getAttribute('data-cell') ?? '',
        [Number(e.getAttribute('data-value')), Number(e.getAttribute('data-n'))],
      ]),
    );
    expect(Object.fromEntries(cells)).toEqual(expected);
    expect(cells.length).toBeGreaterThan(100);
    // The histogram marks voice's p50 and p90 waits, as ASA's percentiles give them.
    const asa = await h.api<{ rows: KpiRow[] }>(`/api/v1/kpis?kpi=asa&${scope}`);
    const p = asa.rows[0]?.percentiles;
    expect(p?.p50).not.toBeNull();
    const card = page.locator('[data-testid="histogram-card"]');
    await card.scrollIntoViewIfNeeded();
    await card.locator('svg text').first().waitFor();
    const texts = (await card.locator('svg text').allTextContents()).join(' | ');
    const secs = (v: number) => `${Math.round(v).toLocaleString('en-GB')} s`;
    expect(texts).toContain(`p90 ${secs(p?.p90 ?? NaN)}`);
    expect(texts).toMatch(new RegExp(`p50 ${secs(p?.p50 ?? NaN)}`));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("cost per resolution by channel equals a query built here and opens its cases; staffing totals are the API's", async () => {
    const { page, errors } = await h.page();
    const planned = page.waitForResponse((r) => r.url().includes('/api/v1/staffing?'));
    await openDashboard(
      page,
      `${h.url}/?page=cost`,
      '[data-testid="cost-card-channel"] [data-testid="cell-value"]',
    );
    const { from, to } = await defaultPeriod(h);
    const api = await h.api<{ rows: KpiRow[] }>(
      `/api/v1/kpis?kpi=cost_per_resolution&by=channel&from=${from}&to=${to}`,
    );
    const cells = page.locator('[data-testid="cost-card-channel"] [data-testid="cell-value"]');
    const shown = await cells.evaluateAll((els) =>
      els.map((e) => [Number(e.getAttribute('data-value')), Number(e.getAttribute('data-n'))]),
    );
    const total = await h.api<{ rows: KpiRow[] }>(
      `/api/v1/kpis?kpi=cost_per_resolution&from=${from}&to=${to}`,
    );
    // One cell per channel, and the table's total row.
    const expected = [...api.rows, ...total.rows]
      .filter((r) => r.value !== null)
      .map((r) => [r.value, r.n]);
    const order = (xs: unknown[][]) => [...xs].sort((a, b) => Number(a[1]) - Number(b[1]));
    expect(order(shown)).toEqual(order(expected));
    expect(shown.length).toBeGreaterThanOrEqual(3);
    await cells.first().click();
    await waitForDrill(page);
    expect(Number(await page.getAttribute('[data-testid="drill-total"]', 'data-total'))).toBe(
      shown[0]?.[1],
    );
    await page.keyboard.press('Escape');
    // The staffing totals: the API's agent-hours, whole hours as shown.
    const plan = (await (await planned).json()) as {
      totals: { requiredAgentHours: number; staffedAgentHours: number | null };
    };
    await page.locator('[data-testid="staffing-totals"]').waitFor();
    const figures = await page.locator('[data-testid="staffing-totals"] .figure').allTextContents();
    const h0 = (v: number) => `${Math.round(v).toLocaleString('en-GB')} h`;
    expect(figures.slice(0, 2)).toEqual([
      h0(plan.totals.requiredAgentHours),
      h0(plan.totals.staffedAgentHours ?? NaN),
    ]);
    expect(plan.totals.staffedAgentHours).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a heatmap cell (weekday × slot) opens its rows', async () => {
    const { page } = await h.page();
    await openDashboard(
      page,
      `${h.url}/?page=reachability`,
      '[data-testid="heatmap"] button[data-cell]',
    );
    const cell = page.locator('[data-testid="heatmap"] button[data-cell]').first();
    const n = await cell.getAttribute('data-n');
    await cell.focus();
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => document.activeElement?.getAttribute('data-cell'));
    expect(moved).toBeTruthy();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const total = page.locator('[data-testid="drill-total"]');
    await total.waitFor();
    expect(await total.getAttribute('data-total')).toBe(n);
    // Without a channel filter the heatmap shows voice, and its cells' rows are voice's.
    expect(page.url()).toContain('group=channel%3Dvoice');
    await page.close();
  });
});

/** Waits until the drill panel shows its total and the figure's own n. */
async function waitForDrill(page: Page) {
  await page.locator('[data-testid="drill-total"]').waitFor();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="drill-total"]')?.getAttribute('data-n') !== '',
  );
}

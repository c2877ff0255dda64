// Figures open their definition and the rows behind them: the drill-down's total equals the
// figure's n (tiles and table cells), panels close with Escape and focus returns to the opener.

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
    await page.close();
  });
});

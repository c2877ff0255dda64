// An open dashboard sees new data: after an import through the API, the next check (every
// minute, or when the window regains focus) reloads the figures and moves "data as of"; the
// Refresh button reloads at once.

import { describe, expect, it } from 'vitest';
import { openDashboard, useHarness } from './harness.ts';

const h = useHarness();

const SL = '[data-kpi="service_level"] [data-testid="kpi-value"]';
const AS_OF = '[data-testid="data-as-of"]';

describe('data refresh', () => {
  it('picks up an import when the window regains focus', async () => {
    const { page, errors } = await h.page();
    // The first version check is the baseline an import is compared with.
    const baseline = page.waitForResponse((r) => r.url().includes('/quarantine?page_size=1'));
    await openDashboard(page, h.url);
    await baseline;
    const n = Number(await page.getAttribute(SL, 'data-n'));
    const loadedAt = await page.getAttribute(AS_OF, 'data-loaded-at');

    const { period } = await h.api<{ period: { to: string } }>('/api/v1/dimensions');
    const rows = [1, 2, 3].map((i) => `e2e-${i},voice,${period.to}T10:0${i}:00Z,answered,5`);
    await h.importFile(
      'contacts',
      'late.csv',
      ['contact_id,channel,offered_at,outcome,wait_s', ...rows].join('\n'),
    );

    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForFunction(
      ([sel, want]) => Number(document.querySelector(sel)?.getAttribute('data-n')) === want,
      [SL, n + 3] as const,
    );
    expect(await page.getAttribute(AS_OF, 'data-loaded-at')).not.toBe(loadedAt);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the Refresh button reloads every figure at once', async () => {
    const { page } = await h.page();
    await openDashboard(page, h.url);
    const loadedAt = await page.getAttribute(AS_OF, 'data-loaded-at');
    await page.waitForTimeout(5);
    const reload = page.waitForResponse((r) => r.url().includes('/api/v1/kpis?'));
    await page.click('[data-testid="refresh-data"]');
    await reload;
    expect(await page.getAttribute(AS_OF, 'data-loaded-at')).not.toBe(loadedAt);
    await page.waitForSelector(SL);
    await page.close();
  });
});

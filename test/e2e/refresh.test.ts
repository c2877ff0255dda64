// An open dashboard sees new data: after an import through the API (also one that only replaces
// a row), the next check (every minute, or when the window regains focus) reloads the figures
// and moves "data as of"; the Refresh button reloads at once.

import { describe, expect, it } from 'vitest';
import { openDashboard, useHarness } from './harness.ts';

const h = useHarness();

const SL = '[data-kpi="service_level"] [data-testid="kpi-value"]';
const AS_OF = '[data-testid="data-as-of"]';

describe('data refresh', () => {
  it('picks up an import when the window regains focus', async () => {
    const { page, errors } = await h.page();
    // The first version check is the baseline an import is compared with.
    const baseline = page.waitForResponse((r) => r.url().includes('/api/v1/data-version'));
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

  it('picks up an import that only replaces a row (same row counts)', async () => {
    const { page, errors } = await h.page();
    const baseline = page.waitForResponse((r) => r.url().includes('/api/v1/data-version'));
    await openDashboard(page, h.url);
    await baseline;
    const loadedAt = await page.getAttribute(AS_OF, 'data-loaded-at');
    const { rows, total } = await h.api<{
      rows: { contact_id: string; channel: string; offered_at: string; outcome: string }[];
      total: number;
    }>('/api/v1/contacts?page_size=1');
    const c = rows[0];
    if (!c) throw new Error('no contact in the demo workspace');
    await h.importFile(
      'contacts',
      'again.csv',
      `contact_id,channel,offered_at,outcome,wait_s\n${c.contact_id},${c.channel},${c.offered_at},${c.outcome},7`,
    );
    expect((await h.api<{ total: number }>('/api/v1/contacts?page_size=1')).total).toBe(total);

    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForFunction(
      ([sel, was]) => document.querySelector(sel)?.getAttribute('data-loaded-at') !== was,
      [AS_OF, loadedAt] as const,
    );
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

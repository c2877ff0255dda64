// Every page passes axe-core with no violations (also with a panel open and in Dutch), fits
// 1366×768, 1024×768 and 768×1024 without sideways scrolling, and is saved as a screenshot
// under docs/screenshots/ at 1366×768.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, openDashboard, ROOT, useHarness } from './harness.ts';

const h = useHarness();

// Every page as a team lead first opens it: no filters (the pages pick one channel where a chart
// needs one, and say so).
const PAGES = [
  ['overview', 'overview.png', '[data-testid="nps-voice"]'],
  ['reachability', 'reachability.png', '[data-testid="heatmap"] button'],
  ['quality', 'quality.png', '[data-testid="scatter-csat-chart"] svg'],
  ['loyalty', 'loyalty.png', '[data-testid="comments-card"] h3'],
  ['cost', 'cost-staffing.png', '[data-testid="cost-card-channel"] svg'],
] as const;

const shot = (name: string) => join(ROOT, 'docs/screenshots', name);

describe('accessibility, layout and screenshots', () => {
  for (const [page, file, ready] of PAGES) {
    it(`${page.split('&')[0]}: no axe violations, screenshot`, async () => {
      const { page: p, errors } = await h.page();
      await openDashboard(p, `${h.url}/?page=${page}`, ready);
      await p.waitForTimeout(300);
      await p.screenshot({ path: shot(file), fullPage: true });
      expect(await axeViolations(p)).toEqual([]);
      // Any error, a server error (5xx) included, fails the page.
      expect(errors).toEqual([]);
      await p.close();
    });
  }

  it('overview in Dutch: no axe violations, screenshot', async () => {
    const { page, errors } = await h.page();
    await openDashboard(page, `${h.url}/?lang=nl`, '[data-testid="nps-voice"]');
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot('overview-nl.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('open panels pass axe too', async () => {
    const { page } = await h.page();
    await openDashboard(page, `${h.url}/?panel=drill&kpi=aht`, '[data-testid="drill-rows"]');
    expect(await axeViolations(page)).toEqual([]);
    await openDashboard(page, `${h.url}/?panel=def&kpi=nps`, '[data-testid="def-n"]');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the figures under a chart (its keyboard path) pass axe when unfolded', async () => {
    const { page } = await h.page();
    await openDashboard(page, `${h.url}/?page=loyalty`, '[data-testid="card-figures"]');
    await page.click('[data-testid="nps-card"] [data-testid="card-figures"] summary');
    await page.waitForSelector('[data-testid="nps-card"] [data-testid="cell-value"]');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  for (const [width, height] of [
    [1366, 768],
    [1024, 768],
    [768, 1024],
  ] as const) {
    it(`fits ${width}×${height} without sideways scrolling on every page`, async () => {
      const { page } = await h.page({ width, height });
      for (const [name, , ready] of PAGES) {
        await openDashboard(page, `${h.url}/?page=${name}`, ready);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, name).toBeLessThanOrEqual(0);
      }
      await page.close();
    });
  }
});

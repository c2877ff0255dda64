// The dashboard's first meaningful paint on localhost: Chromium loads the overview cold (a new
// browser context each time: empty cache) until every KPI tile shows its value; median of N.

import { chromium, type Browser } from 'playwright-core';
import { ALL_KPIS } from '../web/src/api/kpi-meta.ts';
import { log } from './progress.ts';
import { median, round } from './stats.ts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PaintSample {
  /** ms from navigation start until every `[data-testid="kpi-value"]` tile has its text. */
  readonly tilesMs: number;
  readonly fcpMs: number | null;
  readonly tiles: number;
  /** Tiles showing "—" (no figure for the period). */
  readonly empty: number;
}

export interface FirstPaintResult {
  readonly url: string;
  readonly loads: number;
  readonly samples: readonly PaintSample[];
  readonly tilesMedianMs: number;
  readonly fcpMedianMs: number | null;
}

async function coldLoad(browser: Browser, url: string): Promise<PaintSample> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'en-GB',
  });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      (want: number) => {
        const els = [...document.querySelectorAll('[data-testid="kpi-value"]')];
        const filled = els.length >= want && els.every((e) => (e.textContent ?? '').trim() !== '');
        if (!filled) return false;
        const empty = els.filter((e) => (e.textContent ?? '').trim() === '—').length;
        return { at: performance.now(), tiles: els.length, empty };
      },
      ALL_KPIS.length,
      { polling: 'raf', timeout: 120_000 },
    );
    const done = (await handle.jsonValue()) as { at: number; tiles: number; empty: number };
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    );
    return {
      tilesMs: round(done.at),
      fcpMs: fcp === null ? null : round(fcp),
      tiles: done.tiles,
      empty: done.empty,
    };
  } finally {
    await context.close();
  }
}

export async function firstPaint(
  serverUrl: string,
  { loads }: { loads: number },
): Promise<FirstPaintResult> {
  const url = `${serverUrl}/?lang=en&page=overview`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    // One load not measured: Chromium's own first start (fonts, process spawn) is not the page's.
    await coldLoad(browser, url);
    const samples: PaintSample[] = [];
    for (let i = 0; i < loads; i++) {
      samples.push(await coldLoad(browser, url));
      log(`first paint: load ${i + 1}/${loads}: tiles ${samples.at(-1)?.tilesMs} ms`);
    }
    const fcps = samples.map((s) => s.fcpMs).filter((x): x is number => x !== null);
    return {
      url,
      loads,
      samples,
      tilesMedianMs: round(median(samples.map((s) => s.tilesMs))),
      fcpMedianMs: fcps.length ? round(median(fcps)) : null,
    };
  } finally {
    await browser.close();
  }
}

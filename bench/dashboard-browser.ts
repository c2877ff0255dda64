// The dashboard as a user meets it: the overview opened cold in a new tab of a running Chromium
// (HTTP cache disabled, so every file and answer comes from the server) at N URLs, each with a
// period or filter not asked before, against the real server. Per load: every /api request the
// page made (Resource Timing), the span until the last one answered, and the first meaningful
// paint (every KPI tile shows its value). No response cache in the server.
// Why a tab and not a new browser profile per load (Playwright's newContext): a new profile also
// starts Chromium's per-profile services, whose CPU on this 2-core machine, shared with the
// server, doubled the API times of the same requests from a blank page (p95 646 vs 154 ms).
import type { BrowserContext } from 'playwright-core';
import { ALL_KPIS } from '../web/src/api/kpi-meta.ts';
import { launchChromium } from '../test/helpers/chromium.ts';
import { replayOverview, type ReplayResult } from './api-replay.ts';
import { overviewUrls, type OverviewUrl } from './overview-urls.ts';
import { log } from './progress.ts';
import type { ServerProcess } from './server-process.ts';
import { percentile, round } from './stats.ts';
import type { BenchWorkspace } from './workspaces.ts';

export interface LatencySummary {
  readonly n: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

export interface LoadSample {
  readonly label: string;
  /** The page's /api requests: path and ms from request start to the response's last byte. */
  readonly requests: readonly { readonly path: string; readonly ms: number }[];
  /** From the first /api request's start to the last one's end. */
  readonly apiSpanMs: number;
  /** From navigation start until every KPI tile has its text. */
  readonly tilesMs: number;
  readonly fcpMs: number | null;
  /** Tiles showing "—" (no figure for that period and filter). */
  readonly empty: number;
}

export interface DashboardResult {
  readonly size: string;
  readonly contacts: number;
  readonly loads: number;
  /** Each /api request of the overview, over all loads. */
  readonly request: LatencySummary;
  /** Each load's span until all its /api requests had answered. */
  readonly apiSpan: LatencySummary;
  readonly tiles: LatencySummary;
  readonly fcp: LatencySummary | null;
  readonly serverPeakRssMb: number;
  /** Which CPUs the server and the browser ran on (cpu-split.ts). */
  readonly placement: string;
  /** The same requests without the browser, at periods and filters of their own. */
  readonly replay: ReplayResult;
  /**
   * The first request after the data changed (the rollups are invalidated before the server
   * starts): `/dimensions`, which waits for the rollup build the server began when it started
   * listening (warm-up.ts), as a first visit right after `cxkpi serve` starts would.
   */
  readonly firstRequestMs: number;
  /** The unmeasured warm-up load that follows it (Chromium's own start, first reads). */
  readonly firstLoad: { readonly apiSpanMs: number; readonly tilesMs: number };
  readonly samples: readonly LoadSample[];
}

function summary(values: readonly number[]): LatencySummary {
  return {
    n: values.length,
    p50Ms: round(percentile(values, 50)),
    p95Ms: round(percentile(values, 95)),
    maxMs: round(Math.max(...values)),
  };
}

async function coldLoad(
  context: BrowserContext,
  base: string,
  u: OverviewUrl,
): Promise<LoadSample> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(base + u.path, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      (want: number) => {
        const els = [...document.querySelectorAll('[data-testid="kpi-value"]')];
        const filled = els.length >= want && els.every((e) => (e.textContent ?? '').trim() !== '');
        if (!filled) return false;
        const empty = els.filter((e) => (e.textContent ?? '').trim() === '—').length;
        return { at: performance.now(), empty };
      },
      ALL_KPIS.length,
      { polling: 'raf', timeout: 300_000 },
    );
    const done = (await handle.jsonValue()) as { at: number; empty: number };
    await page.waitForLoadState('networkidle');
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      api: performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.startsWith('/api/'))
        .map((e) => {
          const r = e as PerformanceResourceTiming;
          const u = new URL(r.name);
          return { path: u.pathname + u.search, start: r.startTime, end: r.responseEnd };
        }),
    }));
    if (timing.api.length === 0) throw new Error(`no API requests seen for ${u.label}`);
    const start = Math.min(...timing.api.map((a) => a.start));
    const end = Math.max(...timing.api.map((a) => a.end));
    return {
      label: u.label,
      requests: timing.api.map((a) => ({ path: a.path, ms: round(a.end - a.start) })),
      apiSpanMs: round(end - start),
      tilesMs: round(done.at),
      fcpMs: timing.fcp === null ? null : round(timing.fcp),
      empty: done.empty,
    };
  } finally {
    await page.close();
  }
}

/** Cold overview loads against a running `cxkpi serve` (server-process.ts) on `bw`. */
export async function dashboardInBrowser(
  server: ServerProcess,
  bw: BenchWorkspace,
  { loads, browserCpus }: { loads: number; browserCpus?: string },
): Promise<DashboardResult> {
  const serverUrl = server.url;
  const t0 = performance.now();
  const res = await fetch(`${serverUrl}/api/v1/dimensions`);
  const firstRequestMs = round(performance.now() - t0);
  log(
    `dashboard ${bw.size}: first request after a data change and a server start (the rollups being built) ${firstRequestMs} ms`,
  );
  const dims = (await res.json()) as Record<string, readonly string[]> & {
    period: { from: string; to: string };
  };
  // Twice as many distinct URLs as loads: the first half for the browser, the rest for replay.
  const all = overviewUrls(dims.period.from, dims.period.to, dims, 2 * loads + 1);
  const urls = all.slice(0, loads + 1);
  const browser = await launchChromium(browserCpus ? { cpus: browserCpus } : {});
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'en-GB',
  });
  try {
    const run = await (async () => {
      // One load not measured: Chromium's own first start and the store's first reads.
      const first = await coldLoad(context, serverUrl, urls[0] ?? { label: 'warm-up', path: '/' });
      log(`dashboard ${bw.size}: warm-up load API ${first.apiSpanMs} ms`);
      const samples: LoadSample[] = [];
      for (const u of urls.slice(1)) {
        samples.push(await coldLoad(context, serverUrl, u));
        const s = samples.at(-1);
        if (samples.length % 5 === 0 || samples.length === 1) {
          log(
            `dashboard ${bw.size}: load ${samples.length}/${loads} ${u.label}: API ${s?.apiSpanMs} ms, tiles ${s?.tilesMs} ms`,
          );
        }
      }
      // The API calls of the page, without the page: the request set of a load with no filter
      // (a filter's own parameter is re-added per load), at the other half of the URLs.
      const templates = (samples.find((x) => !x.label.includes('=')) ?? samples[0])?.requests ?? [];
      const replay = await replayOverview(
        serverUrl,
        templates.map((r) => r.path),
        all.slice(loads + 1),
      );
      log(
        `dashboard ${bw.size}: replay p95 ${replay.request.p95Ms} ms per request, ${replay.span.p95Ms} ms per load`,
      );
      return { samples, replay, first };
    })();
    const { samples, replay, first } = run;
    const fcps = samples.map((s) => s.fcpMs).filter((x): x is number => x !== null);
    return {
      size: bw.size,
      contacts: bw.build.contacts,
      loads: samples.length,
      request: summary(samples.flatMap((s) => s.requests.map((r) => r.ms))),
      apiSpan: summary(samples.map((s) => s.apiSpanMs)),
      tiles: summary(samples.map((s) => s.tilesMs)),
      fcp: fcps.length ? summary(fcps) : null,
      // The server process's high-water mark: its DuckDB and Node heap, the rollups' build too.
      serverPeakRssMb: server.peakRssMb(),
      placement: browserCpus
        ? `server on CPU ${server.cpus ?? '?'}, Chromium on CPU ${browserCpus}`
        : 'server and Chromium share the CPUs',
      replay,
      firstRequestMs,
      firstLoad: { apiSpanMs: first.apiSpanMs, tilesMs: first.tilesMs },
      samples,
    };
  } finally {
    await browser.close();
  }
}

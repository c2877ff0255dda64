// The overview page's API calls against the real server on a workspace file: the boot
// documents once, then ≥ 30 overview loads, each with a period or filter not asked before.

import { overviewLoads, type OverviewLoad } from './overview-requests.ts';
import { log } from './progress.ts';
import { withRssSampling } from './rss-sampler.ts';
import { percentile, round } from './stats.ts';
import type { BenchWorkspace } from './workspaces.ts';

export interface LatencySummary {
  readonly n: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

export interface DashboardApiResult {
  readonly size: string;
  readonly contacts: number;
  /** GET /definitions and /dimensions, once each (the page's boot). */
  readonly bootMs: { readonly definitions: number; readonly dimensions: number };
  /** The overview's requests issued together, as the page does, until all have answered. */
  readonly overview: LatencySummary;
  readonly totals: LatencySummary;
  readonly trend: LatencySummary;
  readonly peakRssMb: number;
  readonly samples: readonly { label: string; totalsMs: number; trendMs: number; bothMs: number }[];
}

async function get(url: string): Promise<{ ms: number; body: unknown }> {
  const t = performance.now();
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const text = await res.text();
  const ms = performance.now() - t;
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) as unknown };
}

function summary(values: readonly number[]): LatencySummary {
  return {
    n: values.length,
    p50Ms: round(percentile(values, 50)),
    p95Ms: round(percentile(values, 95)),
    maxMs: round(Math.max(...values)),
  };
}

async function timeLoad(base: string, load: OverviewLoad) {
  const t = performance.now();
  const [a, b] = await Promise.all([
    get(base + load.totals),
    get(base + load.trend),
    ...(load.split ? [get(base + load.split)] : []),
  ]);
  const rows = (a.body as { rows?: unknown[] }).rows ?? [];
  if (rows.length === 0) throw new Error(`no KPI rows for ${load.label}`);
  return { totalsMs: a.ms, trendMs: b.ms, bothMs: performance.now() - t };
}

/** Measures the overview loads against a running server (startServer) on `bw`. */
export async function dashboardApi(
  serverUrl: string,
  bw: BenchWorkspace,
  { loads }: { loads: number },
): Promise<DashboardApiResult> {
  const run = await withRssSampling(async () => {
    const defs = await get(`${serverUrl}/api/v1/definitions`);
    const dims = await get(`${serverUrl}/api/v1/dimensions`);
    const period = (dims.body as { period: { from: string; to: string } }).period;
    const all = overviewLoads(period.from, period.to, loads + 2);
    // Two loads not measured: the store's first reads of the columns (buffer pool, page cache).
    for (const load of all.slice(0, 2)) await timeLoad(serverUrl, load);
    const samples = [];
    for (const [i, load] of all.slice(2).entries()) {
      const s = await timeLoad(serverUrl, load);
      samples.push({
        label: load.label,
        totalsMs: round(s.totalsMs),
        trendMs: round(s.trendMs),
        bothMs: round(s.bothMs),
      });
      if ((i + 1) % 10 === 0) log(`dashboard API ${bw.size}: ${i + 1}/${loads} overview loads`);
    }
    return { defs: defs.ms, dims: dims.ms, samples };
  });
  const { samples } = run.value;
  return {
    size: bw.size,
    contacts: bw.build.contacts,
    bootMs: { definitions: round(run.value.defs), dimensions: round(run.value.dims) },
    overview: summary(samples.map((s) => s.bothMs)),
    totals: summary(samples.map((s) => s.totalsMs)),
    trend: summary(samples.map((s) => s.trendMs)),
    peakRssMb: run.peakRssMb,
    samples,
  };
}

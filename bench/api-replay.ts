// The overview's API calls without a browser competing for the same two cores: the requests the
// page made (captured by dashboard-browser.ts) replayed with periods and filters of their own,
// issued together as the page issues them. No two loads ask the server the same question.

import type { LatencySummary } from './dashboard-browser.ts';
import type { OverviewUrl } from './overview-urls.ts';
import { percentile, round } from './stats.ts';

export interface ReplayResult {
  readonly loads: number;
  /** Each request over all loads. */
  readonly request: LatencySummary;
  /** Each load: from sending its requests together until the last answered. */
  readonly span: LatencySummary;
}

const summary = (v: readonly number[]): LatencySummary => ({
  n: v.length,
  p50Ms: round(percentile(v, 50)),
  p95Ms: round(percentile(v, 95)),
  maxMs: round(Math.max(...v)),
});

/** The page's request with the period and filter of `load` (an overview URL's query). */
export function retarget(apiPath: string, load: OverviewUrl): string {
  const [path, query = ''] = apiPath.split('?');
  const api = new URLSearchParams(query);
  const page = new URLSearchParams(load.path.split('?')[1] ?? '');
  for (const k of ['from', 'to']) {
    const v = page.get(k);
    if (api.has(k) && v) api.set(k, v);
  }
  // Only requests scoped to the period take the filters (definitions, dimensions do not).
  if (!api.has('from')) return apiPath;
  api.delete('filter');
  for (const dim of ['channel', 'queue', 'team', 'agent', 'category']) {
    const v = page.get(dim);
    if (v) api.append('filter', `${dim}=${v}`);
  }
  const s = api.toString();
  return s ? `${path}?${s}` : (path ?? '');
}

async function timed(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, {
    headers: { accept: 'application/json', 'accept-encoding': 'gzip, br' },
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return performance.now() - t;
}

export async function replayOverview(
  serverUrl: string,
  templates: readonly string[],
  loads: readonly OverviewUrl[],
): Promise<ReplayResult> {
  const requests: number[] = [];
  const spans: number[] = [];
  for (const load of loads) {
    const t = performance.now();
    const ms = await Promise.all(templates.map((p) => timed(serverUrl + retarget(p, load))));
    spans.push(performance.now() - t);
    requests.push(...ms);
  }
  return { loads: loads.length, request: summary(requests), span: summary(spans) };
}

// URLs of the cxkpi API (/api/v1) and a cached JSON fetch. Every view builds its URLs here, so
// the CSV links carry exactly the parameters of the figures on screen (same URL + `.csv`).
// Limits: answers are kept until refreshData(), which use-data-refresh.ts calls when an import
// changed the data (checked every minute and when the window regains focus).

import type { FilterDimension, KpiId } from './types.ts';

export interface QueryParams {
  readonly kpis?: readonly KpiId[];
  readonly by?: readonly string[];
  readonly grain?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly filters?: Readonly<Partial<Record<FilterDimension, string>>>;
  readonly slot?: number;
  readonly compare?: boolean;
  /** false: the API leaves out p50/p90/p95 (sparklines and trends that draw only values). */
  readonly percentiles?: boolean;
  /** Extra parameters, appended as given (e.g. kpi + group for rows behind a figure). */
  readonly extra?: readonly (readonly [string, string])[];
}

export const API = '/api/v1';

export function searchOf(q: QueryParams): string {
  const p = new URLSearchParams();
  if (q.kpis?.length) p.set('kpi', q.kpis.join(','));
  if (q.by?.length) p.set('by', q.by.join(','));
  if (q.grain) p.set('grain', q.grain);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  for (const [d, v] of Object.entries(q.filters ?? {})) if (v) p.append('filter', `${d}=${v}`);
  if (q.slot) p.set('slot', String(q.slot));
  if (q.compare) p.set('compare', 'previous-period');
  if (q.percentiles === false) p.set('percentiles', 'false');
  for (const [k, v] of q.extra ?? []) p.append(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** `/api/v1/<path>?…`; with csv, `/api/v1/<path>.csv?…`. */
export const apiUrl = (path: string, q: QueryParams = {}, csv = false): string =>
  `${API}/${path}${csv ? '.csv' : ''}${searchOf(q)}`;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const cache = new Map<string, Promise<unknown>>();
let epoch = 0;
let loadedAt = Date.now();
const listeners = new Set<() => void>();

/** Forgets every answer so each view on screen loads again (new data was imported). */
export function refreshData(): void {
  cache.clear();
  epoch++;
  loadedAt = Date.now();
  for (const l of listeners) l();
}

/** Counts refreshes: a hook that depends on it loads again after each one. */
export const dataEpoch = (): number => epoch;
/** When the data on screen was asked for (page load or the last refresh), epoch ms. */
export const dataLoadedAt = (): number => loadedAt;

export function onRefresh(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function load(url: string): Promise<unknown> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    // The API answers { error: { code, message } }; fall back to the status line.
    const err = (body as { error?: { message?: unknown } } | null)?.error;
    const msg = err?.message ? String(err.message) : `${res.status} ${res.statusText}`;
    throw new ApiError(msg, res.status);
  }
  return body;
}

/** GET a JSON document once per URL and data epoch; failed loads are forgotten for a retry. */
export function fetchJson<T>(url: string): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = load(url);
    cache.set(url, p);
    p.catch(() => cache.delete(url));
  }
  return p as Promise<T>;
}

/** GET a JSON document past the cache (for the data-version check). */
export const fetchFresh = <T>(url: string): Promise<T> => load(url) as Promise<T>;

// Checks that the engine's dashboard KPI set equals the hand-written query's: every KPI value per
// channel × local day (CES mean per scale), the p50/p90/p95 of ASA, AHT and time to resolution
// per channel × day, and the overall wait/handle p50/p90, within a relative tolerance.

import type { KpiReport } from '../src/engine/index.ts';
import type { Row } from '../src/engine/index.ts';

/** Both sides sum exactly; what is left is the order of the last division (x / n * 100 or 100 * x / n). */
export const TOLERANCE = 1e-12;

/** Hand-written column → the engine's KPI (and CES scale). */
const COLUMNS: Readonly<Record<string, string>> = {
  service_level: 'service_level',
  asa: 'asa',
  aht: 'aht',
  abandon_rate: 'abandon_rate',
  fcr: 'fcr',
  reopen_rate: 'reopen_rate',
  time_to_resolution: 'time_to_resolution',
  cost_per_resolution: 'cost_per_resolution',
  nps: 'nps',
  csat: 'csat',
  ces5: 'ces 1-5',
  ces7: 'ces 1-7',
  ces_positive: 'ces_positive',
};

/** Hand-written percentile column → the engine's KPI and percentile. */
const PERCENTILES: Readonly<Record<string, readonly [string, 'p50' | 'p90' | 'p95']>> = {
  asa_p50: ['asa', 'p50'],
  asa_p90: ['asa', 'p90'],
  asa_p95: ['asa', 'p95'],
  aht_p50: ['aht', 'p50'],
  aht_p90: ['aht', 'p90'],
  aht_p95: ['aht', 'p95'],
  ttr_p50: ['time_to_resolution', 'p50'],
  ttr_p90: ['time_to_resolution', 'p90'],
  ttr_p95: ['time_to_resolution', 'p95'],
};

export interface Difference {
  readonly kpi: string;
  readonly channel: string | null;
  readonly day: string | null;
  readonly engine: number | null | 'missing';
  readonly handwritten: number | null | 'missing';
}

export interface CheckResult {
  readonly pass: boolean;
  /** Cells compared (KPI × channel × day, plus the 4 overall percentiles). */
  readonly compared: number;
  /** Of which both sides had a number. */
  readonly numeric: number;
  readonly mismatches: number;
  readonly maxRelativeError: number;
  readonly first: readonly Difference[];
  /** Mismatches per KPI. */
  readonly byKpi: Readonly<Record<string, number>>;
}

type Cell = number | null | 'missing';

const dayText = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function same(a: Cell, b: Cell): { ok: boolean; rel: number } {
  const x = a === 'missing' ? null : a;
  const y = b === 'missing' ? null : b;
  if (x === null || y === null) return { ok: x === y, rel: 0 };
  const scale = Math.max(Math.abs(x), Math.abs(y));
  const rel = scale === 0 ? 0 : Math.abs(x - y) / scale;
  return { ok: rel <= TOLERANCE, rel };
}

export function compareDashboard(
  byDay: KpiReport,
  overall: KpiReport,
  hand: readonly Row[],
): CheckResult {
  const eng = new Map<string, Cell>();
  const key = (kpi: string, ch: unknown, day: unknown) =>
    JSON.stringify([kpi, ch ?? null, dayText(day)]);
  for (const r of byDay.rows) {
    const kpi = r.kpi === 'ces' ? `ces ${r.scale}` : r.kpi;
    eng.set(key(kpi, r.keys['channel'], r.keys['period']), r.value);
    for (const p of ['p50', 'p90', 'p95'] as const) {
      if (r.percentiles)
        eng.set(key(`${kpi} ${p}`, r.keys['channel'], r.keys['period']), r.percentiles[p]);
    }
  }
  const hw = new Map<string, Cell>();
  for (const row of hand) {
    for (const [col, kpi] of Object.entries(COLUMNS)) {
      hw.set(key(kpi, row['channel'], row['day']), num(row[col]));
    }
    for (const [col, [kpi, p]] of Object.entries(PERCENTILES)) {
      hw.set(key(`${kpi} ${p}`, row['channel'], row['day']), num(row[col]));
    }
  }
  const cells: [string, Cell, Cell][] = [];
  for (const k of new Set([...eng.keys(), ...hw.keys()])) {
    cells.push([k, eng.get(k) ?? 'missing', hw.get(k) ?? 'missing']);
  }
  const first = hand[0] ?? {};
  const pct = (id: 'asa' | 'aht', p: 'p50' | 'p90'): Cell => {
    const r = overall.rows.find((x) => x.kpi === id);
    return r ? (r.percentiles?.[p] ?? null) : 'missing';
  };
  const overallPairs: [string, Cell, Cell][] = [
    ['overall wait p50', pct('asa', 'p50'), num(first['wait_p50'])],
    ['overall wait p90', pct('asa', 'p90'), num(first['wait_p90'])],
    ['overall handle p50', pct('aht', 'p50'), num(first['handle_p50'])],
    ['overall handle p90', pct('aht', 'p90'), num(first['handle_p90'])],
  ];
  for (const [name, e, h] of overallPairs) cells.push([JSON.stringify([name, null, null]), e, h]);
  return summarise(cells);
}

function summarise(cells: readonly [string, Cell, Cell][]): CheckResult {
  const diffs: Difference[] = [];
  const byKpi: Record<string, number> = {};
  let numeric = 0;
  let maxRel = 0;
  const sorted = [...cells].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [k, e, h] of sorted) {
    const { ok, rel } = same(e, h);
    if (typeof e === 'number' && typeof h === 'number') {
      numeric++;
      maxRel = Math.max(maxRel, rel);
    }
    if (ok) continue;
    const [kpi, channel, day] = JSON.parse(k) as [string, string | null, string | null];
    byKpi[kpi] = (byKpi[kpi] ?? 0) + 1;
    diffs.push({ kpi, channel, day, engine: e, handwritten: h });
  }
  return {
    pass: diffs.length === 0 && numeric > 0,
    compared: cells.length,
    numeric,
    mismatches: diffs.length,
    maxRelativeError: maxRel,
    first: diffs.slice(0, 10),
    byKpi,
  };
}

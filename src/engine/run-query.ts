// Runs a compiled KpiQuery on a Runner and turns aggregate rows into KpiRows through the pure
// KPI math in src/metrics.

import { rate } from '../metrics/rating.ts';
import { KPIS } from '../metrics/registry.ts';
import type { WorkspaceSettings } from '../metrics/settings.ts';
import { withOverride } from '../metrics/settings-override.ts';
import type { AggValues, KpiId } from '../metrics/types.ts';
import {
  compileQuery,
  costsAttributable,
  keyNames,
  mergeParts,
  type CompiledGroup,
  type CompiledQuery,
} from './compile.ts';
import { dataPeriod } from './dimensions.ts';
import { slotLabel } from './scope.ts';
import { kpiQuery, type KpiQuery, type KpiQueryInput } from './query.ts';
import type { KeyValue, KpiReport, KpiRow, ReportPeriod } from './result.ts';
import { ensureDerived } from './derived.ts';
import { rollupFits, type RollupTable } from './rollup-plan.ts';
import { ensureRollups } from './rollups.ts';
import type { Row, Runner } from './runner.ts';
import { zoneOffsets } from './zone-offsets.ts';

const SURVEY_OR_SAMPLE: readonly KpiId[] = ['nps', 'csat', 'ces', 'ces_positive', 'fcr'];

export interface RunOptions {
  /**
   * Read daily rollups where they give the same figures (rollup-plan.ts); default true. The
   * benchmark turns them off to compare the engine's SQL on the records with hand-written SQL.
   */
  readonly rollups?: boolean;
}

export async function runKpiQuery(
  runner: Runner,
  input: KpiQueryInput | KpiQuery,
  workspaceSettings: WorkspaceSettings,
  { rollups = true }: RunOptions = {},
): Promise<KpiReport> {
  const q = kpiQuery(input);
  // The query's own settings (validated here, before any SQL) over the workspace's.
  const settings = withOverride(workspaceSettings, q.settings);
  // Rollups follow the workspace's settings; a query's own settings that change an aggregate or
  // a relation make the compiler read the records for it.
  let tables: readonly RollupTable[] = [];
  if (rollups && rollupFits(q)) tables = await ensureRollups(runner, workspaceSettings);
  else await ensureDerived(runner);
  const period = await reportPeriod(runner, q, settings);
  const first = q.previous?.from ?? period.from;
  const zone =
    usesLocalTime(q) && first && period.to
      ? await zoneOffsets(runner, settings.timezone, first, period.to)
      : null;
  const compiled = compileQuery(q, settings, runner.dialect, zone, tables);
  const result = mergeParts(await runner.all(compiled.sql), compiled);
  const warnings: string[] = [];
  if (q.kpis.includes('cost_per_resolution') && !costsAttributable(q)) {
    warnings.push(
      'cost per resolution needs a breakdown by channel or team only and a grain of a day or longer; it is left empty here',
    );
  }
  const series = (s: number) => result.filter((r) => Number(r['_s'] ?? 0) === s);
  const rows = kpiRowsOf(series(0), compiled, q, settings);
  return {
    rows,
    query: q,
    period,
    engine: runner.dialect.name,
    warnings,
    ...(q.previous
      ? {
          previous: {
            period: { ...q.previous, timezone: settings.timezone },
            // Compared by value: the previous period's percentiles are not computed (compile.ts).
            rows: kpiRowsOf(series(1), compiled, { ...q, percentiles: false }, settings),
          },
        }
      : {}),
  };
}

/** One period's result rows (all groups) turned into KPI rows, in the query's KPI order. */
function kpiRowsOf(
  result: readonly Row[],
  compiled: CompiledQuery,
  q: KpiQuery,
  settings: WorkspaceSettings,
): KpiRow[] {
  const rowsOf = new Map<number, Row[]>();
  for (const r of result) {
    const g = Number(r['_g']);
    const list = rowsOf.get(g) ?? [];
    list.push(r);
    rowsOf.set(g, list);
  }
  // Totals over a period without rows: a statement that groups by period (with `previous`)
  // returns no row for it, where an ungrouped one returns counts of 0; fill them in.
  if (q.by.length === 0 && !q.grain) {
    for (const g of compiled.groups)
      if (!rowsOf.has(g.index)) rowsOf.set(g.index, [{ ...g.empty }]);
  }
  const out: KpiRow[] = [];
  for (const id of q.kpis) {
    const found = compiled.groups.find((g) => g.kpis.includes(id) && g.source !== 'costs');
    if (!found) continue;
    const groups = (rowsOf.get(found.index) ?? []).map((r) => ({
      keys: readKeys(r, q),
      aggs: readAggs(r, found, id),
    }));
    const withCosts =
      id === 'cost_per_resolution' ? addCosts(groups, costGroups(compiled, rowsOf, q), q) : groups;
    for (const g of withCosts) out.push(...toRows(id, g.keys, g.aggs, settings, q));
  }
  return out;
}

interface Group {
  readonly keys: Record<string, KeyValue>;
  readonly aggs: AggValues;
}

/** Cost per group key; a group without cost rows is absent (no cost data, not a cost of 0). */
function costGroups(
  compiled: CompiledQuery,
  rowsOf: ReadonlyMap<number, Row[]>,
  q: KpiQuery,
): Map<string, Group> {
  const out = new Map<string, Group>();
  for (const g of compiled.groups.filter((x) => x.source === 'costs')) {
    const cols = g.columns.cost_per_resolution ?? {};
    for (const r of rowsOf.get(g.index) ?? []) {
      if (Number(r[cols['cost_rows'] ?? '']) === 0) continue;
      const keys = readKeys(r, q);
      out.set(keyString(keys), { keys, aggs: { cost: Number(r[cols['cost'] ?? '']) } });
    }
  }
  return out;
}

/**
 * Puts each group's cost next to its resolved cases. A cost whose group resolved nothing still
 * gets a row (numerator = cost, no value), so the numerators add up to the total cost.
 */
function addCosts(groups: readonly Group[], costs: Map<string, Group>, q: KpiQuery): Group[] {
  const out: Group[] = groups.map((g) => ({
    keys: g.keys,
    aggs: { ...g.aggs, cost: costs.get(keyString(g.keys))?.aggs['cost'] ?? null },
  }));
  const seen = new Set(groups.map((g) => keyString(g.keys)));
  const zeros = Object.fromEntries(Object.keys(groups[0]?.aggs ?? {}).map((k) => [k, 0]));
  const extra = [...costs.values()].filter((c) => !seen.has(keyString(c.keys)));
  if (extra.length === 0) return out;
  for (const c of extra) out.push({ keys: c.keys, aggs: { ...zeros, ...c.aggs } });
  const names = keyNames(q);
  return out.sort((a, b) => compareKeys(a.keys, b.keys, names));
}

/** The SQL result order: key by key, NULLs last. */
function compareKeys(
  a: Record<string, KeyValue>,
  b: Record<string, KeyValue>,
  names: readonly string[],
): number {
  for (const n of names) {
    const x = a[n] ?? null;
    const y = b[n] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function readKeys(r: Row, q: KpiQuery): Record<string, KeyValue> {
  const k: Record<string, KeyValue> = {};
  q.by.forEach((dim, i) => {
    const v = r[`k${i}`] as KeyValue | undefined;
    k[dim] = v === undefined || v === null ? null : dim === 'slot' ? slotLabel(Number(v)) : v;
  });
  if (q.grain) k['period'] = (r['kp'] as string | null) ?? null;
  return k;
}

const keyString = (k: Record<string, KeyValue>) => JSON.stringify(k);

function readAggs(r: Row, g: CompiledGroup, id: KpiId): AggValues {
  const cols = g.columns[id] ?? {};
  const out: Record<string, number | null> = {};
  for (const [name, col] of Object.entries(cols)) {
    const v = r[col];
    out[name] = v === null || v === undefined ? null : Number(v);
  }
  return out;
}

function toRows(
  id: KpiId,
  keys: Record<string, KeyValue>,
  aggs: AggValues,
  s: WorkspaceSettings,
  q: KpiQuery,
): KpiRow[] {
  const def = KPIS[id];
  const channel = typeof keys['channel'] === 'string' ? keys['channel'] : pinnedChannel(q);
  const target = targetFor(id, channel, s);
  return def.compute(aggs, s).map((f) => ({
    kpi: id,
    keys,
    scale: f.scale ?? null,
    value: f.value,
    numerator: f.numerator,
    denominator: f.denominator,
    n: f.n,
    excluded: f.excluded,
    counts: f.counts,
    ci_low: f.ciLow,
    ci_high: f.ciHigh,
    percentiles: q.percentiles ? (f.percentiles ?? null) : null,
    parts: f.parts ?? null,
    unit: def.unit,
    variant: def.variant(s),
    formula: def.formula(s),
    settings: def.settingsUsed(s),
    rating: rate(def, f.value, target, channel, { scale: f.scale ?? null, currency: s.currency }),
    warnings:
      SURVEY_OR_SAMPLE.includes(id) && f.n > 0 && f.n < s.min_sample
        ? [`n = ${f.n} < ${s.min_sample}: an estimate from a small sample`]
        : [],
  }));
}

/** The one channel a filter keeps (`--filter channel=voice`): its benchmark and targets apply. */
function pinnedChannel(q: KpiQuery): string | null {
  const only = q.filters.channel;
  return only?.length === 1 ? (only[0] ?? null) : null;
}

export function targetFor(id: KpiId, channel: string | null, s: WorkspaceSettings): number | null {
  const byChannel = channel
    ? s.targets_by_channel[channel as keyof typeof s.targets_by_channel]
    : undefined;
  return byChannel?.[id] ?? s.targets[id] ?? null;
}

/** Grains and time-of-day dimensions need local time; totals only compare instants. */
const usesLocalTime = (q: KpiQuery): boolean =>
  q.grain !== undefined ||
  [...q.by, ...Object.keys(q.filters)].some((k) => k === 'weekday' || k === 'slot');

/** The period a report covers: the query's bounds, or the data's first and last local day. */
async function reportPeriod(
  runner: Runner,
  q: KpiQuery,
  s: WorkspaceSettings,
): Promise<ReportPeriod> {
  if (q.from && q.to) return { from: q.from, to: q.to, timezone: s.timezone };
  const data = await dataPeriod(runner, s);
  return { from: q.from ?? data.from, to: q.to ?? data.to, timezone: s.timezone };
}

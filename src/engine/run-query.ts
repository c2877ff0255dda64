// Runs a compiled KpiQuery on a Runner and turns aggregate rows into KpiRows through the pure
// KPI math in src/metrics.

import { rate } from '../metrics/rating.ts';
import { KPIS } from '../metrics/registry.ts';
import type { WorkspaceSettings } from '../metrics/settings.ts';
import type { AggValues, KpiId } from '../metrics/types.ts';
import { compileQuery, costsAttributable, type CompiledGroup } from './compile.ts';
import { dataPeriod } from './dimensions.ts';
import { slotLabel } from './scope.ts';
import { kpiQuery, type KpiQuery, type KpiQueryInput } from './query.ts';
import type { KeyValue, KpiReport, KpiRow, ReportPeriod } from './result.ts';
import { ensureDerived } from './derived.ts';
import type { Row, Runner } from './runner.ts';

const SURVEY_OR_SAMPLE: readonly KpiId[] = ['nps', 'csat', 'ces', 'ces_positive', 'fcr'];

export async function runKpiQuery(
  runner: Runner,
  input: KpiQueryInput | KpiQuery,
  settings: WorkspaceSettings,
): Promise<KpiReport> {
  await ensureDerived(runner);
  const q = kpiQuery(input);
  const compiled = compileQuery(q, settings, runner.dialect);
  const [result, period] = await Promise.all([
    runner.all(compiled.sql),
    reportPeriod(runner, q, settings),
  ]);
  const rowsOf = new Map<number, Row[]>();
  for (const r of result) {
    const g = Number(r['_g']);
    const list = rowsOf.get(g) ?? [];
    list.push(r);
    rowsOf.set(g, list);
  }
  const costByKey = new Map<string, number>();
  for (const g of compiled.groups.filter((x) => x.source === 'costs')) {
    const col = g.columns.cost_per_resolution?.['cost'] ?? '';
    for (const r of rowsOf.get(g.index) ?? [])
      costByKey.set(keyString(readKeys(r, q)), Number(r[col]));
  }
  const warnings: string[] = [];
  if (q.kpis.includes('cost_per_resolution') && !costsAttributable(q)) {
    warnings.push(
      'cost per resolution needs a breakdown by channel or team only and a grain of a day or longer; it is left empty here',
    );
  }
  const out: KpiRow[] = [];
  for (const id of q.kpis) {
    const found = compiled.groups.find((g) => g.kpis.includes(id) && g.source !== 'costs');
    if (!found) continue;
    for (const r of rowsOf.get(found.index) ?? []) {
      const k = readKeys(r, q);
      const aggs = readAggs(r, found, id);
      if (id === 'cost_per_resolution') {
        const cost = costsAttributable(q) ? (costByKey.get(keyString(k)) ?? null) : null;
        out.push(...toRows(id, k, { ...aggs, cost }, settings));
      } else out.push(...toRows(id, k, aggs, settings));
    }
  }
  return {
    rows: out,
    query: q,
    period,
    engine: runner.dialect.name,
    warnings,
  };
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
): KpiRow[] {
  const def = KPIS[id];
  const channel = typeof keys['channel'] === 'string' ? keys['channel'] : null;
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
    percentiles: f.percentiles ?? null,
    parts: f.parts ?? null,
    unit: def.unit,
    variant: def.variant(s),
    formula: def.formula(s),
    settings: def.settingsUsed(s),
    rating: rate(def, f.value, target, channel),
    warnings:
      SURVEY_OR_SAMPLE.includes(id) && f.n > 0 && f.n < s.min_sample
        ? [`n = ${f.n} < ${s.min_sample}: an estimate from a small sample`]
        : [],
  }));
}

export function targetFor(id: KpiId, channel: string | null, s: WorkspaceSettings): number | null {
  const byChannel = channel
    ? s.targets_by_channel[channel as keyof typeof s.targets_by_channel]
    : undefined;
  return byChannel?.[id] ?? s.targets[id] ?? null;
}

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

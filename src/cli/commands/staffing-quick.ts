// `cxkpi staffing --volume … --aht …`: agents for an SL target from a forecast, with a small
// cost-of-SL table around the answer. Limits: one interval, one skill (Erlang C, or A with patience).

import { NONE } from '../../metrics/format.ts';
import {
  agentsForTarget,
  agentsForTargetErlangA,
  slCostCurve,
  type ServiceTarget,
  type SlCostPoint,
  type StaffingConstraint,
} from '../../staffing/index.ts';
import {
  renderCsv,
  renderJson,
  renderMarkdown,
  renderNdjson,
  renderTable,
  type Column,
  type Format,
} from '../output.ts';
import {
  BINDING,
  en,
  finite,
  modelText,
  money,
  pct,
  pctOut,
  secs,
  targetText,
} from './staffing-format.ts';

export interface QuickOptions {
  readonly volume: number;
  readonly intervalMinutes: number;
  readonly ahtSeconds: number;
  readonly target: ServiceTarget;
  readonly shrinkage: number;
  readonly maxOccupancy: number;
  readonly hourlyRate: number;
  readonly patienceSeconds: number | null;
  readonly currency: string;
}

export interface QuickAnswer extends QuickOptions {
  readonly trafficErlangs: number;
  readonly rawAgents: number;
  readonly scheduledAgents: number;
  readonly bindingConstraint: StaffingConstraint;
  readonly serviceLevel: number;
  readonly asaSeconds: number;
  readonly waitProbability: number;
  readonly occupancy: number;
  readonly abandonProbability: number | null;
  /**
   * Agent counts around the answer: from two below what the SL target alone needs up to 99 % SL
   * (at most 8 rows), plus the answer's row when the occupancy cap puts it further out.
   */
  readonly curve: readonly SlCostPoint[];
}

export function quickAnswer(q: QuickOptions): QuickAnswer {
  const load = {
    volume: q.volume,
    intervalSeconds: q.intervalMinutes * 60,
    ahtSeconds: q.ahtSeconds,
  };
  const ask = { ...load, targetSl: q.target.sl, thresholdSeconds: q.target.thresholdSeconds };
  const limits = { shrinkage: q.shrinkage, maxOccupancy: q.maxOccupancy };
  const patience = q.patienceSeconds === null ? {} : { patienceSeconds: q.patienceSeconds };
  const r =
    q.patienceSeconds === null
      ? { ...agentsForTarget({ ...ask, ...limits }), abandonProbability: null }
      : agentsForTargetErlangA({ ...ask, ...limits, patienceSeconds: q.patienceSeconds });
  const stable = q.patienceSeconds === null ? Math.floor(r.trafficErlangs) + 1 : 1;
  // Start where SL moves: two below the count the SL target alone needs. When the occupancy cap
  // sets a much higher count (500 erlangs), SL is near 100 % long before it.
  const slOnly =
    q.patienceSeconds === null
      ? agentsForTarget({ ...ask, shrinkage: q.shrinkage }).rawAgents
      : agentsForTargetErlangA({
          ...ask,
          shrinkage: q.shrinkage,
          patienceSeconds: q.patienceSeconds,
        }).rawAgents;
  const costed = {
    ...load,
    ...patience,
    thresholdSeconds: q.target.thresholdSeconds,
    hourlyRate: q.hourlyRate,
    shrinkage: q.shrinkage,
  };
  const curve =
    r.rawAgents === 0
      ? []
      : [
          ...slCostCurve({
            ...costed,
            fromAgents: Math.max(stable, Math.min(slOnly, r.rawAgents) - 2),
            untilServiceLevel: Math.max(0.99, r.serviceLevel),
            maxRows: 8,
          }),
        ];
  const last = curve.at(-1);
  if (last && last.agents < r.rawAgents) {
    // The answer lies beyond the rows shown: add its row (no marginal cost: rows are skipped).
    const [row] = slCostCurve({ ...costed, fromAgents: r.rawAgents, maxRows: 1 });
    if (row) curve.push({ ...row, marginalCostPerPoint: null });
  }
  return { ...q, ...r, curve };
}

export function renderQuick(a: QuickAnswer, format: Format): string {
  const curve = a.curve.map((p) => ({
    agents: p.agents,
    scheduled_agents: p.scheduledAgents,
    service_level: p.serviceLevel * 100,
    asa_s: finite(p.asaSeconds),
    occupancy: p.occupancy * 100,
    abandon_probability: a.patienceSeconds === null ? null : p.abandonProbability * 100,
    cost_per_interval: p.costPerInterval,
    marginal_cost_per_point: finite(p.marginalCostPerPoint),
  }));
  if (format === 'csv') return renderCsv(Object.keys(curve[0] ?? { agents: 0 }), curve);
  if (format === 'ndjson') return renderNdjson(curve);
  if (format === 'json') {
    return renderJson({
      model: modelText(a.patienceSeconds),
      volume: a.volume,
      interval_minutes: a.intervalMinutes,
      aht_s: a.ahtSeconds,
      target: targetText(a.target),
      shrinkage: a.shrinkage,
      max_occupancy: a.maxOccupancy,
      patience_s: a.patienceSeconds,
      hourly_rate: a.hourlyRate,
      currency: a.currency,
      traffic_erlangs: a.trafficErlangs,
      required_agents: a.rawAgents,
      scheduled_agents: a.scheduledAgents,
      binding_constraint: a.bindingConstraint,
      service_level: a.serviceLevel * 100,
      asa_s: finite(a.asaSeconds),
      wait_probability: a.waitProbability * 100,
      occupancy: a.occupancy * 100,
      abandon_probability: pctOut(a.abandonProbability),
      curve,
    });
  }
  const summary: [string, string][] = [
    ['traffic', `${en(a.trafficErlangs, 2)} erlangs`],
    [
      'agents required',
      `${a.rawAgents} on contacts${BINDING[a.bindingConstraint]}, ${a.scheduledAgents} scheduled (shrinkage ${pct(a.shrinkage)})`,
    ],
    ['service level', `${a.serviceLevel.toFixed(4)} (${pct(a.serviceLevel)})`],
    ['ASA', Number.isFinite(a.asaSeconds) ? `${en(a.asaSeconds, 2)} s` : NONE],
    ['P(wait)', a.waitProbability.toFixed(4)],
    ['occupancy', `${a.occupancy.toFixed(4)} (cap ${pct(a.maxOccupancy)})`],
    ...(a.abandonProbability === null
      ? []
      : [['P(abandon)', a.abandonProbability.toFixed(4)] as [string, string]]),
  ];
  const title = `${modelText(a.patienceSeconds)}: ${en(a.volume, Number.isInteger(a.volume) ? 0 : 1)} contacts in ${a.intervalMinutes} min, AHT ${en(a.ahtSeconds, 0)} s, target ${targetText(a.target)}${a.patienceSeconds === null ? '' : `, patience ${en(a.patienceSeconds, 0)} s`}`;
  const columns: Column[] = [
    { key: 'mark', label: '' },
    { key: 'agents', label: 'agents', align: 'right' },
    { key: 'scheduled', label: 'scheduled', align: 'right' },
    { key: 'sl', label: 'SL', align: 'right' },
    { key: 'asa', label: 'ASA', align: 'right' },
    { key: 'cost', label: 'cost/interval', align: 'right' },
    { key: 'marginal', label: 'marginal cost/point', align: 'right' },
  ];
  const rows = a.curve.map((p) => ({
    mark: p.agents === a.rawAgents ? '*' : '',
    agents: p.agents,
    scheduled: p.scheduledAgents,
    sl: pct(p.serviceLevel),
    asa: secs(p.asaSeconds),
    cost: money(p.costPerInterval, a.currency),
    marginal:
      p.marginalCostPerPoint === null ? '' : money(finite(p.marginalCostPerPoint), a.currency),
  }));
  const note = `Cost of service level at ${money(a.hourlyRate, a.currency)} per paid agent hour (* = required)`;
  if (format === 'markdown') {
    const kv = renderMarkdown(
      [
        { key: 'k', label: title },
        { key: 'v', label: '' },
      ],
      summary.map(([k, v]) => ({ k, v })),
    );
    return `${kv}\n${note}\n\n${renderMarkdown(columns, rows)}`;
  }
  const width = Math.max(...summary.map(([k]) => k.length));
  const lines = summary.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  return `${title}\n${lines.join('\n')}\n\n${note}\n${a.curve.length ? renderTable(columns, rows) : '(no contacts: no agents needed)\n'}`;
}

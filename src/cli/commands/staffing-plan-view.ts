// `cxkpi staffing --plan`: the plan per interval (or typical week) as a table with a footer of its
// assumptions, or flat rows for JSON/CSV. Limits: English labels; SL and rates in percent in JSON/CSV.

import { NONE } from '../../metrics/format.ts';
import type { IntervalPlanResult, PlannedInterval } from '../../staffing/index.ts';
import {
  renderCsv,
  renderJson,
  renderMarkdown,
  renderNdjson,
  renderTable,
  type Cell,
  type Column,
  type Format,
} from '../output.ts';
import { en, finite, modelText, money, pct, pctOut, targetText } from './staffing-format.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const PLAN_KEYS = [
  'interval_start',
  'utc_offset_minutes',
  'weekday',
  'slot',
  'days',
  'volume',
  'offered',
  'abandoned',
  'sl_numerator',
  'sl_denominator',
  'aht_s',
  'observed_sl',
  'observed_asa_s',
  'observed_abandon_rate',
  'traffic_erlangs',
  'required_agents',
  'scheduled_agents',
  'binding_constraint',
  'staffed_agents',
  'productive_agents',
  'predicted_sl',
  'predicted_asa_s',
  'predicted_abandon_rate',
  'hourly_rate',
  'required_cost',
  'staffed_cost',
  'extra_point_cost',
] as const;

/** One plan row for JSON and CSV: unrounded, SL and abandon rates in percent, seconds. */
function flatRow(r: PlannedInterval): Record<(typeof PLAN_KEYS)[number], Cell> {
  return {
    interval_start: r.intervalStart,
    utc_offset_minutes: r.utcOffsetMinutes,
    weekday: r.weekday,
    slot: r.slot,
    days: r.days,
    volume: r.volume,
    offered: r.offered,
    abandoned: r.abandoned,
    sl_numerator: r.slNumerator,
    sl_denominator: r.slDenominator,
    aht_s: r.ahtSeconds,
    observed_sl: r.slDenominator > 0 ? (r.slNumerator * 100) / r.slDenominator : null,
    observed_asa_s: r.observedAsaSeconds,
    observed_abandon_rate: r.offered > 0 ? (r.abandoned * 100) / r.offered : null,
    traffic_erlangs: r.trafficErlangs,
    required_agents: r.requiredAgents,
    scheduled_agents: r.scheduledAgents,
    binding_constraint: r.bindingConstraint,
    staffed_agents: r.staffedAgents,
    productive_agents: r.productiveAgents,
    predicted_sl: pctOut(r.predictedServiceLevel),
    predicted_asa_s: finite(r.predictedAsaSeconds),
    predicted_abandon_rate: pctOut(r.predictedAbandonRate),
    hourly_rate: r.hourlyRate,
    required_cost: r.requiredCost,
    staffed_cost: r.staffedCost,
    extra_point_cost: r.extraPointCost,
  };
}

export function renderPlan(p: IntervalPlanResult, format: Format): string {
  const meta = {
    model: p.model,
    mode: p.mode,
    target: targetText(p.target),
    timezone: p.period.timezone,
  };
  if (format === 'csv') {
    const rows = p.rows.map((r) => ({ ...flatRow(r), ...meta }));
    return renderCsv([...PLAN_KEYS, ...Object.keys(meta)], rows);
  }
  if (format === 'ndjson') return renderNdjson(p.rows.map((r) => ({ ...flatRow(r), ...meta })));
  if (format === 'json') {
    const { rows, target, ...rest } = p;
    return renderJson({ ...rest, target: targetText(target), rows: rows.map(flatRow) });
  }
  const profile = p.mode === 'weekday-profile';
  const ea = p.model === 'erlang-a';
  const repeated = new Set(
    p.rows.map((r) => r.intervalStart).filter((s, i, all) => s && all.indexOf(s) !== i),
  );
  const columns: Column[] = [
    ...(profile
      ? [
          { key: 'weekday', label: 'weekday' },
          { key: 'slot', label: 'slot' },
        ]
      : [{ key: 'interval', label: 'interval' }]),
    { key: 'volume', label: profile ? 'volume/day' : 'volume', align: 'right' },
    { key: 'aht', label: 'AHT', align: 'right' },
    { key: 'obsSl', label: 'obs SL', align: 'right' },
    ...(ea ? [{ key: 'obsAb', label: 'obs abandon', align: 'right' } as const] : []),
    { key: 'required', label: 'required', align: 'right' },
    { key: 'scheduled', label: 'scheduled', align: 'right' },
    { key: 'staffed', label: 'staffed', align: 'right' },
    { key: 'predSl', label: 'Erlang SL', align: 'right' },
    ...(ea ? [{ key: 'predAb', label: 'Erlang abandon', align: 'right' } as const] : []),
    { key: 'extra', label: 'cost +1 pt', align: 'right' },
  ];
  const rows = p.rows.map((r) => ({
    interval:
      r.intervalStart && repeated.has(r.intervalStart)
        ? `${r.intervalStart} (UTC${(r.utcOffsetMinutes ?? 0) >= 0 ? '+' : ''}${(r.utcOffsetMinutes ?? 0) / 60})`
        : r.intervalStart,
    weekday: WEEKDAYS[r.weekday - 1],
    slot: r.slot,
    volume: en(r.volume, profile ? 1 : 0),
    aht: r.ahtSeconds === null ? NONE : `${en(r.ahtSeconds, 0)} s${r.ahtFromPeriod ? '*' : ''}`,
    obsSl: pct(r.observedServiceLevel),
    obsAb: pct(r.observedAbandonRate),
    required: r.requiredAgents ?? NONE,
    scheduled: r.scheduledAgents ?? NONE,
    staffed:
      r.staffedAgents === null
        ? NONE
        : en(r.staffedAgents, Number.isInteger(r.staffedAgents) ? 0 : 1),
    predSl: pct(r.predictedServiceLevel),
    predAb: pct(r.predictedAbandonRate),
    extra: money(r.extraPointCost, p.currency),
  }));
  const lines = planFooter(p);
  if (format === 'markdown')
    return `${renderMarkdown(columns, rows)}\n${lines.map((l) => `- ${l}`).join('\n')}\n`;
  return `${renderTable(columns, rows)}\n${lines.join('\n')}\n`;
}

function planFooter(p: IntervalPlanResult): string[] {
  const m = (v: number | null) => money(v, p.currency);
  const t = p.totals;
  const hours = (v: number | null) => (v === null ? NONE : `${en(v, 1)} agent-hours`);
  const filters = Object.entries(p.filters)
    .map(([k, v]) => `${k}=${(v ?? []).join(',')}`)
    .join(' ');
  const patience =
    p.patienceSeconds === null
      ? ''
      : `; patience θ ${en(p.patienceSeconds, 1)} s${p.patienceEstimated ? ' (waiting time of all offered / abandons)' : ''}`;
  const lines = [
    `model ${modelText(p.model === 'erlang-a' ? p.patienceSeconds : null)}; target ${targetText(p.target)}; shrinkage ${pct(p.shrinkage)}; occupancy cap ${pct(p.maxOccupancy)}; rate ${m(p.hourlyRate)}/h where the staffing table gives none${patience}`,
    `period ${p.period.from ?? NONE} – ${p.period.to ?? NONE} (time zone ${p.period.timezone}); ${p.intervalMinutes}-minute intervals${p.mode === 'weekday-profile' ? ', typical week (mean per weekday and slot)' : ''}${filters ? `; filters ${filters}` : ''}; engine ${p.engine}`,
    `obs SL: ${p.slVariant} at T = ${p.target.thresholdSeconds} s; Erlang SL: answered within T / offered with the staffed agents × (1 − shrinkage); AHT* = AHT of the whole period; cost +1 pt: raising the target one point (0 where the required agents already reach it)`,
    `totals${p.mode === 'weekday-profile' ? ' per typical week' : ''}: required ${hours(t.requiredAgentHours)} (${m(t.requiredCost)}); staffed ${hours(t.staffedAgentHours)} (${m(t.staffedCost)}) over ${t.intervalsWithPlan} of ${t.intervals} intervals, where required is ${hours(t.requiredAgentHoursPlanned)} (${m(t.requiredCostPlanned)}); one more SL point: ${m(t.extraPointCost)}`,
  ];
  if (p.warnings.length) lines.push(`warnings: ${p.warnings.join('; ')}`);
  return lines;
}

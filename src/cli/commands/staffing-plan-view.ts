// `cxkpi staffing --plan`: the plan per interval (typical week, or day for a backlog) as a table
// with a footer of its assumptions, or flat rows for JSON/CSV; `--by-queue` shows every queue's
// own rows. Limits: English labels; SL and rates in percent in JSON/CSV.

import { NONE } from '../../metrics/format.ts';
import type { IntervalPlanResult, PlannedInterval, QueuePlan } from '../../staffing/index.ts';
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
  'queue',
  'utc_offset_minutes',
  'weekday',
  'slot',
  'days',
  'volume',
  'offered',
  'answered',
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
  'on_duty_agents',
  'productive_agents',
  'predicted_sl',
  'predicted_asa_s',
  'predicted_abandon_rate',
  'hourly_rate',
  'required_cost',
  'staffed_cost',
  'extra_point_cost',
  'marginal_cost_per_point',
] as const;

/** One plan row for JSON and CSV: unrounded, SL and abandon rates in percent, seconds. */
function flatRow(r: PlannedInterval): Record<(typeof PLAN_KEYS)[number], Cell> {
  return {
    interval_start: r.intervalStart,
    queue: r.queue,
    utc_offset_minutes: r.utcOffsetMinutes,
    weekday: r.weekday,
    slot: r.slot,
    days: r.days,
    volume: r.volume,
    offered: r.offered,
    answered: r.answered,
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
    on_duty_agents: r.onDutyAgents,
    productive_agents: r.productiveAgents,
    predicted_sl: pctOut(r.predictedServiceLevel),
    predicted_asa_s: finite(r.predictedAsaSeconds),
    predicted_abandon_rate: pctOut(r.predictedAbandonRate),
    hourly_rate: r.hourlyRate,
    required_cost: r.requiredCost,
    staffed_cost: r.staffedCost,
    extra_point_cost: r.extraPointCost,
    marginal_cost_per_point: r.marginalCostPerPoint,
  };
}

const flatQueue = (q: QueuePlan) => {
  const { rows, target, ...rest } = q;
  return { ...rest, target: targetText(target), rows: rows.map(flatRow) };
};

/** `byQueue`: every queue's own rows (tables show a queue column) instead of their sum. */
export function renderPlan(p: IntervalPlanResult, format: Format, byQueue = false): string {
  const meta = {
    model: p.model,
    mode: p.mode,
    target: targetText(p.target),
    timezone: p.period.timezone,
  };
  const shown = byQueue ? p.queues.flatMap((q) => q.rows) : p.rows;
  if (format === 'csv') {
    const rows = shown.map((r) => ({ ...flatRow(r), ...meta }));
    return renderCsv([...PLAN_KEYS, ...Object.keys(meta)], rows);
  }
  if (format === 'ndjson') return renderNdjson(shown.map((r) => ({ ...flatRow(r), ...meta })));
  if (format === 'json') {
    const { rows, target, queues, ...rest } = p;
    return renderJson({
      ...rest,
      target: targetText(target),
      rows: rows.map(flatRow),
      queues: queues.map(flatQueue),
    });
  }
  const profile = p.mode === 'weekday-profile' && p.grain === 'interval';
  const daily = p.grain === 'day';
  const ea = p.model === 'erlang-a';
  const repeated = new Set(
    shown
      .map((r) => `${r.queue}|${r.intervalStart}`)
      .filter((s, i, all) => !s.endsWith('|null') && all.indexOf(s) !== i),
  );
  const columns: Column[] = [
    ...(profile
      ? [
          { key: 'weekday', label: 'weekday' },
          { key: 'slot', label: 'slot' },
        ]
      : [{ key: 'interval', label: daily ? 'day' : 'interval' }]),
    ...(byQueue ? [{ key: 'queue', label: 'queue' }] : []),
    { key: 'volume', label: profile ? 'volume/day' : 'volume', align: 'right' },
    { key: 'aht', label: 'AHT', align: 'right' },
    { key: 'obsSl', label: 'obs SL', align: 'right' },
    ...(ea && !daily ? [{ key: 'obsAb', label: 'obs abandon', align: 'right' } as const] : []),
    { key: 'required', label: 'required', align: 'right' },
    { key: 'scheduled', label: 'scheduled', align: 'right' },
    { key: 'staffed', label: 'staffed', align: 'right' },
    { key: 'onDuty', label: 'on duty', align: 'right' },
    { key: 'predSl', label: daily ? 'predicted SL' : 'Erlang SL', align: 'right' },
    ...(ea && !daily ? [{ key: 'predAb', label: 'Erlang abandon', align: 'right' } as const] : []),
    daily
      ? ({ key: 'extra', label: 'cost +1 pt', align: 'right' } as const)
      : ({ key: 'marginal', label: 'next agent/pt', align: 'right' } as const),
  ];
  const agents = (v: number | null) => (v === null ? NONE : en(v, Number.isInteger(v) ? 0 : 1));
  // Closed intervals (nobody offered, nobody staffed) only lengthen a table; JSON and CSV keep them.
  const open = shown.filter((r) => r.volume > 0 || (r.staffedAgents ?? 0) > 0);
  const rows = open.map((r) => ({
    interval: repeated.has(`${r.queue}|${r.intervalStart}`)
      ? `${r.intervalStart} (UTC${(r.utcOffsetMinutes ?? 0) >= 0 ? '+' : ''}${(r.utcOffsetMinutes ?? 0) / 60})`
      : r.intervalStart,
    queue: r.queue ?? NONE,
    weekday: WEEKDAYS[r.weekday - 1],
    slot: r.slot,
    volume: en(r.volume, profile ? 1 : 0),
    aht:
      r.ahtSeconds === null
        ? NONE
        : `${en(r.ahtSeconds, 0)} s${r.ahtFromPeriod && !daily ? '*' : ''}`,
    obsSl: pct(r.observedServiceLevel),
    obsAb: pct(r.observedAbandonRate),
    required: r.requiredAgents ?? NONE,
    scheduled: r.scheduledAgents ?? NONE,
    staffed: agents(r.staffedAgents),
    onDuty: agents(r.onDutyAgents),
    predSl: pct(r.predictedServiceLevel),
    predAb: pct(r.predictedAbandonRate),
    extra: money(r.extraPointCost, p.currency),
    marginal: money(r.marginalCostPerPoint, p.currency),
  }));
  const lines = planFooter(p);
  if (open.length < shown.length) {
    lines.push(`${shown.length - open.length} rows without contacts or agents are not shown`);
  }
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
  const queues = p.queues
    .map((q) => {
      const model =
        q.kind === 'backlog'
          ? `backlog per day, ${targetText(q.target)}`
          : q.model === 'erlang-a'
            ? `Erlang A, patience θ ${en(q.patienceSeconds ?? 0, 1)} s${q.patienceEstimated ? ' (waiting time of all offered / abandons)' : ''}`
            : 'Erlang C';
      return `${q.queue ?? '(no queue)'} ${model}`;
    })
    .join('; ');
  const week = p.mode === 'weekday-profile' && p.grain === 'interval' ? ' per typical week' : '';
  const lines = [
    `model ${p.grain === 'day' ? 'backlog (FIFO, per day)' : modelText(p.model === 'erlang-a' ? 1 : null)}; target ${targetText(p.target)}; shrinkage ${pct(p.shrinkage)}; occupancy cap ${pct(p.maxOccupancy)}; rate ${m(p.hourlyRate)}/h where the staffing table gives none`,
    `queues planned apart (their agents do not help each other): ${queues || NONE}`,
    `period ${p.period.from ?? NONE} – ${p.period.to ?? NONE} (time zone ${p.period.timezone}); ${p.grain === 'day' ? 'days' : `${p.intervalMinutes}-minute intervals`}${week ? ', typical week (mean per weekday and slot)' : ''}${filters ? `; filters ${filters}` : ''}; engine ${p.engine}`,
    p.grain === 'day'
      ? `obs SL: ${p.slVariant} at T = ${p.target.thresholdSeconds} s, by day of arrival; required: agents on duty over the opening hours so the target share is answered within T, oldest first; predicted SL: the share the agents on duty reach`
      : `obs SL: ${p.slVariant} at T = ${p.target.thresholdSeconds} s; Erlang SL: answered within T / offered with the agents on duty (where the staffing table gives them, else staffed × (1 − shrinkage)); AHT* = AHT of the whole period; next agent/pt: what one more agent on contacts costs per SL point it adds`,
    `totals${week}: required ${hours(t.requiredAgentHours)} (${m(t.requiredCost)}) over ${t.intervals} ${p.grain === 'day' ? 'days' : 'intervals'}; where the staffing table has a plan (${t.intervalsWithPlan}): required ${hours(t.requiredAgentHoursPlanned)} (${m(t.requiredCostPlanned)}), staffed ${hours(t.staffedAgentHours)} (${m(t.staffedCost)}); raising the target one point: ${m(t.extraPointCost)}`,
  ];
  if (p.warnings.length) lines.push(`warnings: ${p.warnings.join('; ')}`);
  return lines;
}

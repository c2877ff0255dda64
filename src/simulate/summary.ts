// What a simulation run reports: counts per entity, period, outcomes, agents, speed, peak memory.
// Limits: peak RSS is sampled per simulated day and batch.

import type { WriteSummary } from '../ingest/index.ts';
import type { Entity } from '../model/fields.ts';
import type { CoreRun } from './core.ts';
import type { EngineCounts } from './engine.ts';
import { addDays } from './local-time.ts';
import type { Scenario } from './scenario-schema.ts';

export interface SimulationSummary {
  readonly scenario: string;
  readonly seed: number;
  readonly scale: number;
  readonly period: {
    readonly start: string;
    readonly end: string;
    readonly days: number;
    readonly timezone: string;
  };
  /** Records written per entity (plus staffing plan rows). */
  readonly counts: Readonly<Record<Entity | 'staffing', number>>;
  /** Contacts by outcome; `unfinished` were still waiting when the period ended (not written). */
  readonly outcomes: {
    readonly offered: number;
    readonly answered: number;
    readonly abandoned: number;
    readonly flowed_out: number;
    readonly unfinished: number;
  };
  /** People, and agents per interval: see `agentPeaks`. */
  readonly agents: AgentPeaks;
  /** Import ids in the workspace's import log. */
  readonly imports: Readonly<Partial<Record<Entity, string>>>;
  /** Event-loop runs over the period (1 unless cases and surveys did not fit in memory). */
  readonly passes: number;
  readonly wall_seconds: number;
  /** Of which planning, the event loop and making records (the rest is the write path). */
  readonly simulate_seconds: number;
  readonly contacts_per_second: number;
  readonly peak_rss_mb: number;
}

export interface SummaryInput {
  readonly scenario: Scenario;
  readonly run: CoreRun;
  readonly scale: number;
  readonly seed: number;
  readonly imports: Partial<Record<Entity, WriteSummary>>;
  readonly counts: EngineCounts;
  readonly people: number;
  readonly passes: number;
  readonly wallSeconds: number;
  readonly simulateSeconds: number;
  readonly peakRss: number;
}

export function summarise(x: SummaryInput): SimulationSummary {
  const n = (e: Entity) => x.imports[e]?.read ?? 0;
  const ids: Partial<Record<Entity, string>> = {};
  for (const [e, s] of Object.entries(x.imports)) ids[e as Entity] = s.importId;
  return {
    scenario: x.scenario.name,
    seed: x.seed,
    scale: x.scale,
    period: {
      start: x.scenario.start,
      end: addDays(x.scenario.start, x.scenario.days - 1),
      days: x.scenario.days,
      timezone: x.scenario.timezone,
    },
    counts: {
      contacts: n('contacts'),
      cases: n('cases'),
      surveys: n('surveys'),
      costs: n('costs'),
      staffing: n('staffing'),
    },
    outcomes: {
      offered: x.counts.offered,
      answered: x.counts.answered,
      abandoned: x.counts.abandoned,
      flowed_out: x.counts.flowedOut,
      unfinished: x.counts.dropped,
    },
    agents: { people: x.people, ...agentPeaks(x.run) },
    imports: ids,
    passes: x.passes,
    wall_seconds: round(x.wallSeconds, 2),
    simulate_seconds: round(x.simulateSeconds, 2),
    contacts_per_second: Math.round(n('contacts') / x.wallSeconds),
    peak_rss_mb: Math.round(x.peakRss / 2 ** 20),
  };
}

export interface AgentPeaks {
  readonly people: number;
  /**
   * The typical weekday peak: per working weekday (Monday–Friday, not a holiday) the most agents
   * on duty (present, not on a break) in one interval, all queues together; the median of those.
   */
  readonly weekday_peak_on_duty: number;
  /** The same for agents scheduled (paid: breaks and absent shifts included). */
  readonly weekday_peak_scheduled: number;
  /** The most agents scheduled in any one interval of the period (a special day, say). */
  readonly max_scheduled: number;
}

function agentPeaks(run: CoreRun): Omit<AgentPeaks, 'people'> {
  const dailyMax = (plan: readonly (readonly Float64Array[])[]) =>
    plan.map((day) => {
      let peak = 0;
      for (let i = 0; i < (day[0]?.length ?? 0); i++) {
        let sum = 0;
        for (const q of day) sum += q[i]!;
        peak = Math.max(peak, sum);
      }
      return peak;
    });
  const working = run.cal.days.map((d) => d.weekday < 5 && d.holiday === null);
  const median = (v: readonly number[]) => {
    const w = v.filter((_, d) => working[d]).sort((a, b) => a - b);
    return w.length === 0 ? 0 : round((w[(w.length - 1) >> 1]! + w[w.length >> 1]!) / 2, 1);
  };
  const scheduled = dailyMax(run.plan.staffed);
  return {
    weekday_peak_on_duty: median(dailyMax(run.plan.onDuty)),
    weekday_peak_scheduled: median(scheduled),
    max_scheduled: Math.max(0, ...scheduled),
  };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

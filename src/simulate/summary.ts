// What a simulation run reports (counts per entity, period, speed, peak memory) and the workspace
// settings it sets from the scenario. Limits: peak RSS is sampled per simulated day and batch.

import type { WriteSummary } from '../ingest/index.ts';
import type { Entity } from '../model/fields.ts';
import type { Workspace } from '../workspace/workspace.ts';
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
  /** People with planned shifts, and the most agents scheduled in one interval. */
  readonly agents: { readonly people: number; readonly peak_interval: number };
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
  readonly staffingRows: number;
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
      staffing: x.staffingRows,
    },
    outcomes: {
      offered: x.counts.offered,
      answered: x.counts.answered,
      abandoned: x.counts.abandoned,
      flowed_out: x.counts.flowedOut,
      unfinished: x.counts.dropped,
    },
    agents: { people: x.people, peak_interval: peakInterval(x.run) },
    imports: ids,
    passes: x.passes,
    wall_seconds: round(x.wallSeconds, 2),
    simulate_seconds: round(x.simulateSeconds, 2),
    contacts_per_second: Math.round(n('contacts') / x.wallSeconds),
    peak_rss_mb: Math.round(x.peakRss / 2 ** 20),
  };
}

/** The most agents scheduled in any one interval, all queues together. */
function peakInterval(run: CoreRun): number {
  let peak = 0;
  for (const day of run.plan.staffed) {
    const n = day[0]?.length ?? 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (const q of day) sum += q[i]!;
      if (sum > peak) peak = sum;
    }
  }
  return peak;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The workspace reads local days, currency and SL thresholds as the scenario meant them. */
export async function applySettings(ws: Workspace, scenario: Scenario): Promise<void> {
  const s = await ws.settings();
  const byChannel = { ...s.service_level.threshold_s_by_channel };
  for (const [ch, cfg] of Object.entries(scenario.channels)) {
    if (cfg.threshold_s !== undefined) byChannel[ch as keyof typeof byChannel] = cfg.threshold_s;
  }
  const interval = scenario.interval_minutes;
  await ws.saveSettings({
    ...s,
    timezone: scenario.timezone,
    currency: scenario.currency,
    service_level: { ...s.service_level, threshold_s_by_channel: byChannel },
    staffing: {
      ...s.staffing,
      ...(interval === 15 || interval === 30 ? { interval_minutes: interval } : {}),
    },
  });
}

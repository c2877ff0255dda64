// What the dashboard knows about KPIs beyond /definitions: the goal table of KPIS.md, the
// relation each KPI reads (for drill-down URLs) and the order of tiles.
// Limits: mirrors src/metrics (kept in step by hand; /definitions wins where it says more).

import type { KpiDefinitionInfo, KpiId } from './types.ts';

export type GoalId = 'loyalty' | 'quality' | 'reachability' | 'other';

export const GOAL_KPIS: Readonly<Record<GoalId, readonly KpiId[]>> = {
  loyalty: ['nps', 'ces', 'ces_positive'],
  quality: ['csat', 'fcr', 'reopen_rate'],
  reachability: ['service_level', 'asa', 'aht', 'abandon_rate', 'cost_per_resolution'],
  other: ['time_to_resolution'],
};
/** Reachability first (the daily rhythm), and resolution next to quality, which it explains. */
export const GOALS: readonly GoalId[] = ['reachability', 'quality', 'other', 'loyalty'];

export const ALL_KPIS: readonly KpiId[] = GOALS.flatMap((g) => GOAL_KPIS[g]);

/** Contact KPIs whose meaning differs most by channel (seconds on voice, hours on e-mail). */
export const CHANNEL_SPLIT_KPIS: readonly KpiId[] = ['service_level', 'asa', 'aht', 'abandon_rate'];

/**
 * The KPIs the pages show as period totals: all but the split ones that lead with a channel
 * (channel-split.ts). SL stays: its headline is the all-channel figure. Asking for ASA and AHT
 * over all channels would cost their percentiles over every contact for a figure nobody reads.
 */
export const TOTAL_KPIS: readonly KpiId[] = ALL_KPIS.filter(
  (k) => k === 'service_level' || !CHANNEL_SPLIT_KPIS.includes(k),
);

type Source = 'contacts' | 'cases' | 'surveys';

const SOURCE: Readonly<Record<KpiId, Source>> = {
  nps: 'surveys',
  csat: 'surveys',
  ces: 'surveys',
  ces_positive: 'surveys',
  fcr: 'cases',
  reopen_rate: 'cases',
  time_to_resolution: 'cases',
  cost_per_resolution: 'cases',
  service_level: 'contacts',
  asa: 'contacts',
  aht: 'contacts',
  abandon_rate: 'contacts',
};

/** The rows endpoint behind a KPI: the definition's `source` when the API gives it. */
export const sourceOf = (kpi: KpiId, def?: KpiDefinitionInfo): Source => def?.source ?? SOURCE[kpi];

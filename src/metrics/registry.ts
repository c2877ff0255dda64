// The registry of built-in KPIs and the goal table of KPIS.md. Unknown ids throw: never a
// silent fallback.

import { abandonRate } from './kpis/abandon-rate.ts';
import { aht } from './kpis/aht.ts';
import { asa } from './kpis/asa.ts';
import { ces, cesPositive } from './kpis/ces.ts';
import { costPerResolution } from './kpis/cost-per-resolution.ts';
import { csat } from './kpis/csat.ts';
import { fcr } from './kpis/fcr.ts';
import { nps } from './kpis/nps.ts';
import { reopenRate } from './kpis/reopen-rate.ts';
import { serviceLevel } from './kpis/service-level.ts';
import { timeToResolution } from './kpis/time-to-resolution.ts';
import { KPI_IDS, type KpiDefinition, type KpiId } from './types.ts';
import { UserError } from '../errors.ts';

export const KPIS: Readonly<Record<KpiId, KpiDefinition>> = {
  nps,
  csat,
  ces,
  ces_positive: cesPositive,
  fcr,
  service_level: serviceLevel,
  asa,
  aht,
  abandon_rate: abandonRate,
  reopen_rate: reopenRate,
  time_to_resolution: timeToResolution,
  cost_per_resolution: costPerResolution,
};

export const GOALS = {
  loyalty: { kpis: ['nps', 'ces', 'ces_positive'], why: 'predict retention and recommendation' },
  quality: { kpis: ['csat', 'fcr', 'reopen_rate'], why: 'direct satisfaction and efficiency' },
  reachability: {
    kpis: ['service_level', 'asa', 'aht', 'abandon_rate', 'cost_per_resolution'],
    why: 'resources and budget',
  },
} as const satisfies Record<string, { kpis: readonly KpiId[]; why: string }>;
export type Goal = keyof typeof GOALS;

/**
 * The KPIs asked for: `kpis` and those of `goal`, each once; undefined (all) when neither. The
 * CLI passes its ids unchecked (the query schema judges them), the API checked ones.
 */
export function kpisWithGoal<T extends string>(
  kpis: readonly T[] | undefined,
  goal: Goal | undefined,
): (T | KpiId)[] | undefined {
  if (!kpis?.length && !goal) return undefined;
  return [...new Set([...(kpis ?? []), ...(goal ? GOALS[goal].kpis : [])])];
}

export function isKpiId(id: string): id is KpiId {
  return (KPI_IDS as readonly string[]).includes(id);
}

export function getKpi(id: string): KpiDefinition {
  if (!isKpiId(id)) {
    throw new UserError('UNKNOWN_KPI', `Unknown KPI "${id}".`, {
      fix: `Use one of: ${KPI_IDS.join(', ')}.`,
    });
  }
  return KPIS[id];
}

// Reads the staffing plan's rows whatever the server calls their fields (snake_case or
// camelCase, a few synonyms), into StaffingRow. Limits: a service level given as a fraction
// (all values ≤ 1) is turned into percent.

import type { DataRow, StaffingRow } from './types.ts';

const FIELDS: Readonly<Record<keyof StaffingRow, readonly string[]>> = {
  start: ['intervalStart', 'interval_start', 'start', 'interval'],
  volume: ['volume', 'offered', 'observed_volume', 'observedVolume', 'contacts'],
  ahtS: ['ahtSeconds', 'aht_s', 'aht_seconds', 'aht'],
  // Paid headcount (after shrinkage) is what compares with the agents staffed.
  required: [
    'scheduledAgents',
    'scheduled_agents',
    'agents_required',
    'agentsRequired',
    'required_agents',
    'requiredAgents',
    'required',
  ],
  staffed: ['staffedAgents', 'staffed_agents', 'agents_staffed', 'agentsStaffed', 'staffed'],
  predictedSl: ['predictedServiceLevel', 'predicted_service_level', 'predicted_sl', 'predictedSl'],
  costPerPoint: [
    'extraPointCost',
    'extra_point_cost',
    'cost_per_extra_sl_point',
    'costPerExtraSlPoint',
    'marginalCostPerPoint',
  ],
};

function read(r: DataRow, names: readonly string[]): unknown {
  for (const n of names) if (n in r) return r[n];
  return null;
}

const num = (v: unknown): number | null =>
  v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);

export function staffingRows(rows: readonly DataRow[]): StaffingRow[] {
  const out = rows.map((r) => ({
    start: String(read(r, FIELDS.start) ?? ''),
    volume: num(read(r, FIELDS.volume)),
    ahtS: num(read(r, FIELDS.ahtS)),
    required: num(read(r, FIELDS.required)),
    staffed: num(read(r, FIELDS.staffed)),
    predictedSl: num(read(r, FIELDS.predictedSl)),
    costPerPoint: num(read(r, FIELDS.costPerPoint)),
  }));
  const sls = out.map((r) => r.predictedSl).filter((v): v is number => v !== null);
  const fraction = sls.length > 0 && sls.every((v) => v <= 1);
  return fraction
    ? out.map((r) => ({ ...r, predictedSl: r.predictedSl === null ? null : r.predictedSl * 100 }))
    : out;
}

/** The plan's totals over the period (GET /api/v1/staffing → totals). */
export interface StaffingTotals {
  readonly requiredAgentHours?: number | null;
  readonly requiredCost?: number | null;
  readonly staffedAgentHours?: number | null;
  readonly staffedCost?: number | null;
  readonly extraPointCost?: number | null;
}

export interface StaffingResponse {
  readonly rows: readonly DataRow[];
  readonly totals?: StaffingTotals;
  readonly model?: string;
  readonly shrinkage?: number;
  readonly currency?: string;
  readonly warnings?: readonly string[];
}

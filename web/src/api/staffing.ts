// Reads the staffing plan's rows whatever the server calls their fields (snake_case or
// camelCase, a few synonyms), into StaffingRow. Limits: a service level given as a fraction
// (all values ≤ 1) is turned into percent.

import type { DataRow, StaffingRow } from './types.ts';

const FIELDS: Readonly<Record<keyof StaffingRow, readonly string[]>> = {
  start: ['interval_start', 'intervalStart', 'start', 'interval'],
  volume: ['volume', 'offered', 'observed_volume', 'observedVolume', 'contacts'],
  ahtS: ['aht_s', 'ahtSeconds', 'aht_seconds', 'aht'],
  required: ['agents_required', 'agentsRequired', 'required_agents', 'requiredAgents', 'required'],
  staffed: ['agents_staffed', 'agentsStaffed', 'staffed_agents', 'staffedAgents', 'staffed'],
  predictedSl: ['predicted_sl', 'predictedSl', 'predicted_service_level', 'predictedServiceLevel', 'service_level'],
  costPerPoint: ['cost_per_extra_sl_point', 'costPerExtraSlPoint', 'cost_per_sl_point', 'marginal_cost_per_point', 'marginalCostPerPoint'],
};

function read(r: DataRow, names: readonly string[]): unknown {
  for (const n of names) if (n in r) return r[n];
  return null;
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

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
  return fraction ? out.map((r) => ({ ...r, predictedSl: r.predictedSl === null ? null : r.predictedSl * 100 })) : out;
}

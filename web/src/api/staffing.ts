// Reads the staffing plan's rows whatever the server calls their fields (snake_case or
// camelCase, a few synonyms), into StaffingRow, with service levels in percent. Limits: older
// servers sent fractions; the target's SL (never ≤ 1 %) tells which one a response uses.

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

/** 100 when the response gives ratios as fractions (older servers), 1 when in percent. */
export function percentFactor(res: StaffingResponse | null): number {
  const sl = res?.target?.sl;
  return sl !== undefined && sl <= 1 ? 100 : 1;
}

export function staffingRows(rows: readonly DataRow[], factor = 1): StaffingRow[] {
  return rows.map((r) => {
    const sl = num(read(r, FIELDS.predictedSl));
    return {
      start: String(read(r, FIELDS.start) ?? ''),
      volume: num(read(r, FIELDS.volume)),
      ahtS: num(read(r, FIELDS.ahtS)),
      required: num(read(r, FIELDS.required)),
      staffed: num(read(r, FIELDS.staffed)),
      predictedSl: sl === null ? null : sl * factor,
      costPerPoint: num(read(r, FIELDS.costPerPoint)),
    };
  });
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
  /** The SL target X/T the plan is for (X in percent; fraction on older servers). */
  readonly target?: { readonly sl: number; readonly thresholdSeconds: number };
  /** The filters the plan applied, e.g. { channel: ['voice'] }. */
  readonly filters?: Readonly<Record<string, readonly string[]>>;
  readonly totals?: StaffingTotals;
  readonly model?: string;
  /** Paid time not on contacts: percent (fraction on older servers, see percentFactor). */
  readonly shrinkage?: number;
  readonly currency?: string;
  readonly warnings?: readonly string[];
}

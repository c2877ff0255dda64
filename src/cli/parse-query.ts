// Turns CLI-style options (comma lists, key=value filters, a goal) into a validated KpiQuery.
// The HTTP API uses the same parser, so both say the same thing about a bad parameter.

import type { z } from 'zod';
import { DIMENSIONS, GRAINS, kpiQuerySchema, type KpiQuery } from '../engine/query.ts';
import { UserError } from '../errors.ts';
import { GOALS, kpisWithGoal, type Goal } from '../metrics/registry.ts';
import { overrideFromPairs } from '../metrics/settings-override.ts';
import { KPI_IDS } from '../metrics/types.ts';

export interface QueryOptions {
  readonly kpi?: readonly string[] | string;
  readonly by?: readonly string[] | string;
  readonly grain?: string;
  readonly from?: string;
  readonly to?: string;
  readonly filter?: readonly string[] | string;
  readonly goal?: string;
  readonly slot?: string | number;
  /** `setting=value` overrides for this query (`--set service_level.variant=answered-only`). */
  readonly set?: readonly string[] | string;
}

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  kpis: KPI_IDS,
  kpi: KPI_IDS,
  by: DIMENSIONS,
  grain: GRAINS,
  filters: DIMENSIONS,
  filter: DIMENSIONS,
  goal: Object.keys(GOALS),
  slotMinutes: ['15', '30', '60'],
};

const PARAMETER: Readonly<Record<string, string>> = {
  kpis: 'kpi',
  filters: 'filter',
  slotMinutes: 'slot',
};

const asArray = (v: readonly string[] | string): string[] => (typeof v === 'string' ? [v] : [...v]);

export function list(v: readonly string[] | string | undefined): string[] {
  if (v === undefined) return [];
  return (typeof v === 'string' ? [v] : v)
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);
}

export function parseQuery(o: QueryOptions): KpiQuery {
  if (o.goal !== undefined && !(o.goal in GOALS)) {
    throw invalid('goal', o.goal, 'is not a goal');
  }
  const kpis = kpisWithGoal(list(o.kpi), o.goal as Goal | undefined);
  const filters: Record<string, string[]> = {};
  const rawFilters =
    o.filter === undefined ? [] : typeof o.filter === 'string' ? [o.filter] : [...o.filter];
  for (const f of rawFilters) {
    const eq = f.indexOf('=');
    if (eq < 1) throw invalid('filter', f, 'must look like key=value');
    const key = f.slice(0, eq).trim();
    if (!(DIMENSIONS as readonly string[]).includes(key)) {
      throw invalid('filter', f, `${key} is not a dimension you can filter on`);
    }
    const values = f
      .slice(eq + 1)
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    filters[key] = [...(filters[key] ?? []), ...values];
  }
  const input = {
    kpis,
    by: list(o.by),
    grain: o.grain,
    from: o.from,
    to: o.to,
    filters,
    slotMinutes: o.slot === undefined ? undefined : Number(o.slot),
    settings: o.set === undefined ? undefined : overrideFromPairs(asArray(o.set), '--set'),
  };
  const parsed = kpiQuerySchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error, input);
  return parsed.data;
}

/** A zod issue as a UserError naming the parameter, the offending value and the allowed values. */
export function fromZod(error: z.ZodError, input: unknown = {}): UserError {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const field = String(path[0] ?? 'query');
  const parameter = PARAMETER[field] ?? field;
  const allowed = ALLOWED[field];
  let value: unknown = input;
  for (const p of path) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[p as PropertyKey]
        : undefined;
  }
  const shown = value === undefined || typeof value === 'object' ? '' : ` "${String(value)}"`;
  const why = allowed ? '' : `: ${issue?.message ?? 'invalid value'}`;
  const message = `Invalid ${parameter}${shown}${why}${allowed ? `. Allowed: ${allowed.join(', ')}` : ''}.`;
  return new UserError('INVALID_PARAMETER', message, {
    parameter,
    ...(shown ? { value: String(value) } : {}),
    ...(allowed ? { allowed } : {}),
  });
}

function invalid(parameter: string, value: string, why: string): UserError {
  const allowed = ALLOWED[parameter];
  return new UserError(
    'INVALID_PARAMETER',
    `Invalid ${parameter} "${value}": ${why}${allowed ? `. Allowed: ${allowed.join(', ')}` : ''}.`,
    { parameter, value, ...(allowed ? { allowed } : {}) },
  );
}

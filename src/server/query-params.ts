// Query parameters as they arrive on the wire (strings, repeated keys), as zod schemas that both
// validate requests and feed the OpenAPI document. Limits: shapes only; the engine re-validates.

import { z } from 'zod';
import {
  DIMENSIONS,
  GRAINS,
  type Dimension,
  type KpiQuery,
  type KpiQueryInput,
} from '../engine/index.ts';
import {
  defaultSettings,
  overrideFromPairs,
  withOverride,
  type KpiId,
  type SettingsOverride,
} from '../metrics/index.ts';
import { isUserError } from '../errors.ts';

/** A query parameter given once (a string) or repeated (an array of strings). */
const oneOrMany = z.union([z.string(), z.array(z.string())]);

const quoteAll = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');
const asList = (raw: string | string[]) => (Array.isArray(raw) ? raw : [raw]);
const splitCommas = (raw: string | string[]) =>
  asList(raw)
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** A comma-separated (or repeated) list of names, each one of `allowed`. */
export function nameList<T extends string>(param: string, allowed: readonly T[], what: string) {
  return oneOrMany
    .transform((raw, ctx) => {
      const items = splitCommas(raw);
      const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `Unknown ${what} ${quoteAll(bad)} in \`${param}\`. Allowed values: ${allowed.join(', ')}.`,
          params: { allowed },
        });
        return z.NEVER;
      }
      return [...new Set(items)] as T[];
    })
    .meta({ description: `Comma-separated list of: ${allowed.join(', ')}.` });
}

/** One value of `allowed`. */
export function oneOf<T extends string>(param: string, allowed: readonly T[]) {
  return z
    .string()
    .transform((raw, ctx) => {
      if ((allowed as readonly string[]).includes(raw)) return raw as T;
      ctx.addIssue({
        code: 'custom',
        message: `Invalid \`${param}\` "${raw}". Allowed values: ${allowed.join(', ')}.`,
        params: { allowed },
      });
      return z.NEVER;
    })
    .meta({ description: `One of: ${allowed.join(', ')}.`, enum: [...allowed] });
}

/** A local calendar day, YYYY-MM-DD, that exists. */
export function localDay(param: string) {
  return z
    .string()
    .transform((raw, ctx) => {
      const ok = /^\d{4}-\d{2}-\d{2}$/.test(raw) && isRealDay(raw);
      if (ok) return raw;
      ctx.addIssue({
        code: 'custom',
        message: `\`${param}\` must be a date as YYYY-MM-DD (got "${raw}").`,
      });
      return z.NEVER;
    })
    .meta({ description: 'A local day (workspace time zone) as YYYY-MM-DD.', format: 'date' });
}

function isRealDay(day: string): boolean {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === day;
}

/** A whole number between min and max, given as a string. */
export function intParam(param: string, min: number, max: number) {
  return z
    .string()
    .transform((raw, ctx) => {
      const n = Number(raw);
      if (/^\d+$/.test(raw) && n >= min && n <= max) return n;
      ctx.addIssue({
        code: 'custom',
        message: `\`${param}\` must be a whole number from ${min} to ${max} (got "${raw}").`,
      });
      return z.NEVER;
    })
    .meta({ description: `A whole number from ${min} to ${max}.` });
}

/** `dimension=value` pairs; `listValues` lets a value list use commas (filters, not groups). */
export function pairs<K extends string>(
  param: string,
  keys: readonly K[],
  { listValues }: { listValues: boolean },
) {
  const shape = listValues ? 'dimension=value[,value…]' : 'dimension=value';
  return oneOrMany
    .transform((raw, ctx) => {
      const out: Partial<Record<K, string[]>> = {};
      for (const item of asList(raw)) {
        const eq = item.indexOf('=');
        const key = (eq < 0 ? '' : item.slice(0, eq).trim()) as K;
        const value = eq < 0 ? '' : item.slice(eq + 1);
        if (eq <= 0) {
          ctx.addIssue({
            code: 'custom',
            message: `\`${param}\` must look like ${shape} (got "${item}"). Allowed dimensions: ${keys.join(', ')}.`,
            params: { allowed: keys },
          });
        } else if (!keys.includes(key)) {
          ctx.addIssue({
            code: 'custom',
            message: `Unknown dimension "${key}" in \`${param}\`. Allowed dimensions: ${keys.join(', ')}.`,
            params: { allowed: keys },
          });
        } else {
          const values = listValues ? splitCommas(value) : [value];
          if (listValues && values.length === 0) {
            ctx.addIssue({
              code: 'custom',
              message: `\`${param}\` ${key} needs at least one value (${shape}).`,
            });
          }
          out[key] = [...(out[key] ?? []), ...values];
        }
      }
      return out;
    })
    .meta({
      description: `Repeatable ${shape}; dimensions: ${keys.join(', ')}.`,
    });
}

/**
 * Repeatable `set=setting=value`: settings for this query only, named by dotted path as
 * `cxkpi config get` names them. Checked against the settings schema here, so a bad one is a 400
 * naming the setting.
 */
export function settingOverrides(param: string) {
  return oneOrMany
    .transform((raw, ctx) => {
      try {
        const override = overrideFromPairs(asList(raw), param);
        withOverride(defaultSettings(), override);
        return override;
      } catch (e) {
        if (!isUserError(e)) throw e;
        const { fix, allowed } = e.location;
        ctx.addIssue({
          code: 'custom',
          message: `\`${param}\`: ${e.message}${fix ? ` ${fix}` : ''}`,
          params: { allowed },
        });
        return z.NEVER;
      }
    })
    .meta({
      description:
        'Repeatable setting=value, a setting for this query only (the path `cxkpi config get` shows), e.g. service_level.variant=answered-only. Values are JSON when they parse, else text.',
    });
}

export const SLOT_MINUTES = ['15', '30', '60'] as const;
export const COMPARE = ['previous-period'] as const;
export const GROUP_KEYS = [...DIMENSIONS, 'period'] as const;
export type GroupKey = Dimension | 'period';

/** Parameters shared by /kpis and the drill-down routes: period, filters, grain, slot size. */
export const scopeParams = {
  from: localDay('from').optional(),
  to: localDay('to').optional(),
  filter: pairs('filter', DIMENSIONS, { listValues: true }).optional(),
  grain: oneOf('grain', GRAINS).optional(),
  slot: oneOf('slot', SLOT_MINUTES).optional(),
  by: nameList('by', DIMENSIONS, 'dimension').optional(),
  compare: oneOf('compare', COMPARE).optional().meta({
    description:
      'previous-period: also the period just before, of equal length in days, in `previous` (values, n and counts; no percentiles).',
  }),
};

/** `percentiles=false`: leave out p50/p90/p95 (a trend that only draws values). */
export const percentilesParam = oneOf('percentiles', ['true', 'false'] as const)
  .optional()
  .meta({ description: 'false leaves out p50/p90/p95 (cheaper; for trends). Default true.' });

/** `from` not after `to`; `compare` needs both (when `compare` is part of the route). */
export function checkPeriod(
  q: { from?: string | undefined; to?: string | undefined; compare?: string | undefined },
  ctx: z.RefinementCtx,
  { compareUsed }: { compareUsed: boolean },
): void {
  if (q.from && q.to && q.from > q.to) {
    ctx.addIssue({
      code: 'custom',
      path: ['from'],
      message: `\`from\` (${q.from}) must not be after \`to\` (${q.to}).`,
    });
  }
  if (compareUsed && q.compare && (!q.from || !q.to)) {
    ctx.addIssue({
      code: 'custom',
      path: ['compare'],
      message: '`compare=previous-period` needs both `from` and `to` (YYYY-MM-DD).',
      params: { allowed: COMPARE },
    });
  }
}

/** The engine's KpiQueryInput from validated wire parameters. */
export function toKpiQueryInput(
  q: {
    from?: string | undefined;
    to?: string | undefined;
    filter?: Partial<Record<Dimension, string[]>> | undefined;
    grain?: (typeof GRAINS)[number] | undefined;
    slot?: (typeof SLOT_MINUTES)[number] | undefined;
    by?: Dimension[] | undefined;
    set?: SettingsOverride | undefined;
    percentiles?: 'true' | 'false' | undefined;
  },
  kpis?: readonly KpiId[],
): KpiQueryInput {
  return {
    ...(q.set ? { settings: q.set } : {}),
    ...(kpis && kpis.length > 0 ? { kpis: [...kpis] } : {}),
    by: q.by ?? [],
    ...(q.grain ? { grain: q.grain } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    filters: q.filter ?? {},
    ...(q.slot ? { slotMinutes: Number(q.slot) as 15 | 30 | 60 } : {}),
    ...(q.percentiles === 'false' ? { percentiles: false } : {}),
  };
}

/**
 * The other way: a checked query as /api/v1/kpis parameters, for a client of the API (the CLI
 * while a server owns the workspace). `slot` only when asked; settings as their `set=` pairs.
 */
export function kpiQueryParams(
  q: KpiQuery,
  o: { readonly slot?: boolean; readonly set?: readonly string[] } = {},
): [string, string][] {
  const p: [string, string][] = [];
  if (q.kpis.length) p.push(['kpi', q.kpis.join(',')]);
  if (q.by.length) p.push(['by', q.by.join(',')]);
  if (q.grain) p.push(['grain', q.grain]);
  if (q.from) p.push(['from', q.from]);
  if (q.to) p.push(['to', q.to]);
  for (const [dim, values] of Object.entries(q.filters)) {
    if (values?.length) p.push(['filter', `${dim}=${values.join(',')}`]);
  }
  if (o.slot) p.push(['slot', String(q.slotMinutes)]);
  for (const pair of o.set ?? []) p.push(['set', pair]);
  return p;
}

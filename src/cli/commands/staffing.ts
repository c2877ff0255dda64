// `cxkpi staffing`: agents for an SL target from a forecast (the quick question), or the plan per
// interval from the workspace's own history (`--plan`). Limits: flag parsing here, views beside.

import type { Command } from 'commander';
import { UserError } from '../../errors.ts';
import type { WorkspaceSettings } from '../../metrics/settings.ts';
import {
  defaultTarget,
  intervalPlan,
  type ServiceTarget,
  type StaffingModel,
} from '../../staffing/index.ts';
import { collect, pickFormat, withWorkspace, type Ctx } from '../context.ts';
import { parseQuery } from '../parse-query.ts';
import { readSettings } from '../via-server.ts';
import { renderPlan } from './staffing-plan-view.ts';
import { quickAnswer, renderQuick, type QuickOptions } from './staffing-quick.ts';

export interface StaffingFlags {
  plan?: boolean;
  volume?: string;
  interval?: string;
  aht?: string;
  target?: string;
  shrinkage?: string;
  maxOccupancy?: string;
  patience?: string;
  hourlyRate?: string;
  model?: string;
  from?: string;
  to?: string;
  filter?: string[];
  profile?: boolean;
  byQueue?: boolean;
  format?: string;
}

const QUICK_ONLY = ['volume', 'aht'] as const;
const PLAN_ONLY = ['from', 'to', 'filter', 'profile', 'byQueue'] as const;

export function registerStaffing(program: Command, ctx: Ctx): void {
  program
    .command('staffing')
    .description(
      'Agents needed for an SL target (Erlang C / A) and the cost of each extra SL point',
    )
    .option('--volume <n>', 'quick question: contacts arriving in the interval')
    .option('--aht <duration>', 'quick question: average handle time (180, 180s, 3m)')
    .option('--interval <duration>', 'interval length (30m, 15m; --plan: 15m or 30m)')
    .option('--target <X/T>', 'service-level target, e.g. 80/20 (default: workspace settings)')
    .option('--shrinkage <fraction>', 'share of paid time off contacts, e.g. 0.3 or 30%')
    .option('--max-occupancy <fraction>', 'occupancy cap, e.g. 0.9 or 90%')
    .option('--patience <duration>', 'mean patience θ: switches to Erlang A (e.g. 60, 2m)')
    .option('--hourly-rate <amount>', 'cost of a paid agent hour (workspace currency)')
    .option(
      '--model <model>',
      'erlang-c, erlang-a or (--plan, default) auto: Erlang A where the queue has abandons',
    )
    .option('--plan', 'plan per interval from the workspace history')
    .option('--from <date>', '--plan: first local day, YYYY-MM-DD')
    .option('--to <date>', '--plan: last local day, YYYY-MM-DD (inclusive)')
    .option('--filter <key=value>', '--plan: keep only these values (repeatable)', collect)
    .option('--profile', '--plan: a typical week (mean per weekday and slot)')
    .option('--by-queue', "--plan: every queue's own rows instead of their sum")
    .option('--format <format>', 'table, json, csv, markdown (default: table at a terminal)')
    .action(async (o: StaffingFlags) => {
      const format = pickFormat(ctx, o.format);
      if (!o.plan) {
        refuse(o, PLAN_ONLY, 'belongs to --plan');
        const settings = await readSettings(ctx);
        ctx.io.out(renderQuick(quickAnswer(quickOptions(o, settings)), format));
        return;
      }
      refuse(o, QUICK_ONLY, 'is for the quick question; --plan takes volume and AHT from history');
      const query = parseQuery({ from: o.from, to: o.to, filter: o.filter });
      const minutes = o.interval === undefined ? undefined : minutesFlag(o.interval);
      if (minutes !== undefined && minutes !== 15 && minutes !== 30) {
        throw invalid('interval', o.interval ?? '', 'must be 15m or 30m with --plan');
      }
      const patience = optional(o.patience, (v) => duration('patience', v, 's'));
      const model = modelFlag(o.model) ?? (patience === undefined ? 'auto' : 'erlang-a');
      if (patience !== undefined && model !== 'erlang-a') {
        throw invalid(
          'patience',
          o.patience ?? '',
          'needs --model erlang-a (Erlang C has no abandons)',
        );
      }
      await withWorkspace(ctx, async (ws) => {
        const settings = await ws.settings();
        const plan = await intervalPlan(
          ws.runner,
          {
            query,
            model,
            mode: o.profile ? 'weekday-profile' : 'intervals',
            ...(minutes === undefined ? {} : { intervalMinutes: minutes }),
            ...(o.target === undefined ? {} : { target: targetFlag(o.target) }),
            ...(patience === undefined ? {} : { patienceSeconds: patience }),
            ...commonOptions(o),
          },
          settings,
        );
        ctx.io.out(renderPlan(plan, format, o.byQueue === true));
      });
    });
}

function quickOptions(o: StaffingFlags, s: WorkspaceSettings): QuickOptions {
  if (o.volume === undefined || o.aht === undefined) {
    throw new UserError(
      'INVALID_PARAMETER',
      'Give --volume and --aht for the quick question, or --plan for the plan from history.',
      {
        parameter: o.volume === undefined ? 'volume' : 'aht',
        fix: 'cxkpi staffing --volume 100 --interval 30m --aht 180 --target 80/20',
      },
    );
  }
  const patience = optional(o.patience, (v) => duration('patience', v, 's'));
  const model = modelFlag(o.model);
  if (model === 'auto') {
    throw invalid('model', 'auto', 'is for --plan (the quick question has no history to look at)');
  }
  if (model === 'erlang-a' && patience === undefined) {
    throw invalid('model', 'erlang-a', 'needs --patience (mean seconds before a caller hangs up)');
  }
  if (model === 'erlang-c' && patience !== undefined) {
    throw invalid(
      'patience',
      o.patience ?? '',
      'needs --model erlang-a (Erlang C has no abandons)',
    );
  }
  const common = commonOptions(o);
  return {
    volume: number('volume', o.volume, 0),
    intervalMinutes:
      o.interval === undefined ? s.staffing.interval_minutes : minutesFlag(o.interval),
    ahtSeconds: duration('aht', o.aht, 's'),
    target: o.target === undefined ? defaultTarget(s, {}) : targetFlag(o.target),
    shrinkage: common.shrinkage ?? s.staffing.shrinkage,
    maxOccupancy: common.maxOccupancy ?? s.staffing.max_occupancy,
    hourlyRate: common.hourlyRate ?? s.staffing.hourly_rate,
    patienceSeconds: patience ?? null,
    currency: s.currency,
  };
}

function commonOptions(o: StaffingFlags) {
  const shrinkage = optional(o.shrinkage, (v) => fraction('shrinkage', v, false));
  const maxOccupancy = optional(o.maxOccupancy, (v) => fraction('max-occupancy', v, true));
  const hourlyRate = optional(o.hourlyRate, (v) => number('hourly-rate', v, 0));
  return {
    ...(shrinkage === undefined ? {} : { shrinkage }),
    ...(maxOccupancy === undefined ? {} : { maxOccupancy }),
    ...(hourlyRate === undefined ? {} : { hourlyRate }),
  };
}

/** '80/20' → { sl: 0.8, thresholdSeconds: 20 }; X is a percentage above 0 and below 100. */
export function targetFlag(raw: string): ServiceTarget {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*\/\s*(\d+(?:\.\d+)?)\s*s?\s*$/.exec(raw);
  const sl = Number(m?.[1]);
  const t = Number(m?.[2]);
  if (!m || !(sl > 0 && sl < 100) || !(t > 0)) {
    throw invalid(
      'target',
      raw,
      'must look like 80/20: X percent answered within T seconds, 0 < X < 100',
    );
  }
  return { sl: sl / 100, thresholdSeconds: t };
}

const MODELS = ['auto', 'erlang-c', 'erlang-a'] as const;

function modelFlag(raw: string | undefined): StaffingModel | 'auto' | undefined {
  if (raw === undefined) return undefined;
  if ((MODELS as readonly string[]).includes(raw)) return raw as (typeof MODELS)[number];
  throw new UserError(
    'INVALID_PARAMETER',
    `Invalid --model "${raw}". Allowed: ${MODELS.join(', ')}.`,
    {
      parameter: 'model',
      value: raw,
      allowed: MODELS,
    },
  );
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, min: 60, h: 3600 };

/** '180', '180s', '3m', '1h' → seconds; a bare number is in `unit`. */
function duration(flag: string, raw: string, unit: 's' | 'm'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h)?\s*$/.exec(raw);
  const v = Number(m?.[1]) * (UNIT_SECONDS[m?.[2] ?? unit] ?? NaN);
  if (!m || !(v > 0)) {
    throw invalid(
      flag,
      raw,
      `must be a positive duration such as ${unit === 's' ? '180, 180s or 3m' : '30m, 15m or 1h'}`,
    );
  }
  return v;
}

function minutesFlag(raw: string): number {
  return duration('interval', raw, 'm') / 60;
}

function number(flag: string, raw: string, min: number): number {
  const v = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(v) || v < min) {
    throw invalid(flag, raw, `must be a number >= ${min}`);
  }
  return v;
}

/** '0.3' or '30%'. Shrinkage: 0 ≤ s < 1; occupancy: 0 < o ≤ 1. */
function fraction(flag: string, raw: string, occupancy: boolean): number {
  const pct = raw.trim().endsWith('%');
  const v = Number(raw.trim().replace(/%$/, '')) / (pct ? 100 : 1);
  const ok = Number.isFinite(v) && (occupancy ? v > 0 && v <= 1 : v >= 0 && v < 1);
  if (raw.trim() === '' || !ok) {
    throw invalid(
      flag,
      raw,
      occupancy
        ? 'must be above 0 and at most 1 (or 90%)'
        : 'must be from 0 up to but not including 1 (or 30%)',
    );
  }
  return v;
}

function optional<T>(raw: string | undefined, parse: (v: string) => T): T | undefined {
  return raw === undefined ? undefined : parse(raw);
}

function refuse(o: StaffingFlags, flags: readonly (keyof StaffingFlags)[], why: string): void {
  const given = flags.find((f) => o[f] !== undefined);
  if (given) throw invalid(given, String(o[given]), why);
}

function invalid(flag: string, value: string, why: string): UserError {
  return new UserError('INVALID_PARAMETER', `Invalid --${flag} "${value}": ${why}.`, {
    parameter: flag,
    value,
  });
}

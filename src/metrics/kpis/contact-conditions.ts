// Shared conditions over the contacts relation: inbound, outcome, "within T", short abandons.
// SL, ASA and abandon rate must agree on these, so they are defined once.

import { and, caseWhen, cmp, col, lit, or, isNull, type Expr } from '../expr.ts';
import type { WorkspaceSettings } from '../settings.ts';

export const inbound: Expr = or(isNull(col('direction')), cmp(col('direction'), '=', 'inbound'));
export const answered: Expr = and(inbound, cmp(col('outcome'), '=', 'answered'));
export const abandoned: Expr = and(inbound, cmp(col('outcome'), '=', 'abandoned'));
export const flowedOut: Expr = and(inbound, cmp(col('outcome'), '=', 'flowed_out'));
export const offered: Expr = inbound;

/** T in seconds for the contact's channel (per-channel thresholds override the default). */
export function thresholdExpr(s: WorkspaceSettings): Expr {
  const { threshold_s, threshold_s_by_channel } = s.service_level;
  const entries = Object.entries(threshold_s_by_channel);
  if (entries.length === 0) return lit(threshold_s);
  return caseWhen(
    entries.map(
      ([channel, t]) => [cmp(col('channel'), '=', channel), lit(t ?? threshold_s)] as const,
    ),
    lit(threshold_s),
  );
}

export function withinT(s: WorkspaceSettings): Expr {
  return cmp(col('wait_s'), s.service_level.within, thresholdExpr(s));
}

/** Abandoned after less than S seconds (`<`, as in KPIS.md). */
export function shortAbandon(s: WorkspaceSettings): Expr {
  return and(abandoned, cmp(col('wait_s'), '<', s.service_level.short_abandon_s));
}

export function thresholdText(s: WorkspaceSettings): string {
  const by = Object.entries(s.service_level.threshold_s_by_channel)
    .map(([c, t]) => `${c} ${t} s`)
    .join(', ');
  return `${s.service_level.threshold_s} s${by ? ` (${by})` : ''}`;
}

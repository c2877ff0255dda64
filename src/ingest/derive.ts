// Values the import derives when the source leaves them empty: wait from answer time and back,
// survey scale defaults by kind, cost channel/team '' (all) and currency, staffing channel/queue
// '' and, for a field no column gives, the workspace's staffing interval. Pure.

import type { WorkspaceSettings } from '../metrics/settings.ts';
import type { Entity } from '../model/fields.ts';
import { lit, q } from './sql-util.ts';

/** Default scale per survey kind: NPS 0–10, CSAT 1–5, CES 1–7. */
export const DEFAULT_SCALES = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

const byKind = (i: 0 | 1) =>
  `CASE kind ${Object.entries(DEFAULT_SCALES)
    .map(([k, s]) => `WHEN '${k}' THEN ${s[i]}`)
    .join(' ')} END`;

/** Per entity: field → SQL over the mapped row giving the final value. */
export function derivations(entity: Entity, currency: string): Readonly<Record<string, string>> {
  switch (entity) {
    case 'contacts':
      return {
        wait_s: `coalesce(wait_s, CASE WHEN answered_at IS NOT NULL THEN epoch(answered_at) - epoch(offered_at) END)`,
        answered_at: `coalesce(answered_at, CASE WHEN outcome = 'answered' AND wait_s IS NOT NULL
          THEN offered_at + to_microseconds(CAST(round(wait_s * 1000000) AS BIGINT)) END)`,
      };
    case 'surveys':
      return {
        scale_min: `coalesce(scale_min, ${byKind(0)})`,
        scale_max: `coalesce(scale_max, ${byKind(1)})`,
      };
    case 'costs':
      return {
        channel: `coalesce(channel, '')`,
        team: `coalesce(team, '')`,
        currency: `coalesce(upper(currency), ${lit(currency)})`,
      };
    case 'staffing':
      return { channel: `coalesce(channel, '')`, queue: `coalesce(queue, '')` };
    case 'cases':
      return {};
  }
}

/**
 * A view over the mapped table with final values; each derived field also gets "f__given"
 * (the source gave it), so rules can tell a given value from a derived one.
 */
export function finalViewSql(
  view: string,
  mapped: string,
  entity: Entity,
  currency: string,
): string {
  const d = Object.entries(derivations(entity, currency));
  if (d.length === 0) return `CREATE TEMP VIEW ${view} AS SELECT * FROM ${mapped}`;
  const replace = d.map(([f, expr]) => `${expr} AS ${q(f)}`).join(', ');
  const given = d.map(([f]) => `${q(f)} IS NOT NULL AS ${q(`${f}__given`)}`).join(', ');
  return `CREATE TEMP VIEW ${view} AS SELECT * REPLACE (${replace}), ${given} FROM ${mapped}`;
}

/**
 * Per entity, values (as text) for fields that neither the mapping nor a column gives: a WFM
 * export without an interval-length column has the workspace's staffing interval.
 */
export function fieldDefaults(
  s: WorkspaceSettings,
): Partial<Record<Entity, Readonly<Record<string, string>>>> {
  return { staffing: { interval_minutes: String(s.staffing.interval_minutes) } };
}

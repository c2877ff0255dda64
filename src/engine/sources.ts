// The relations KPIs read: contacts as stored; case facts derived from cases and contacts (the
// basis of FCR); survey responses with channel/queue/team/agent taken from the linked contact or
// case when the response lacks them; costs spread over the days of their period. Case and survey
// facts are tables built by derived.ts from the bodies written here.

import type { WorkspaceSettings } from '../metrics/settings.ts';
import type { KpiSource } from '../metrics/types.ts';
import type { Dialect } from './dialect.ts';

/** Dimension columns a case or survey takes over from its contacts. */
export const LINEAGE_COLUMNS = ['channel', 'queue', 'team', 'agent_id', 'category'] as const;
const DIMS = LINEAGE_COLUMNS;

/** The relation a KPI source reads. Cases and surveys read the derived tables (derived.ts). */
export function sourceRelation(source: KpiSource, d: Dialect, s: WorkspaceSettings): string {
  switch (source) {
    case 'contacts':
      return 'SELECT * FROM contacts';
    case 'cases':
      return caseRelation(d, s);
    case 'surveys':
      return 'SELECT * FROM survey_facts';
  }
}

/**
 * Case facts with the settings applied. `repeat_contact` says whether the customer came back
 * (FCR method 3): a second contact on the case, or any other contact of the same customer (any
 * channel) after the case's first contact and at most N days after its resolution. NULL when
 * that cannot be known (no customer id and a single contact). Unresolved cases are never FCR;
 * their value only keeps them in the denominator.
 */
function caseRelation(d: Dialect, s: WorkspaceSettings): string {
  const window = s.fcr.repeat_window_days * 86400;
  return `SELECT *, CASE WHEN touches > 1 THEN TRUE
                       WHEN customer_id IS NULL THEN NULL
                       WHEN next_at IS NULL OR resolved_at IS NULL THEN FALSE
                       ELSE ${d.secondsBetween('resolved_at', 'next_at')} <= ${window} END AS repeat_contact
    FROM case_facts`;
}

/**
 * The body of table `case_facts`: one row per case, independent of the settings. Cases come from
 * the cases table, plus handled contacts whose case is not there (a contact without case_id is
 * its own case; contacts never handled, such as abandons, form no case but still count as repeat
 * contacts). `origin` says which: 'case' rows carry a real creation, resolution and reopen count;
 * 'contact' rows are derived (resolved when handled, at the end of their last contact) and have
 * no reopen count. `touches` counts the case's contacts (a case with none counts its creation as
 * one); `first_at` is its first touch and `next_at` the same customer's next touch after it.
 */
export function caseFactsTable(d: Dialect): string {
  const caseKey = `coalesce(case_id, ${d.concat("'contact:'", 'contact_id')})`;
  const touches = `
    SELECT ${caseKey} AS case_key, customer_id, offered_at AS touch_at, contact_id AS touch_id,
           ${DIMS.join(', ')}, first_contact_resolved AS flag,
           CASE WHEN outcome = 'answered' THEN 1 ELSE 0 END AS handled, ended_at
    FROM contacts WHERE direction IS NULL OR direction = 'inbound'
    UNION ALL
    SELECT case_id, customer_id, created_at, ${d.concat("'case:'", 'case_id')}, ${DIMS.join(', ')},
           first_contact_resolved, 0, resolved_at
    FROM cases k WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.case_id = k.case_id)`;
  const ordered = d.withNextInPartition(touches, 'customer_id', 'touch_at', 'touch_id');
  const first = (c: string) => `arg_min(${c}, touch_at) AS ${c}`;
  const perCase = `
    SELECT case_key, count(*) AS touches, min(touch_at) AS first_at, coalesce(max(ended_at), max(touch_at)) AS last_end,
           max(handled) AS any_handled, ${[...DIMS, 'customer_id'].map(first).join(', ')},
           arg_min(flag, touch_at) AS flag, arg_min(next_at, touch_at) AS next_at
    FROM (${ordered}) GROUP BY case_key`;
  const derivedResolved = `(p.any_handled = 1 AND coalesce(p.flag, TRUE))`;
  return `
    WITH per_case AS (${perCase})
    SELECT k.case_id AS case_key, ${DIMS.map((c) => `coalesce(k.${c}, p.${c}) AS ${c}`).join(', ')},
           p.customer_id,
           k.created_at, k.resolved_at, k.reopened_count, 'case' AS origin,
           k.resolved_at IS NOT NULL AS resolved, coalesce(k.first_contact_resolved, p.flag) AS fcr_flag,
           coalesce(p.touches, 1) AS touches, p.first_at, p.next_at
    FROM cases k LEFT JOIN per_case p ON p.case_key = k.case_id
    UNION ALL
    SELECT p.case_key, ${DIMS.map((c) => `p.${c}`).join(', ')}, p.customer_id,
           p.first_at AS created_at, CASE WHEN ${derivedResolved} THEN p.last_end END AS resolved_at,
           CAST(NULL AS INTEGER) AS reopened_count, 'contact' AS origin,
           ${derivedResolved} AS resolved, p.flag AS fcr_flag, p.touches,
           p.first_at, p.next_at
    FROM per_case p
    WHERE p.any_handled = 1 AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.case_id = p.case_key)`;
}

/** The body of table `survey_facts`: responses with lineage taken from the linked contact or case. */
export function surveyFactsTable(): string {
  const pick = (c: string) => `coalesce(s.${c}, c.${c}, k.${c}) AS ${c}`;
  return `
    SELECT s.response_id, s.kind, s.score, s.scale_min, s.scale_max, s.responded_at, s.comment,
           s.contact_id, coalesce(s.case_id, c.case_id) AS case_id, ${DIMS.map(pick).join(', ')}
    FROM surveys s
    LEFT JOIN contacts c ON c.contact_id = s.contact_id
    LEFT JOIN cases k ON k.case_id = coalesce(s.case_id, c.case_id)`;
}

/** Cost per local day: each cost row's amount spread evenly over the days of its period. */
export function dailyCosts(d: Dialect): string {
  const expanded = d.expandDays('SELECT * FROM costs', 'period_start', 'period_end');
  return `SELECT day, nullif(channel, '') AS channel, nullif(team, '') AS team, amount / days AS amount FROM (${expanded})`;
}

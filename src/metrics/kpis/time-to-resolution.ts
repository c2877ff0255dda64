// Time to resolution: mean, p50, p90, p95 of (resolved at − created at) over resolved cases, on
// the calendar clock or counting only the workspace's business hours (with holidays). Stored in
// seconds like every duration (KPIS.md: JSON and CSV carry seconds); people read it in hours.
// Only cases from the cases table: a contact without a case has no creation or resolution time
// of its own (its "time to resolution" would be its handle time, reported as a resolution time).

import { and, businessSeconds, col, count, secondsBetween, sum, type Expr } from '../expr.ts';
import type { WorkspaceSettings } from '../settings.ts';
import { ratio } from '../math.ts';
import type { KpiDefinition } from '../types.ts';
import { fromCasesTable, fromContacts, resolved } from './case-conditions.ts';
import { percentileAggregates, readPercentiles } from './percentile-aggregates.ts';

const counted = and(resolved, fromCasesTable);
/** Bands are compared with the stored value, so they are in seconds; their text says hours. */
const HOUR = 3600;
const business = (s: WorkspaceSettings) => s.time_to_resolution.clock === 'business';

function duration(s: WorkspaceSettings): Expr {
  const [from, to] = [col('created_at'), col('resolved_at')];
  return business(s)
    ? businessSeconds(from, to, { timezone: s.timezone, ...s.business_hours })
    : secondsBetween(from, to);
}

/** "Mon–Fri 09:00–17:00"-style text of the opening hours, for the printed settings. */
function hoursText(s: WorkspaceSettings): string {
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const parts = days.map((d, i) => {
    const ws = s.business_hours.week[String(i + 1) as '1'] ?? [];
    return ws.length ? `${d} ${ws.map(([a, b]) => `${a}–${b}`).join(', ')}` : null;
  });
  const open = parts.filter(Boolean).join('; ') || 'never open';
  const hol = s.business_hours.holidays.length;
  return `${open}${hol ? `; ${hol} holiday${hol === 1 ? '' : 's'}` : ''} (${s.timezone})`;
}

export const timeToResolution: KpiDefinition = {
  id: 'time_to_resolution',
  name: { en: 'Time to resolution', nl: 'Oplostijd', es: 'Tiempo de resolución' },
  description: {
    en: 'Calendar time from creation to resolution of resolved cases.',
    nl: 'Kalendertijd van aanmaken tot oplossen van opgeloste zaken.',
    es: 'Tiempo natural desde la creación hasta la resolución de los casos resueltos.',
  },
  unit: 'seconds',
  display: 'hours',
  direction: 'lower',
  source: 'cases',
  timeField: 'resolved_at',
  additivity: 'nonAdditive',
  benchmark: {
    bands: [
      { rating: 'good', lt: 24 * HOUR, from: 'KPIS.md' },
      { rating: 'average', gte: 24 * HOUR, lt: 48 * HOUR, from: 'cxkpi' },
      { rating: 'poor', gte: 48 * HOUR, from: 'cxkpi' },
    ],
    source: 'KPIS.md: < 24 h for B2C (good); cxkpi default: average 24–48 h, poor ≥ 48 h',
    text: '< 24 h for B2C',
    localized: { en: '< 24 h for B2C', nl: '< 24 u voor B2C', es: '< 24 h en B2C' },
  },
  formula: (s) =>
    `${
      business(s)
        ? 'mean of the business-hours time between created at and resolved at'
        : 'mean of (resolved at − created at) on the calendar clock'
    }, in seconds (shown in hours), over resolved cases of the cases table; contacts without a case have no creation or resolution time and are left out (contacts_without_case)`,
  variant: (s) => (business(s) ? 'business hours' : 'calendar hours'),
  settingsUsed: (s) => ({
    clock: s.time_to_resolution.clock,
    ...(business(s) ? { business_hours: hoursText(s) } : {}),
    resolved: 'resolved_at is set',
    counted: 'cases from the cases table',
  }),
  aggregates: (s) => ({
    n: count(counted),
    total: sum(duration(s), counted),
    noCase: count(and(resolved, fromContacts)),
    ...percentileAggregates(duration(s), counted),
  }),
  population: () => counted,
  compute: (a) => {
    const n = a['n'] ?? 0;
    const total = a['total'] ?? 0;
    return [
      {
        value: ratio(total, n),
        numerator: total,
        denominator: n,
        n,
        excluded: { contacts_without_case: a['noCase'] ?? 0 },
        counts: {},
        ciLow: null,
        ciHigh: null,
        percentiles: readPercentiles(a),
      },
    ];
  },
};

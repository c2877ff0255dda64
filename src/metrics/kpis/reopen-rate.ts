// Reopen rate: cases reopened after being resolved / cases resolved, placed by resolution time.
// Only cases from the cases table with a reopen count: a contact without a case has no reopen
// history, so counting it as "not reopened" would make up a 0 % (contact-only data).

import { and, cmp, col, count, isNull } from '../expr.ts';
import { ratio, wilsonInterval } from '../math.ts';
import type { KpiDefinition } from '../types.ts';
import { fromCasesTable, fromContacts, reopensKnown, resolved } from './case-conditions.ts';

const counted = and(resolved, reopensKnown);

export const reopenRate: KpiDefinition = {
  id: 'reopen_rate',
  name: { en: 'Reopen rate', nl: 'Heropeningspercentage', es: 'Tasa de reapertura' },
  description: {
    en: 'Share of resolved cases that were reopened.',
    nl: 'Aandeel opgeloste zaken dat opnieuw is geopend.',
    es: 'Porcentaje de casos resueltos que se reabrieron.',
  },
  unit: 'percent',
  direction: 'lower',
  source: 'cases',
  timeField: 'resolved_at',
  additivity: 'ratio',
  benchmark: {
    bands: [
      { rating: 'good', lt: 5, from: 'KPIS.md' },
      { rating: 'average', gte: 5, lt: 10, from: 'cxkpi' },
      { rating: 'poor', gte: 10, from: 'cxkpi' },
    ],
    source: 'KPIS.md: < 5 % (good); cxkpi default: average 5–10 %, poor ≥ 10 %',
    text: '< 5 %',
    localized: { en: '< 5 %', nl: '< 5 %', es: '< 5 %' },
  },
  formula: () =>
    'cases reopened after being resolved / cases resolved, over resolved cases of the cases table with a reopen count; contacts without a case (contacts_without_case) and cases with a blank reopen count (unknown_reopens) are left out',
  variant: () => 'reopened_count > 0, cases table only',
  settingsUsed: () => ({
    resolved: 'resolved_at is set',
    counted: 'cases from the cases table with a reopen count',
  }),
  aggregates: () => ({
    resolved: count(counted),
    reopened: count(and(counted, cmp(col('reopened_count'), '>', 0))),
    noCase: count(and(resolved, fromContacts)),
    unknown: count(and(resolved, fromCasesTable, isNull(col('reopened_count')))),
  }),
  population: () => counted,
  compute: (a) => {
    const n = a['resolved'] ?? 0;
    const yes = a['reopened'] ?? 0;
    const ci = wilsonInterval(yes, n);
    return [
      {
        value: ratio(yes, n, 100),
        numerator: yes,
        denominator: n,
        n,
        excluded: {
          contacts_without_case: a['noCase'] ?? 0,
          unknown_reopens: a['unknown'] ?? 0,
        },
        counts: { resolved: n, reopened: yes },
        ciLow: ci?.[0] ?? null,
        ciHigh: ci?.[1] ?? null,
      },
    ];
  },
};

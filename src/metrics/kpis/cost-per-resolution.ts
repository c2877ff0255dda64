// Cost per resolution: operational cost of the period (and channel/team) / cases resolved in it.
// The engine supplies `cost` from the costs table, spread evenly over the days of each cost period,
// and null where no cost row covers the group: no cost data is no value, never a cost of 0.

import { and, count } from '../expr.ts';
import { ratio } from '../math.ts';
import type { KpiDefinition } from '../types.ts';
import { fromContacts, resolved } from './case-conditions.ts';

export const costPerResolution: KpiDefinition = {
  id: 'cost_per_resolution',
  name: { en: 'Cost per resolution', nl: 'Kosten per oplossing', es: 'Coste por resolución' },
  description: {
    en: 'Operational cost divided by the cases resolved in the same period.',
    nl: 'Operationele kosten gedeeld door het aantal in dezelfde periode opgeloste zaken.',
    es: 'Coste operativo dividido por los casos resueltos en el mismo periodo.',
  },
  unit: 'currency',
  direction: 'lower',
  source: 'cases',
  timeField: 'resolved_at',
  additivity: 'ratio',
  benchmark: {
    bands: [
      { rating: 'good', gte: 5, lte: 15, from: 'KPIS.md' },
      { rating: 'good', lt: 5, from: 'cxkpi' },
      { rating: 'average', gt: 15, lte: 25, from: 'cxkpi' },
      { rating: 'poor', gt: 25, from: 'cxkpi' },
    ],
    source:
      'KPIS.md: €5–15 per ticket (good); cxkpi default: good also < €5, average €15–25, poor > €25; only for costs in EUR',
    currency: 'EUR',
    text: '€5–15 per ticket',
    localized: { en: '€5–15 per ticket', nl: '€ 5–15 per ticket', es: '5–15 € por ticket' },
  },
  formula: (s) =>
    `operational cost (${s.currency}) of the period / cases resolved in it; no value where no cost rows cover the period or group (a group with cost but nothing resolved shows the cost as numerator)`,
  variant: () => 'cost spread evenly over the days of its period',
  settingsUsed: (s) => ({
    currency: s.currency,
    resolved: 'resolved_at is set; a handled contact without a case is one resolution',
  }),
  aggregates: () => ({
    resolved: count(resolved),
    fromContacts: count(and(resolved, fromContacts)),
  }),
  population: () => resolved,
  compute: (a) => {
    const n = a['resolved'] ?? 0;
    const contacts = a['fromContacts'] ?? 0;
    const cost = a['cost'] ?? null;
    return [
      {
        value: ratio(cost, n),
        numerator: cost,
        denominator: n,
        n,
        excluded: {},
        counts: {
          resolved: n,
          resolved_cases: n - contacts,
          resolved_contacts_without_case: contacts,
        },
        ciLow: null,
        ciHigh: null,
      },
    ];
  },
};

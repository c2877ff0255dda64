// CSAT: satisfied respondents / all respondents × 100, each response judged on its own scale
// (top box on 3, top-2-box on 5 and 7, 8–10 on 10 by default), with a Wilson interval.

import { and, count } from '../expr.ts';
import { ratio, wilsonInterval } from '../math.ts';
import type { KpiDefinition } from '../types.ts';
import { atLeastOnOwnScale, ofKind, onScales, scaleText } from './survey-conditions.ts';

export const csat: KpiDefinition = {
  id: 'csat',
  name: { en: 'Customer satisfaction', nl: 'Klanttevredenheid', es: 'Satisfacción del cliente' },
  description: {
    en: 'Share of respondents satisfied with the interaction.',
    nl: 'Aandeel respondenten dat tevreden is over het contact.',
    es: 'Porcentaje de encuestados satisfechos con la interacción.',
  },
  unit: 'percent',
  direction: 'higher',
  source: 'surveys',
  timeField: 'responded_at',
  additivity: 'ratio',
  benchmark: {
    bands: [
      { rating: 'excellent', gt: 95, from: 'KPIS.md' },
      { rating: 'good', gte: 80, lte: 90, from: 'KPIS.md' },
      { rating: 'good', gt: 90, lte: 95, from: 'cxkpi' },
      { rating: 'average', gte: 70, lt: 80, from: 'cxkpi' },
      { rating: 'poor', lt: 70, from: 'cxkpi' },
    ],
    source:
      'KPIS.md: good 80–90 %, top (excellent) > 95 %; cxkpi default: good also 90–95 %, average 70–80 %, poor < 70 %',
    text: 'good 80–90 %; top > 95 %',
    localized: {
      en: 'good 80–90 %; top > 95 %',
      nl: 'goed 80–90 %; top > 95 %',
      es: 'bueno 80–90 %; excelente > 95 %',
    },
  },
  formula: () => 'satisfied respondents / all respondents × 100, each on its own scale',
  variant: (s) => `satisfied = ${scaleText(s.csat_satisfied_min)}`,
  settingsUsed: (s) => ({ satisfied: scaleText(s.csat_satisfied_min) }),
  aggregates: (s) => ({
    all: count(ofKind('csat')),
    n: count(and(ofKind('csat'), onScales(s.csat_satisfied_min))),
    satisfied: count(and(ofKind('csat'), atLeastOnOwnScale(s.csat_satisfied_min))),
  }),
  population: (s) => and(ofKind('csat'), onScales(s.csat_satisfied_min)),
  compute: (a) => {
    const n = a['n'] ?? 0;
    const yes = a['satisfied'] ?? 0;
    const ci = wilsonInterval(yes, n);
    return [
      {
        value: ratio(yes, n, 100),
        numerator: yes,
        denominator: n,
        n,
        excluded: { unknown_scale: (a['all'] ?? 0) - n },
        counts: { satisfied: yes, respondents: n },
        ciLow: ci?.[0] ?? null,
        ciHigh: ci?.[1] ?? null,
      },
    ];
  },
};

// NPS: % promoters (9–10) − % detractors (0–6) on the 0–10 scale, with its standard error
// sqrt((p_prom + p_det − (p_prom − p_det)²) / n) × 100 and a 95 % interval.

import { and, cmp, col, count } from '../expr.ts';
import { npsStandardError, ratio, Z95 } from '../math.ts';
import type { KpiDefinition } from '../types.ts';
import { ofKind } from './survey-conditions.ts';

const nps0to10 = and(ofKind('nps'), cmp(col('scale_min'), '=', 0), cmp(col('scale_max'), '=', 10));

export const nps: KpiDefinition = {
  id: 'nps',
  name: { en: 'Net Promoter Score', nl: 'Net Promoter Score', es: 'Net Promoter Score' },
  description: {
    en: '% promoters (9–10) minus % detractors (0–6).',
    nl: '% promotors (9–10) min % criticasters (0–6).',
    es: '% promotores (9–10) menos % detractores (0–6).',
  },
  unit: 'points',
  direction: 'higher',
  source: 'surveys',
  timeField: 'responded_at',
  additivity: 'ratio',
  benchmark: {
    bands: [
      { rating: 'excellent', gt: 70, from: 'KPIS.md' },
      { rating: 'good', gt: 50, lte: 70, from: 'cxkpi' },
      { rating: 'average', gte: 30, lte: 50, from: 'KPIS.md' },
      { rating: 'poor', lt: 30, from: 'cxkpi' },
    ],
    source:
      'KPIS.md: average 30–50 (sector dependent), excellent > 70; cxkpi default: good 50–70, poor < 30',
    text: 'average 30–50 (sector dependent); excellent > 70',
    localized: {
      en: 'average 30–50 (sector dependent); excellent > 70',
      nl: 'gemiddeld 30–50 (afhankelijk van de sector); uitstekend > 70',
      es: 'medio 30–50 (según el sector); excelente > 70',
    },
  },
  formula: () => '% promoters (9–10) − % detractors (0–6); passives 7–8',
  variant: () => '0–10 scale',
  settingsUsed: () => ({ promoters: '9–10', detractors: '0–6' }),
  aggregates: () => ({
    n: count(nps0to10),
    promoters: count(and(nps0to10, cmp(col('score'), '>=', 9))),
    detractors: count(and(nps0to10, cmp(col('score'), '<=', 6))),
  }),
  population: () => nps0to10,
  compute: (a) => {
    const n = a['n'] ?? 0;
    const p = a['promoters'] ?? 0;
    const d = a['detractors'] ?? 0;
    // ratio() multiplies first: 11 net of 20 is exactly 55, not 55.00000000000001.
    const value = ratio(p - d, n, 100);
    const se = npsStandardError(p, d, n);
    return [
      {
        value,
        numerator: p - d,
        denominator: n,
        n,
        excluded: {},
        counts: { promoters: p, passives: n - p - d, detractors: d },
        ciLow: value === null || se === null ? null : Math.max(-100, value - Z95 * se),
        ciHigh: value === null || se === null ? null : Math.min(100, value + Z95 * se),
        parts: { standard_error: se },
      },
    ];
  },
};

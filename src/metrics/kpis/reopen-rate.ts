// Reopen rate: cases reopened after being resolved / cases resolved, placed by resolution time.

import { and, cmp, col, count } from '../expr.ts';
import { ratio, wilsonInterval } from '../math.ts';
import type { KpiDefinition } from '../types.ts';

const resolved = cmp(col('resolved'), '=', true);

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
    bands: [{ rating: 'good', max: 5 }, { rating: 'average', max: 10 }, { rating: 'poor' }],
    source: 'KPIS.md: < 5 %',
    text: '< 5 %',
    localized: { en: '< 5 %', nl: '< 5 %', es: '< 5 %' },
  },
  formula: () => 'cases reopened after being resolved / cases resolved',
  variant: () => 'reopened_count > 0',
  settingsUsed: () => ({ resolved: 'resolved_at is set' }),
  aggregates: () => ({
    resolved: count(resolved),
    reopened: count(and(resolved, cmp(col('reopened_count'), '>', 0))),
  }),
  population: () => resolved,
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
        excluded: {},
        counts: { resolved: n, reopened: yes },
        ciLow: ci?.[0] ?? null,
        ciHigh: ci?.[1] ?? null,
      },
    ];
  },
};

// Time to resolution in calendar hours: mean, p50, p90 of (resolved at − created at) over
// resolved cases. Business-hours time is not computed yet.

import { cmp, col, count, secondsBetween, sum } from '../expr.ts';
import { ratio } from '../math.ts';
import type { KpiDefinition } from '../types.ts';
import { percentileAggregates, readPercentiles } from './percentile-aggregates.ts';

const resolved = cmp(col('resolved'), '=', true);
const duration = secondsBetween(col('created_at'), col('resolved_at'));

export const timeToResolution: KpiDefinition = {
  id: 'time_to_resolution',
  name: { en: 'Time to resolution', nl: 'Oplostijd', es: 'Tiempo de resolución' },
  description: {
    en: 'Calendar time from creation to resolution of resolved cases.',
    nl: 'Kalendertijd van aanmaken tot oplossen van opgeloste zaken.',
    es: 'Tiempo natural desde la creación hasta la resolución de los casos resueltos.',
  },
  unit: 'hours',
  direction: 'lower',
  source: 'cases',
  timeField: 'resolved_at',
  additivity: 'nonAdditive',
  benchmark: {
    bands: [{ rating: 'good', max: 24 }, { rating: 'average', max: 48 }, { rating: 'poor' }],
    source: 'KPIS.md: < 24 h for B2C',
    text: '< 24 h for B2C',
  },
  formula: () => 'mean of (resolved at − created at) over resolved cases, calendar hours',
  variant: () => 'calendar hours',
  settingsUsed: () => ({ clock: 'calendar', resolved: 'resolved_at is set' }),
  aggregates: () => ({
    n: count(resolved),
    total: sum(duration, resolved),
    ...percentileAggregates(duration, resolved),
  }),
  population: () => resolved,
  compute: (a) => {
    const n = a['n'] ?? 0;
    const totalH = (a['total'] ?? 0) / 3600;
    return [
      {
        value: ratio(totalH, n),
        numerator: totalH,
        denominator: n,
        n,
        excluded: {},
        counts: {},
        ciLow: null,
        ciHigh: null,
        percentiles: readPercentiles(a, 1 / 3600),
      },
    ];
  },
};

// ASA: waiting time of answered contacts / answered contacts (or of all offered contacts in the
// "all-offered" variant), always with p50/p90/p95 of the same waits.

import { coalesce, col, count, lit, sum } from '../expr.ts';
import { ratio } from '../math.ts';
import type { KpiDefinition } from '../types.ts';
import { answered, offered } from './contact-conditions.ts';
import { percentileAggregates, readPercentiles } from './percentile-aggregates.ts';

const wait = coalesce(col('wait_s'), lit(0));

export const asa: KpiDefinition = {
  id: 'asa',
  name: {
    en: 'Average speed of answer',
    nl: 'Gemiddelde wachttijd tot antwoord',
    es: 'Velocidad media de respuesta',
  },
  description: {
    en: 'Mean waiting time before an agent answered.',
    nl: 'Gemiddelde wachttijd voordat een medewerker opnam.',
    es: 'Tiempo medio de espera hasta que un agente respondió.',
  },
  unit: 'seconds',
  direction: 'lower',
  source: 'contacts',
  timeField: 'offered_at',
  additivity: 'nonAdditive',
  benchmark: {
    bands: [{ rating: 'good', max: 30 }, { rating: 'average', max: 60 }, { rating: 'poor' }],
    source: 'KPIS.md: < 30 s for calls',
    channel: 'voice',
    text: '< 30 s for calls',
    localized: { en: '< 30 s for calls', nl: '< 30 s voor telefoon', es: '< 30 s en llamadas' },
  },
  formula: (s) =>
    s.asa.variant === 'answered'
      ? 'total waiting time of answered contacts / answered contacts'
      : 'total waiting time of all offered contacts / offered contacts',
  variant: (s) => s.asa.variant,
  settingsUsed: (s) => ({ variant: s.asa.variant }),
  aggregates: (s) => {
    const set = s.asa.variant === 'answered' ? answered : offered;
    return { n: count(set), wait: sum(wait, set), ...percentileAggregates(wait, set) };
  },
  population: (s) => (s.asa.variant === 'answered' ? answered : offered),
  compute: (a) => {
    const n = a['n'] ?? 0;
    const total = a['wait'] ?? 0;
    return [
      {
        value: ratio(total, n),
        numerator: total,
        denominator: n,
        n,
        excluded: {},
        counts: {},
        ciLow: null,
        ciHigh: null,
        percentiles: readPercentiles(a),
      },
    ];
  },
};

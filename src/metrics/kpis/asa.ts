// ASA: waiting time of answered contacts / answered contacts (or of all offered contacts in the
// "all-offered" variant), always with p50/p90/p95 of the same waits. A blank wait is unknown,
// not 0 s: such contacts are left out and counted in `excluded.unknown_wait`.

import { and, col, count, isNull, notNull, sum, type Expr } from '../expr.ts';
import { ratio } from '../math.ts';
import type { WorkspaceSettings } from '../settings.ts';
import type { KpiDefinition } from '../types.ts';
import { answered, offered } from './contact-conditions.ts';
import { percentileAggregates, readPercentiles } from './percentile-aggregates.ts';

const wait = col('wait_s');
const contactsOf = (s: WorkspaceSettings): Expr =>
  s.asa.variant === 'answered' ? answered : offered;
const counted = (s: WorkspaceSettings): Expr => and(contactsOf(s), notNull(wait));

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
    bands: [
      { rating: 'good', lt: 30, from: 'KPIS.md' },
      { rating: 'average', gte: 30, lt: 60, from: 'cxkpi' },
      { rating: 'poor', gte: 60, from: 'cxkpi' },
    ],
    source: 'KPIS.md: < 30 s for calls (good); cxkpi default: average 30–60 s, poor ≥ 60 s',
    channel: 'voice',
    text: '< 30 s for calls',
    localized: { en: '< 30 s for calls', nl: '< 30 s voor telefoon', es: '< 30 s en llamadas' },
  },
  formula: (s) =>
    `${
      s.asa.variant === 'answered'
        ? 'total waiting time of answered contacts / answered contacts'
        : 'total waiting time of all offered contacts / offered contacts'
    }; a contact with a blank wait is left out (unknown_wait), not counted as 0 s`,
  variant: (s) => s.asa.variant,
  settingsUsed: (s) => ({ variant: s.asa.variant, blank_wait: 'left out' }),
  aggregates: (s) => ({
    n: count(counted(s)),
    unknown: count(and(contactsOf(s), isNull(wait))),
    wait: sum(wait, counted(s)),
    ...percentileAggregates(wait, counted(s)),
  }),
  population: counted,
  compute: (a) => {
    const n = a['n'] ?? 0;
    const total = a['wait'] ?? 0;
    return [
      {
        value: ratio(total, n),
        numerator: total,
        denominator: n,
        n,
        excluded: { unknown_wait: a['unknown'] ?? 0 },
        counts: {},
        ciLow: null,
        ciHigh: null,
        percentiles: readPercentiles(a),
      },
    ];
  },
};

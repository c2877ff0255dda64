// Abandon rate: abandoned (excluding fast abandons) / (offered − fast abandons).

import { and, count, not } from '../expr.ts';
import { ratio } from '../math.ts';
import type { KpiDefinition } from '../types.ts';
import { abandoned, offered, shortAbandon } from './contact-conditions.ts';

export const abandonRate: KpiDefinition = {
  id: 'abandon_rate',
  name: { en: 'Abandon rate', nl: 'Percentage afgehaakt', es: 'Tasa de abandono' },
  description: {
    en: 'Share of offered contacts that left the queue before an answer, fast abandons excluded.',
    nl: 'Aandeel aangeboden contacten dat voor beantwoording ophing, snelle afhakers niet meegeteld.',
    es: 'Porcentaje de contactos que abandonaron la cola antes de ser atendidos, sin abandonos rápidos.',
  },
  unit: 'percent',
  direction: 'lower',
  source: 'contacts',
  timeField: 'offered_at',
  additivity: 'ratio',
  formula: (s) =>
    `(abandoned − abandoned < ${s.service_level.short_abandon_s} s) / (offered − abandoned < ${s.service_level.short_abandon_s} s)`,
  variant: () => 'fast abandons excluded',
  settingsUsed: (s) => ({ short_abandon_s: s.service_level.short_abandon_s }),
  aggregates: (s) => ({
    offered: count(offered),
    Ab: count(abandoned),
    AbS: count(shortAbandon(s)),
  }),
  population: (s) => and(offered, not(shortAbandon(s))),
  compute: (a) => {
    const off = a['offered'] ?? 0;
    const ab = a['Ab'] ?? 0;
    const abs = a['AbS'] ?? 0;
    return [
      {
        value: ratio(ab - abs, off - abs, 100),
        numerator: ab - abs,
        denominator: off - abs,
        n: off - abs,
        excluded: { short_abandons: abs },
        counts: { offered: off, abandoned: ab },
        ciLow: null,
        ciHigh: null,
      },
    ];
  },
};

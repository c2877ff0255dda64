// AHT: (talk + hold + after-contact work) / handled contacts, with the three parts apart and
// p50/p90/p95 of handle time. Handled = answered, inbound or outbound. A handled contact with no
// part known is left out (`excluded.no_handle_time`), not counted as 0 s; next to a known part, a
// blank part counts as 0 s (talk known, no hold recorded: there was no hold).

import { add, and, cmp, coalesce, col, count, isNull, lit, notNull, or, sum } from '../expr.ts';
import { ratio } from '../math.ts';
import type { KpiDefinition } from '../types.ts';
import { percentileAggregates, readPercentiles } from './percentile-aggregates.ts';

const PARTS = ['talk_s', 'hold_s', 'acw_s'] as const;
const part = (name: string) => coalesce(col(name), lit(0));
const handled = cmp(col('outcome'), '=', 'answered');
const anyPartKnown = or(...PARTS.map((p) => notNull(col(p))));
const counted = and(handled, anyPartKnown);
const handle = add(add(part('talk_s'), part('hold_s')), part('acw_s'));

export const aht: KpiDefinition = {
  id: 'aht',
  name: { en: 'Average handle time', nl: 'Gemiddelde afhandeltijd', es: 'Tiempo medio de gestión' },
  description: {
    en: 'Talk, hold and after-contact work per handled contact.',
    nl: 'Gesprek, wachtstand en nawerk per afgehandeld contact.',
    es: 'Conversación, espera y trabajo posterior por contacto atendido.',
  },
  unit: 'seconds',
  display: 'minutes',
  direction: 'lower',
  source: 'contacts',
  timeField: 'offered_at',
  additivity: 'nonAdditive',
  benchmark: {
    bands: [
      { rating: 'good', gte: 300, lte: 420, from: 'KPIS.md' },
      { rating: 'good', lt: 300, from: 'cxkpi' },
      { rating: 'average', gt: 420, lte: 600, from: 'cxkpi' },
      { rating: 'poor', gt: 600, from: 'cxkpi' },
    ],
    source:
      'KPIS.md: 5–7 min for calls (good); cxkpi default: good also < 5 min, average 7–10 min, poor > 10 min',
    channel: 'voice',
    text: '5–7 min for calls',
    localized: { en: '5–7 min for calls', nl: '5–7 min voor telefoon', es: '5–7 min en llamadas' },
  },
  formula: () =>
    '(talk + hold + after-contact work) / handled contacts; a contact with none of the three known is left out (no_handle_time), a blank part next to a known one counts as 0 s',
  variant: () => 'handled = answered',
  settingsUsed: () => ({
    handled: 'answered',
    blank_parts: 'left out when all three are blank, else 0 s',
  }),
  aggregates: () => ({
    n: count(counted),
    unknown: count(and(handled, ...PARTS.map((p) => isNull(col(p))))),
    total: sum(handle, counted),
    talk: sum(part('talk_s'), counted),
    hold: sum(part('hold_s'), counted),
    acw: sum(part('acw_s'), counted),
    ...percentileAggregates(handle, counted),
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
        excluded: { no_handle_time: a['unknown'] ?? 0 },
        counts: {},
        ciLow: null,
        ciHigh: null,
        percentiles: readPercentiles(a),
        parts: {
          talk_s: ratio(a['talk'] ?? 0, n),
          hold_s: ratio(a['hold'] ?? 0, n),
          acw_s: ratio(a['acw'] ?? 0, n),
        },
      },
    ];
  },
};

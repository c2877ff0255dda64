// Service level X/T in all seven variants of KPIS.md, from one set of counts, so a user can
// reconcile with the system they come from. Each variant names what it excluded.

import { and, count, not, or, type Expr } from '../expr.ts';
import { ratio } from '../math.ts';
import type { SlVariant, WorkspaceSettings } from '../settings.ts';
import type { AggValues, Figure, KpiDefinition } from '../types.ts';
import {
  abandoned,
  answered,
  flowedOut,
  offered,
  shortAbandon,
  thresholdText,
  withinT,
} from './contact-conditions.ts';

interface SlCounts {
  A: number;
  AT: number;
  Ab: number;
  AbT: number;
  AbS: number;
  F: number;
}

interface VariantSpec {
  readonly formula: string;
  readonly num: (c: SlCounts) => number;
  readonly den: (c: SlCounts) => number;
  readonly excluded: (c: SlCounts) => Record<string, number>;
  /** The contacts in the denominator. */
  readonly population: (s: WorkspaceSettings) => Expr;
}

export const SL_VARIANT_SPECS: Readonly<Record<SlVariant, VariantSpec>> = {
  'answered-only': {
    formula: 'A≤T / A',
    num: (c) => c.AT,
    den: (c) => c.A,
    excluded: (c) => ({ abandoned: c.Ab, flowed_out: c.F }),
    population: () => answered,
  },
  'abandons-negative': {
    formula: 'A≤T / (A + Ab)',
    num: (c) => c.AT,
    den: (c) => c.A + c.Ab,
    excluded: (c) => ({ flowed_out: c.F }),
    population: () => or(answered, abandoned),
  },
  'offered-minus-short-abandons': {
    formula: 'A≤T / (Offered − Ab<S), Offered = A + Ab + F',
    num: (c) => c.AT,
    den: (c) => c.A + c.Ab + c.F - c.AbS,
    excluded: (c) => ({ short_abandons: c.AbS }),
    population: (s) => and(offered, not(shortAbandon(s))),
  },
  'short-abandons-excluded': {
    formula: 'A≤T / (A + Ab − Ab<S)',
    num: (c) => c.AT,
    den: (c) => c.A + c.Ab - c.AbS,
    excluded: (c) => ({ short_abandons: c.AbS, flowed_out: c.F }),
    population: (s) => and(or(answered, abandoned), not(shortAbandon(s))),
  },
  'abandons-before-t-ignored': {
    formula: 'A≤T / (A + Ab>T)',
    num: (c) => c.AT,
    den: (c) => c.A + (c.Ab - c.AbT),
    excluded: (c) => ({ abandoned_within_t: c.AbT, flowed_out: c.F }),
    population: (s) => or(answered, and(abandoned, not(withinT(s)))),
  },
  'abandons-positive': {
    formula: '(A≤T + Ab≤T) / (A + Ab)',
    num: (c) => c.AT + c.AbT,
    den: (c) => c.A + c.Ab,
    excluded: (c) => ({ flowed_out: c.F }),
    population: () => or(answered, abandoned),
  },
  'flow-outs-included': {
    formula: 'A≤T / (A + Ab + F)',
    num: (c) => c.AT,
    den: (c) => c.A + c.Ab + c.F,
    excluded: () => ({}),
    population: () => offered,
  },
};

const within = (s: WorkspaceSettings) => (s.service_level.within === '<=' ? '≤' : '<');

/** The SL figure for one variant from raw counts; exported for reconciliation views. */
export function serviceLevelFigure(c: SlCounts, variant: SlVariant): Figure {
  const spec = SL_VARIANT_SPECS[variant];
  const num = spec.num(c);
  const den = spec.den(c);
  return {
    value: ratio(num, den, 100),
    numerator: num,
    denominator: den,
    n: den,
    excluded: spec.excluded(c),
    counts: {
      offered: c.A + c.Ab + c.F,
      answered: c.A,
      answered_within_t: c.AT,
      abandoned: c.Ab,
      abandoned_within_t: c.AbT,
      short_abandons: c.AbS,
      flowed_out: c.F,
    },
    ciLow: null,
    ciHigh: null,
  };
}

export const serviceLevel: KpiDefinition = {
  id: 'service_level',
  name: { en: 'Service level', nl: 'Servicelevel', es: 'Nivel de servicio' },
  description: {
    en: 'Share of contacts answered within the threshold T.',
    nl: 'Aandeel contacten dat binnen de drempel T is beantwoord.',
    es: 'Porcentaje de contactos atendidos dentro del umbral T.',
  },
  unit: 'percent',
  direction: 'higher',
  source: 'contacts',
  timeField: 'offered_at',
  additivity: 'ratio',
  benchmark: {
    bands: [
      { rating: 'excellent', gte: 90, from: 'KPIS.md' },
      { rating: 'good', gte: 80, lt: 90, from: 'KPIS.md' },
      { rating: 'average', gte: 70, lt: 80, from: 'cxkpi' },
      { rating: 'poor', lt: 70, from: 'cxkpi' },
    ],
    source:
      "KPIS.md: common target 80/20 (good ≥ 80 %), premium 90/30 (excellent ≥ 90 %; cxkpi applies both at the workspace's T); cxkpi default: average 70–80 %, poor < 70 %",
    text: 'common target 80 %; premium 90 %',
    localized: {
      en: 'common target 80 %; premium 90 %',
      nl: 'gangbaar doel 80 %; premium 90 %',
      es: 'objetivo habitual 80 %; premium 90 %',
    },
  },
  formula: (s) =>
    `${SL_VARIANT_SPECS[s.service_level.variant].formula}; T = ${thresholdText(s)}, within = ${within(s)} T, S = ${s.service_level.short_abandon_s} s, clock starts at queue entry`,
  variant: (s) => s.service_level.variant,
  settingsUsed: (s) => ({
    variant: s.service_level.variant,
    threshold_s: thresholdText(s),
    within: s.service_level.within,
    short_abandon_s: s.service_level.short_abandon_s,
    clock_start: 'queue entry',
  }),
  aggregates: (s) => ({
    A: count(answered),
    AT: count(and(answered, withinT(s))),
    Ab: count(abandoned),
    AbT: count(and(abandoned, withinT(s))),
    AbS: count(shortAbandon(s)),
    F: count(flowedOut),
  }),
  population: (s) => SL_VARIANT_SPECS[s.service_level.variant].population(s),
  compute: (a: AggValues, s) => [serviceLevelFigure(slCounts(a), s.service_level.variant)],
};

export function slCounts(a: AggValues): SlCounts {
  const n = (k: string) => a[k] ?? 0;
  return { A: n('A'), AT: n('AT'), Ab: n('Ab'), AbT: n('AbT'), AbS: n('AbS'), F: n('F') };
}

// CES two ways: (a) mean score, reported per scale because 5- and 7-point scores must not be
// averaged together; (b) % positive (≥ 4 of 5, ≥ 5 of 7), judged per response, Wilson interval.

import { and, cmp, col, count, mul, sum } from '../expr.ts';
import { ratio, wilsonInterval, Z95 } from '../math.ts';
import type { AggValues, Figure, KpiDefinition } from '../types.ts';
import { cesMeanBenchmark } from './ces-benchmark.ts';
import { atLeastOnOwnScale, ofKind, onScales, scaleText } from './survey-conditions.ts';

const onScale = (max: string) => and(ofKind('ces'), cmp(col('scale_max'), '=', Number(max)));
const score = col('score');

const CES_DESCRIPTION = {
  en: 'How easy it was to get the issue solved (higher = easier).',
  nl: 'Hoe makkelijk het was om het probleem opgelost te krijgen (hoger = makkelijker).',
  es: 'Qué tan fácil fue resolver el problema (más alto = más fácil).',
};

function meanFigure(a: AggValues, max: string): Figure {
  const n = a[`n${max}`] ?? 0;
  const total = a[`sum${max}`] ?? 0;
  const mean = ratio(total, n);
  const variance =
    n > 1 && mean !== null ? ((a[`sq${max}`] ?? 0) - n * mean * mean) / (n - 1) : null;
  const half = variance === null ? null : Z95 * Math.sqrt(Math.max(0, variance) / n);
  return {
    value: mean,
    numerator: total,
    denominator: n,
    n,
    excluded: {},
    counts: {},
    ciLow: mean === null || half === null ? null : mean - half,
    ciHigh: mean === null || half === null ? null : mean + half,
    scale: `1-${max}`,
  };
}

export const ces: KpiDefinition = {
  id: 'ces',
  name: {
    en: 'Customer effort score (mean)',
    nl: 'Klantinspanningsscore (gemiddelde)',
    es: 'Índice de esfuerzo del cliente (media)',
  },
  description: CES_DESCRIPTION,
  unit: 'score',
  direction: 'higher',
  source: 'surveys',
  timeField: 'responded_at',
  additivity: 'ratio',
  benchmark: cesMeanBenchmark(5),
  // Per scale: a 1–7 mean is rated against the 5-point bands moved to the same scale position.
  benchmarkForScale: (scale) => cesMeanBenchmark(Number(scale.split('-')[1] ?? 5)),
  formula: () => 'mean score, per scale (scales are never averaged together)',
  variant: () => 'mean per scale',
  settingsUsed: (s) => ({
    scales: Object.keys(s.ces_positive_min)
      .map((m) => `1-${m}`)
      .join(', '),
  }),
  aggregates: (s) =>
    Object.fromEntries(
      Object.keys(s.ces_positive_min).flatMap((max) => [
        [`n${max}`, count(onScale(max))],
        [`sum${max}`, sum(score, onScale(max))],
        [`sq${max}`, sum(mul(score, score), onScale(max))],
      ]),
    ),
  population: (s) => and(ofKind('ces'), onScales(s.ces_positive_min)),
  compute: (a, s) => {
    const scales = Object.keys(s.ces_positive_min);
    const present = scales.filter((max) => (a[`n${max}`] ?? 0) > 0);
    return (present.length > 0 ? present : scales.slice(0, 1)).map((max) => meanFigure(a, max));
  },
};

export const cesPositive: KpiDefinition = {
  id: 'ces_positive',
  name: {
    en: 'Customer effort score (% positive)',
    nl: 'Klantinspanningsscore (% positief)',
    es: 'Índice de esfuerzo del cliente (% positivo)',
  },
  description: CES_DESCRIPTION,
  unit: 'percent',
  direction: 'higher',
  source: 'surveys',
  timeField: 'responded_at',
  additivity: 'ratio',
  benchmark: {
    bands: [
      { rating: 'good', gt: 85, from: 'KPIS.md' },
      { rating: 'average', gte: 70, lte: 85, from: 'cxkpi' },
      { rating: 'poor', lt: 70, from: 'cxkpi' },
    ],
    source:
      'KPIS.md: low effort (good): > 85 % positive; cxkpi default: average 70–85 %, poor < 70 %',
    text: 'low effort: > 85 % positive',
    localized: {
      en: 'low effort: > 85 % positive',
      nl: 'weinig moeite: > 85 % positief',
      es: 'poco esfuerzo: > 85 % positivo',
    },
  },
  formula: () =>
    'responses at or above the positive threshold of their own scale / all responses × 100',
  variant: (s) => `positive = ${scaleText(s.ces_positive_min)}`,
  settingsUsed: (s) => ({ positive: scaleText(s.ces_positive_min) }),
  aggregates: (s) => ({
    all: count(ofKind('ces')),
    n: count(and(ofKind('ces'), onScales(s.ces_positive_min))),
    positive: count(and(ofKind('ces'), atLeastOnOwnScale(s.ces_positive_min))),
  }),
  population: (s) => and(ofKind('ces'), onScales(s.ces_positive_min)),
  compute: (a) => {
    const n = a['n'] ?? 0;
    const yes = a['positive'] ?? 0;
    const ci = wilsonInterval(yes, n);
    return [
      {
        value: ratio(yes, n, 100),
        numerator: yes,
        denominator: n,
        n,
        excluded: { unknown_scale: (a['all'] ?? 0) - n },
        counts: { positive: yes, respondents: n },
        ciLow: ci?.[0] ?? null,
        ciHigh: ci?.[1] ?? null,
      },
    ];
  },
};

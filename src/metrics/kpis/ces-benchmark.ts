// CES mean bands per scale. KPIS.md gives "good: mean > 4 on a 5-point scale"; on another scale
// the same position counts: 1 + (4 − 1) × (max − 1) / 4, so > 5.5 on 1–7. cxkpi's own average
// band (3–4 on 1–5) is scaled the same way.

import type { Benchmark, Lang } from '../types.ts';

/** A 1–5 score at the same position of a 1–max scale. */
export const onScale = (score5: number, max: number): number => 1 + ((score5 - 1) * (max - 1)) / 4;

const num = (x: number, lang: Lang) => (lang === 'en' ? String(x) : String(x).replace('.', ','));

export function cesMeanBenchmark(max: number): Benchmark {
  const good = onScale(4, max);
  const average = onScale(3, max);
  const scaled = max !== 5;
  const bands = [
    { rating: 'good', gt: good, from: 'KPIS.md' },
    { rating: 'average', gte: average, lte: good, from: 'cxkpi' },
    { rating: 'poor', lt: average, from: 'cxkpi' },
  ] as const;
  const kpisPart = scaled
    ? `KPIS.md: good: mean > 4 on a 5-point scale, scaled by cxkpi to > ${good} on 1–${max} (same position on the scale: 1 + (4 − 1) × ${max - 1}/4)`
    : 'KPIS.md: good: mean > 4 on a 5-point scale';
  const text = (lang: Lang) =>
    ({
      en: `good: mean > ${num(good, lang)} on a ${max}-point scale${scaled ? ' (> 4 of 5, scaled)' : ''}`,
      nl: `goed: gemiddelde > ${num(good, lang)} op een ${max}-puntsschaal${scaled ? ' (> 4 van 5, geschaald)' : ''}`,
      es: `bueno: media > ${num(good, lang)} en una escala de ${max} puntos${scaled ? ' (> 4 de 5, escalado)' : ''}`,
    })[lang];
  return {
    bands,
    source: `${kpisPart}; cxkpi default: average ${average}–${good}, poor < ${average}`,
    text: text('en'),
    localized: { en: text('en'), nl: text('nl'), es: text('es') },
  };
}

// Conditions over survey responses: the kind, and "on a known scale" per scale maximum.

import { and, cmp, col, or, type Expr } from '../expr.ts';

export const ofKind = (kind: 'nps' | 'csat' | 'ces'): Expr => cmp(col('kind'), '=', kind);

/** score ≥ min[scale_max] for each configured scale: judged against the response's own scale. */
export function atLeastOnOwnScale(mins: Readonly<Record<string, number>>): Expr {
  return or(
    ...Object.entries(mins).map(([max, min]) =>
      and(cmp(col('scale_max'), '=', Number(max)), cmp(col('score'), '>=', min)),
    ),
  );
}

export function onScales(mins: Readonly<Record<string, number>>): Expr {
  return or(...Object.keys(mins).map((max) => cmp(col('scale_max'), '=', Number(max))));
}

export function scaleText(mins: Readonly<Record<string, number>>): string {
  return Object.entries(mins)
    .map(([max, min]) =>
      Number(max) - min === 0 ? `${max}-pt: ${min}` : `${max}-pt: ${min}–${max}`,
    )
    .join(', ');
}

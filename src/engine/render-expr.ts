// Renders the metrics expression language to SQL through a dialect.

import type { Aggregate, Expr } from '../metrics/expr.ts';
import { businessSecondsSql } from './business-hours.ts';
import type { Dialect } from './dialect.ts';

export function renderExpr(e: Expr, d: Dialect): string {
  const r = (x: Expr) => renderExpr(x, d);
  switch (e.op) {
    case 'col':
      return d.quoteIdent(e.name);
    case 'lit':
      return d.literal(e.value);
    case 'cmp':
      return `(${r(e.left)} ${e.cmp} ${r(e.right)})`;
    case 'and':
    case 'or':
      return e.args.length === 0
        ? d.literal(e.op === 'and')
        : `(${e.args.map(r).join(` ${e.op.toUpperCase()} `)})`;
    case 'not':
      return `(NOT ${r(e.arg)})`;
    case 'isNull':
      return `(${r(e.arg)} IS NULL)`;
    case 'notNull':
      return `(${r(e.arg)} IS NOT NULL)`;
    case 'in':
      return `(${r(e.arg)} IN (${e.values.map((v) => d.literal(v)).join(', ')}))`;
    case 'add':
    case 'sub':
    case 'mul':
    case 'div': {
      const sym = { add: '+', sub: '-', mul: '*', div: '/' }[e.op];
      return `(${r(e.args[0])} ${sym} ${r(e.args[1])})`;
    }
    case 'coalesce':
      return `coalesce(${e.args.map(r).join(', ')})`;
    case 'case':
      return `(CASE ${e.when.map(([c, v]) => `WHEN ${r(c)} THEN ${r(v)}`).join(' ')} ELSE ${r(e.else)} END)`;
    case 'secondsBetween':
      return d.secondsBetween(r(e.from), r(e.to));
    case 'businessSeconds':
      return businessSecondsSql(r(e.from), r(e.to), e.hours, d);
  }
}

/**
 * `quantiles`: for each (expr, condition) key of `quantileKey`, every p the SELECT asks of it, so
 * the dialect can compute them in one pass.
 */
export function renderAggregate(
  a: Aggregate,
  d: Dialect,
  quantiles?: ReadonlyMap<string, readonly number[]>,
): string {
  const where = a.where ? renderExpr(a.where, d) : null;
  switch (a.fn) {
    case 'count':
      return d.countIf(where);
    case 'sum':
      return d.sumIf(renderExpr(a.of, d), where);
    case 'quantile': {
      const of = renderExpr(a.of, d);
      return d.quantileIf(of, a.p, where, quantiles?.get(quantileKey(of, where)));
    }
  }
}

export const quantileKey = (of: string, where: string | null): string => `${of}\u0000${where}`;

/** Every p asked of each (expr, condition) among `aggs`, ascending. */
export function quantileSets(
  aggs: readonly Aggregate[],
  d: Dialect,
): Map<string, readonly number[]> {
  const sets = new Map<string, Set<number>>();
  for (const a of aggs) {
    if (a.fn !== 'quantile') continue;
    const key = quantileKey(renderExpr(a.of, d), a.where ? renderExpr(a.where, d) : null);
    sets.set(key, (sets.get(key) ?? new Set()).add(a.p));
  }
  return new Map([...sets].map(([k, ps]) => [k, [...ps].sort((x, y) => x - y)]));
}

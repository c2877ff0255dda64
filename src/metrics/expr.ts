// A tiny, engine-neutral expression language for KPI building blocks (conditions, sums, quantiles).
// KPI definitions use it so formulas live here as data; each engine dialect renders it to SQL.

export type Scalar = number | string | boolean | null;
export type CmpOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Expr =
  | { readonly op: 'col'; readonly name: string }
  | { readonly op: 'lit'; readonly value: Scalar }
  | { readonly op: 'cmp'; readonly cmp: CmpOp; readonly left: Expr; readonly right: Expr }
  | { readonly op: 'and' | 'or'; readonly args: readonly Expr[] }
  | { readonly op: 'not'; readonly arg: Expr }
  | { readonly op: 'isNull' | 'notNull'; readonly arg: Expr }
  | { readonly op: 'in'; readonly arg: Expr; readonly values: readonly Scalar[] }
  | { readonly op: 'add' | 'sub' | 'mul' | 'div'; readonly args: readonly [Expr, Expr] }
  | { readonly op: 'coalesce'; readonly args: readonly Expr[] }
  | { readonly op: 'case'; readonly when: readonly (readonly [Expr, Expr])[]; readonly else: Expr }
  /** Seconds elapsed from `from` to `to` (timestamps), fractional. */
  | { readonly op: 'secondsBetween'; readonly from: Expr; readonly to: Expr }
  /** Seconds from `from` to `to` that fall inside the opening hours, in local wall-clock time. */
  | {
      readonly op: 'businessSeconds';
      readonly from: Expr;
      readonly to: Expr;
      readonly hours: BusinessHours;
    };

/** Opening hours: windows per ISO weekday ('1' = Monday), holidays as local dates, a time zone. */
export interface BusinessHours {
  readonly timezone: string;
  readonly week: Readonly<Partial<Record<string, readonly (readonly [string, string])[]>>>;
  readonly holidays: readonly string[];
}

/** One aggregate a KPI needs from its source relation. Quantiles are not additive. */
export type Aggregate =
  | { readonly fn: 'count'; readonly where?: Expr }
  | { readonly fn: 'sum'; readonly of: Expr; readonly where?: Expr }
  | { readonly fn: 'quantile'; readonly of: Expr; readonly p: number; readonly where?: Expr };

export const col = (name: string): Expr => ({ op: 'col', name });
export const lit = (value: Scalar): Expr => ({ op: 'lit', value });
export const cmp = (left: Expr, op: CmpOp, right: Expr | Scalar): Expr => ({
  op: 'cmp',
  cmp: op,
  left,
  right: isExpr(right) ? right : lit(right),
});
export const and = (...args: Expr[]): Expr => ({ op: 'and', args });
export const or = (...args: Expr[]): Expr => ({ op: 'or', args });
export const not = (arg: Expr): Expr => ({ op: 'not', arg });
export const isNull = (arg: Expr): Expr => ({ op: 'isNull', arg });
export const notNull = (arg: Expr): Expr => ({ op: 'notNull', arg });
export const inList = (arg: Expr, values: readonly Scalar[]): Expr => ({ op: 'in', arg, values });
export const add = (a: Expr, b: Expr): Expr => ({ op: 'add', args: [a, b] });
export const sub = (a: Expr, b: Expr): Expr => ({ op: 'sub', args: [a, b] });
export const mul = (a: Expr, b: Expr): Expr => ({ op: 'mul', args: [a, b] });
export const div = (a: Expr, b: Expr): Expr => ({ op: 'div', args: [a, b] });
export const coalesce = (...args: Expr[]): Expr => ({ op: 'coalesce', args });
export const caseWhen = (when: readonly (readonly [Expr, Expr])[], otherwise: Expr): Expr => ({
  op: 'case',
  when,
  else: otherwise,
});
export const secondsBetween = (from: Expr, to: Expr): Expr => ({ op: 'secondsBetween', from, to });
export const businessSeconds = (from: Expr, to: Expr, hours: BusinessHours): Expr => ({
  op: 'businessSeconds',
  from,
  to,
  hours,
});

export const count = (where?: Expr): Aggregate =>
  where ? { fn: 'count', where } : { fn: 'count' };
export const sum = (of: Expr, where?: Expr): Aggregate =>
  where ? { fn: 'sum', of, where } : { fn: 'sum', of };
export const quantile = (of: Expr, p: number, where?: Expr): Aggregate =>
  where ? { fn: 'quantile', of, p, where } : { fn: 'quantile', of, p };

function isExpr(x: Expr | Scalar): x is Expr {
  return typeof x === 'object' && x !== null && 'op' in x;
}

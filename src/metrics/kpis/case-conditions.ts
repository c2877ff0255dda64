// Shared conditions over the case facts: resolved, and where a case comes from. Cases from the
// cases table carry a real creation, resolution and reopen count; a handled contact without a
// case is a derived one-contact case (see src/engine/sources.ts) that has none of these.

import { and, cmp, col, notNull, type Expr } from '../expr.ts';

export const resolved: Expr = cmp(col('resolved'), '=', true);
export const fromCasesTable: Expr = cmp(col('origin'), '=', 'case');
export const fromContacts: Expr = cmp(col('origin'), '=', 'contact');
export const reopensKnown: Expr = and(fromCasesTable, notNull(col('reopened_count')));

/** Printed with case KPIs: what a case and a resolution are. */
export const CASES_TEXT = 'cases table + handled contacts without a case (one case each)';

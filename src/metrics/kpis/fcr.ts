// FCR by the three methods of KPIS.md (flag, single contact, no repeat within N days) and
// `auto` (flag where the source gave one, else no-repeat), reporting how many cases each decided.
// Cases include handled contacts without a case (one case each, resolved when handled).

import { and, cmp, coalesce, col, count, isNull, lit, notNull, or, type Expr } from '../expr.ts';
import { ratio, wilsonInterval } from '../math.ts';
import type { FcrMethod, WorkspaceSettings } from '../settings.ts';
import type { AggValues, Figure, KpiDefinition } from '../types.ts';
import { CASES_TEXT, fromContacts, resolved } from './case-conditions.ts';

const flagGiven = notNull(col('fcr_flag'));
const flagYes = cmp(col('fcr_flag'), '=', true);
const noFlag = isNull(col('fcr_flag'));
const repeatKnown = notNull(col('repeat_contact'));
const noRepeat = and(resolved, cmp(col('repeat_contact'), '=', false));
const singleContact = and(
  resolved,
  cmp(col('touches'), '=', 1),
  // A blank reopen count (and a contact without a case) counts as never reopened here.
  cmp(coalesce(col('reopened_count'), lit(0)), '=', 0),
);

const POPULATION: Readonly<Record<FcrMethod, Expr>> = {
  flag: flagGiven,
  'single-contact': lit(true),
  'no-repeat': repeatKnown,
  auto: or(flagGiven, and(noFlag, repeatKnown)),
};

const FORMULAS: Readonly<Record<FcrMethod, (s: WorkspaceSettings) => string>> = {
  flag: () => 'cases flagged resolved at first contact by the source / cases with a flag',
  'single-contact': () => 'cases resolved with exactly one contact and never reopened / all cases',
  'no-repeat': (s) =>
    `resolved cases whose customer did not come back / cases where that is known (a customer id, or a second contact); came back = ${cameBack(s)}`,
  auto: (s) => `source flag where given, else resolved and not came back: ${cameBack(s)}`,
};

/** Method 3's "repeat contact", counted from the resolution (KPIS.md: "of a resolved contact"). */
function cameBack(s: WorkspaceSettings): string {
  return `a second contact on the case, or another contact from the same customer (any channel) after the case's first contact and at most ${s.fcr.repeat_window_days} days after its resolution`;
}

function figure(
  yes: number,
  n: number,
  excluded: Record<string, number>,
  counts: Record<string, number>,
): Figure {
  const ci = wilsonInterval(yes, n);
  return {
    value: ratio(yes, n, 100),
    numerator: yes,
    denominator: n,
    n,
    excluded,
    counts,
    ciLow: ci?.[0] ?? null,
    ciHigh: ci?.[1] ?? null,
  };
}

function compute(a: AggValues, s: WorkspaceSettings): Figure {
  const v = (k: string) => a[k] ?? 0;
  const all = v('cases');
  const cases = { cases: all, contacts_without_case: v('fromContacts') };
  switch (s.fcr.method) {
    case 'flag':
      return figure(v('flagYes'), v('flagN'), { no_flag: all - v('flagN') }, cases);
    case 'single-contact':
      return figure(v('single'), all, {}, cases);
    case 'no-repeat':
      return figure(
        v('noRepeat'),
        v('repeatKnown'),
        { no_customer_id: all - v('repeatKnown') },
        cases,
      );
    case 'auto': {
      const byFlag = v('flagN');
      const byRepeat = v('autoRepeatN');
      return figure(
        v('flagYes') + v('autoRepeatYes'),
        byFlag + byRepeat,
        { undecided_no_flag_no_customer: all - byFlag - byRepeat },
        { ...cases, decided_by_flag: byFlag, decided_by_no_repeat: byRepeat },
      );
    }
  }
}

export const fcr: KpiDefinition = {
  id: 'fcr',
  name: {
    en: 'First contact resolution',
    nl: 'Oplossing bij eerste contact',
    es: 'Resolución en el primer contacto',
  },
  description: {
    en: 'Share of cases resolved at the first contact.',
    nl: 'Aandeel zaken dat bij het eerste contact is opgelost.',
    es: 'Porcentaje de casos resueltos en el primer contacto.',
  },
  unit: 'percent',
  direction: 'higher',
  source: 'cases',
  timeField: 'created_at',
  additivity: 'ratio',
  benchmark: {
    bands: [
      { rating: 'excellent', gt: 85, from: 'KPIS.md' },
      { rating: 'good', gte: 70, lte: 80, from: 'KPIS.md' },
      { rating: 'good', gt: 80, lte: 85, from: 'cxkpi' },
      { rating: 'average', gte: 60, lt: 70, from: 'cxkpi' },
      { rating: 'poor', lt: 60, from: 'cxkpi' },
    ],
    source:
      'KPIS.md: standard (good) 70–80 %, excellent > 85 %; cxkpi default: good also 80–85 %, average 60–70 %, poor < 60 %',
    text: 'standard 70–80 %; excellent > 85 %',
    localized: {
      en: 'standard 70–80 %; excellent > 85 %',
      nl: 'standaard 70–80 %; uitstekend > 85 %',
      es: 'estándar 70–80 %; excelente > 85 %',
    },
  },
  formula: (s) => FORMULAS[s.fcr.method](s),
  variant: (s) => s.fcr.method,
  settingsUsed: (s) => ({
    method: s.fcr.method,
    repeat_window_days: s.fcr.repeat_window_days,
    resolved: 'resolved_at is set',
    resolution: 'resolved_at; a contact without a case: its end',
    cases: CASES_TEXT,
  }),
  aggregates: () => ({
    cases: count(),
    fromContacts: count(fromContacts),
    flagYes: count(flagYes),
    flagN: count(flagGiven),
    single: count(singleContact),
    noRepeat: count(noRepeat),
    repeatKnown: count(repeatKnown),
    autoRepeatYes: count(and(noFlag, noRepeat)),
    autoRepeatN: count(and(noFlag, repeatKnown)),
  }),
  population: (s) => POPULATION[s.fcr.method],
  compute: (a, s) => [compute(a, s)],
};

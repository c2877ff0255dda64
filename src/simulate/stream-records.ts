// One simulation pass as batches of one entity's records; other entities kept while they fit.
// Limits: batches of at most BATCH records; kept rows cost about 100 bytes each.

import type { CanonicalRecord } from '../ingest/index.ts';
import { CASE_COLUMNS, Columns, SURVEY_COLUMNS } from './columns.ts';
import type { CaseColumn, SurveyColumn } from './columns.ts';
import { runDays } from './core.ts';
import type { CoreRun } from './core.ts';
import { RecordMaker } from './records.ts';

export const BATCH = 10_000;

export type StreamedEntity = 'contacts' | 'cases' | 'surveys';

/** Rows of later passes kept from this one; `overflowed` when the budget ran out (re-simulate). */
export class Retained {
  cases: Columns<CaseColumn> | null;
  surveys: Columns<SurveyColumn> | null;
  overflowed = false;

  constructor(
    keepCases: boolean,
    keepSurveys: boolean,
    private readonly budgetBytes: number,
  ) {
    this.cases = keepCases ? new Columns(CASE_COLUMNS, 65_536) : null;
    this.surveys = keepSurveys ? new Columns(SURVEY_COLUMNS, 16_384) : null;
  }

  keep(run: CoreRun): void {
    if (this.overflowed) return;
    const e = run.engine;
    this.cases?.appendFrom(e.caseOut);
    this.surveys?.appendFrom(e.surveyOut);
    if ((this.cases?.bytes ?? 0) + (this.surveys?.bytes ?? 0) > this.budgetBytes) {
      this.overflowed = true;
      this.cases = null;
      this.surveys = null;
    }
  }
}

export interface PassHooks {
  /** After each simulated day (progress, memory sampling). */
  readonly onDay?: (day: number) => void;
}

/** Simulates the whole period and yields `entity` records in batches. */
export function* streamPass(
  run: CoreRun,
  entity: StreamedEntity,
  retained: Retained | null,
  hooks: PassHooks = {},
): Generator<CanonicalRecord[], void, void> {
  const maker = new RecordMaker(run.model, run.cal, run.plan.people);
  const e = run.engine;
  let batch: CanonicalRecord[] = [];
  for (const d of runDays(run)) {
    if (entity === 'contacts') {
      const b = e.contactOut;
      for (let i = 0; i < b.n; i++) {
        batch.push(maker.contact(b, i));
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
    }
    const n = entity === 'cases' ? e.caseOut.n : entity === 'surveys' ? e.surveyOut.n : 0;
    for (let i = 0; i < n; i++) {
      batch.push(entity === 'cases' ? maker.case(e.caseOut, i) : maker.survey(e.surveyOut, i));
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
    retained?.keep(run);
    hooks.onDay?.(d);
  }
  if (batch.length > 0) yield batch;
}

/** Yields retained rows as records, in batches. */
export function* streamRetained(
  run: CoreRun,
  entity: 'cases' | 'surveys',
  retained: Retained,
): Generator<CanonicalRecord[], void, void> {
  const maker = new RecordMaker(run.model, run.cal, run.plan.people);
  const cols = entity === 'cases' ? retained.cases : retained.surveys;
  if (!cols) return;
  for (let from = 0; from < cols.n; from += BATCH) {
    const to = Math.min(cols.n, from + BATCH);
    const batch: CanonicalRecord[] = new Array(to - from);
    for (let i = from; i < to; i++) {
      batch[i - from] =
        entity === 'cases'
          ? maker.case(cols as Columns<CaseColumn>, i)
          : maker.survey(cols as Columns<SurveyColumn>, i);
    }
    yield batch;
  }
}

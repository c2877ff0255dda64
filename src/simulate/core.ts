// The simulation without storage: compile a scenario, plan staffing, step the event loop by day.
// Limits: memory is bounded by contacts in flight and open cases; buffers hold one day.

import { buildCalendar } from './calendar.ts';
import type { SimCalendar } from './calendar.ts';
import { Engine } from './engine.ts';
import { buildPlan } from './plan.ts';
import type { StaffingPlan } from './plan.ts';
import type { Scenario } from './scenario-schema.ts';
import { compileModel } from './sim-model.ts';
import type { SimModel } from './sim-model.ts';

export interface CoreRun {
  readonly model: SimModel;
  readonly cal: SimCalendar;
  readonly plan: StaffingPlan;
  readonly engine: Engine;
  readonly seed: number;
}

export function prepareRun(scenario: Scenario, { scale = 1, seed = scenario.seed } = {}): CoreRun {
  const model = compileModel(scenario, scale);
  const cal = buildCalendar(model);
  const plan = buildPlan(model, cal, seed);
  const engine = new Engine(model, cal, plan, seed);
  return { model, cal, plan, engine, seed };
}

/**
 * Runs every day in order and yields its index once the day's records are in the engine's
 * buffers (the last day also holds the cases still open). Buffers are cleared on resume.
 */
export function* runDays(run: CoreRun): Generator<number, void, void> {
  const e = run.engine;
  for (let d = 0; d < run.cal.days.length; d++) {
    e.runDay(d);
    if (d === run.cal.days.length - 1) e.finish();
    yield d;
    e.contactOut.clear();
    e.caseOut.clear();
    e.surveyOut.clear();
  }
}

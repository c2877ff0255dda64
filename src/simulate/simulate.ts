// Builds a workspace from a simulated contact centre: staffing plan, contacts, cases, surveys and
// costs, all records through the canonical write path. Limits: bounded memory; see docs/simulator.md.

import { writeRecords } from '../ingest/index.ts';
import type { CanonicalRecord, WriteSummary } from '../ingest/index.ts';
import type { Entity } from '../model/fields.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { UserError } from '../errors.ts';
import { prepareRun } from './core.ts';
import type { CoreRun } from './core.ts';
import { costRecords } from './costs.ts';
import { loadScenario } from './load-scenario.ts';
import type { Scenario } from './scenario-schema.ts';
import { Retained, streamPass, streamRetained } from './stream-records.ts';
import { applySettings, summarise } from './summary.ts';
import type { SimulationSummary } from './summary.ts';
import { writeStaffing } from './write-staffing.ts';

export interface SimulateOptions {
  /** A scenario from loadScenario/parseScenario, or a bundled name or file path. */
  readonly scenario: Scenario | string;
  /** Multiplies volumes, customers, fixed agents and fixed costs. Default 1. */
  readonly scale?: number;
  /** Random seed; default the scenario's. The same seed gives the same records. */
  readonly seed?: number;
  /** Records written so far (all entities), and the entity being written. */
  readonly onProgress?: (done: number, entity?: Entity) => void;
  /** Memory for keeping cases and surveys from the first pass instead of simulating again. Default 512 MiB. */
  readonly retainBytes?: number;
}

const SOURCE = 'simulator';

export async function simulate(
  ws: Workspace,
  options: SimulateOptions,
): Promise<SimulationSummary> {
  const started = performance.now();
  const { scale = 1, onProgress, retainBytes = 512 * 2 ** 20 } = options;
  if (!(Number.isFinite(scale) && scale > 0)) {
    throw new UserError(
      'INVALID_PARAMETER',
      `Invalid scale "${scale}": expected a number above 0.`,
      {
        parameter: 'scale',
      },
    );
  }
  const scenario =
    typeof options.scenario === 'string' ? await loadScenario(options.scenario) : options.scenario;
  const seed = options.seed ?? scenario.seed;
  if (!Number.isSafeInteger(seed)) {
    throw new UserError('INVALID_PARAMETER', `Invalid seed "${seed}": expected a whole number.`, {
      parameter: 'seed',
    });
  }
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const fresh = (): CoreRun => prepareRun(scenario, { scale, seed });
  const first = fresh();
  const prepared = performance.now() - started;
  await applySettings(ws, scenario);
  const staffingRows = await writeStaffing(ws, first.model, first.cal, first.plan);
  let done = 0;
  let generating = 0;
  const write = async (entity: Entity, rows: Iterable<readonly CanonicalRecord[]>) => {
    const base = done;
    const summary = await writeRecords(ws, entity, timed(rows), {
      source: SOURCE,
      onProgress: (n) => {
        done = base + n;
        sample();
        onProgress?.(done, entity);
      },
    });
    done = base + summary.read;
    return summary;
  };
  /** Time spent simulating and making records, apart from the time the write path takes. */
  function* timed(
    rows: Iterable<readonly CanonicalRecord[]>,
  ): Generator<readonly CanonicalRecord[]> {
    const it = rows[Symbol.iterator]();
    for (;;) {
      const t = performance.now();
      const r = it.next();
      generating += performance.now() - t;
      if (r.done) return;
      yield r.value;
    }
  }
  const imports: Partial<Record<Entity, WriteSummary>> = {};
  let passes = 1;
  const keep = new Retained(true, true, retainBytes);
  imports.contacts = await write(
    'contacts',
    streamPass(first, 'contacts', keep, { onDay: sample }),
  );
  const counts = { ...first.engine.counts };
  const people = first.plan.people.length;
  if (!keep.overflowed) {
    imports.cases = await write('cases', streamRetained(first, 'cases', keep));
    imports.surveys = await write('surveys', streamRetained(first, 'surveys', keep));
  } else {
    // Too large to keep: simulate again (same seed, same events) for cases, then for surveys.
    const again = fresh();
    passes++;
    const keepSurveys = new Retained(false, true, retainBytes);
    imports.cases = await write(
      'cases',
      streamPass(again, 'cases', keepSurveys, { onDay: sample }),
    );
    if (!keepSurveys.overflowed) {
      imports.surveys = await write('surveys', streamRetained(again, 'surveys', keepSurveys));
    } else {
      passes++;
      imports.surveys = await write(
        'surveys',
        streamPass(fresh(), 'surveys', null, { onDay: sample }),
      );
    }
  }
  imports.costs = await write('costs', [costRecords(first.model, first.cal, first.plan)]);
  sample();
  return summarise({
    scenario,
    run: first,
    scale,
    seed,
    imports,
    counts,
    people,
    staffingRows,
    passes,
    wallSeconds: (performance.now() - started) / 1000,
    simulateSeconds: (generating + prepared) / 1000,
    peakRss,
  });
}

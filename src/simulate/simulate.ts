// Builds a workspace from a simulated contact centre through the canonical write path.
// Limits: bounded memory (day by day, passes re-run when too big); see docs/simulator.md.

import { UserError } from '../errors.ts';
import { writeRecords } from '../ingest/index.ts';
import type { CanonicalRecord, WriteSummary } from '../ingest/index.ts';
import type { Entity } from '../model/fields.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { prepareRun } from './core.ts';
import { readAhead } from './read-ahead.ts';
import type { CoreRun } from './core.ts';
import { costRecords } from './costs.ts';
import { loadScenario } from './load-scenario.ts';
import type { Scenario } from './scenario-schema.ts';
import { Retained, streamPass, streamRetained } from './stream-records.ts';
import { applySettings } from './scenario-settings.ts';
import { summarise } from './summary.ts';
import type { SimulationSummary } from './summary.ts';
import { staffingRecords } from './staffing-records.ts';

export interface SimulateOptions {
  /** A scenario from loadScenario/parseScenario, or a bundled name or file path. */
  readonly scenario: Scenario | string;
  /** Multiplies volumes, customers, fixed agents and fixed costs. Default 1. */
  readonly scale?: number;
  /** Random seed; default the scenario's. The same seed gives the same records. */
  readonly seed?: number;
  /** Records written so far (all entities), and the entity being written. */
  readonly onProgress?: (done: number, entity?: Entity) => void;
  /** Memory to keep cases and surveys of the first pass instead of re-running. Default 512 MiB. */
  readonly retainBytes?: number;
  /** Batches made ahead while the write path works in DuckDB. Default 4 (40,000 records). */
  readonly readAhead?: number;
}

const SOURCE = 'simulator';

export async function simulate(
  ws: Workspace,
  options: SimulateOptions,
): Promise<SimulationSummary> {
  const started = performance.now();
  const { scale = 1, retainBytes = 512 * 2 ** 20, readAhead: depth = 4 } = options;
  if (!(Number.isFinite(scale) && scale > 0)) {
    throw new UserError('INVALID_PARAMETER', `Invalid scale "${scale}": expected a number > 0.`, {
      parameter: 'scale',
    });
  }
  const scenario =
    typeof options.scenario === 'string' ? await loadScenario(options.scenario) : options.scenario;
  const seed = options.seed ?? scenario.seed;
  if (!Number.isSafeInteger(seed)) {
    throw new UserError('INVALID_PARAMETER', `Invalid seed "${seed}": expected a whole number.`, {
      parameter: 'seed',
    });
  }
  const memory = new RssSampler();
  try {
    const o = { ...options, scenario, scale, seed, retainBytes, readAhead: Math.max(0, depth) };
    return await build(ws, o, memory, started);
  } finally {
    memory.stop();
  }
}

/** Peak resident memory, sampled on demand and on a timer (DuckDB peaks while we await it). */
class RssSampler {
  peak = process.memoryUsage().rss;
  private readonly timer = setInterval(() => this.sample(), 200);

  constructor() {
    this.timer.unref();
  }

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

interface BuildOptions extends SimulateOptions {
  readonly scenario: Scenario;
  readonly scale: number;
  readonly seed: number;
  readonly retainBytes: number;
  readonly readAhead: number;
}

async function build(
  ws: Workspace,
  o: BuildOptions,
  memory: RssSampler,
  started: number,
): Promise<SimulationSummary> {
  const fresh = (): CoreRun => prepareRun(o.scenario, { scale: o.scale, seed: o.seed });
  const first = fresh();
  let generating = performance.now() - started;
  await applySettings(ws, first);
  let done = 0;
  /** Time spent simulating and making records, apart from the time the write path takes. */
  function* timed(rows: Iterable<readonly CanonicalRecord[]>) {
    const it = rows[Symbol.iterator]();
    for (;;) {
      const t = performance.now();
      const r = it.next();
      generating += performance.now() - t;
      if (r.done) return;
      yield r.value;
    }
  }
  const write = async (entity: Entity, rows: Iterable<readonly CanonicalRecord[]>) => {
    const base = done;
    const source = o.readAhead > 0 ? readAhead(timed(rows), o.readAhead) : timed(rows);
    const summary = await writeRecords(ws, entity, source, {
      source: SOURCE,
      onProgress: (n) => {
        done = base + n;
        memory.sample();
        o.onProgress?.(done, entity);
      },
    });
    done = base + summary.read;
    return summary;
  };
  const onDay = () => memory.sample();
  const imports: Partial<Record<Entity, WriteSummary>> = {};
  let passes = 1;
  const keep = new Retained(true, true, o.retainBytes);
  imports.contacts = await write('contacts', streamPass(first, 'contacts', keep, { onDay }));
  if (!keep.overflowed) {
    imports.cases = await write('cases', streamRetained(first, 'cases', keep));
    imports.surveys = await write('surveys', streamRetained(first, 'surveys', keep));
  } else {
    // Too large to keep: simulate again (same seed, same events) for cases, then for surveys.
    const again = fresh();
    passes++;
    const keepSurveys = new Retained(false, true, o.retainBytes);
    imports.cases = await write('cases', streamPass(again, 'cases', keepSurveys, { onDay }));
    if (!keepSurveys.overflowed) {
      imports.surveys = await write('surveys', streamRetained(again, 'surveys', keepSurveys));
    } else {
      passes++;
      imports.surveys = await write('surveys', streamPass(fresh(), 'surveys', null, { onDay }));
    }
  }
  imports.costs = await write('costs', [costRecords(first.model, first.cal, first.plan)]);
  imports.staffing = await write('staffing', [staffingRecords(first.model, first.cal, first.plan)]);
  memory.sample();
  return summarise({
    scenario: o.scenario,
    run: first,
    scale: o.scale,
    seed: o.seed,
    imports,
    counts: first.engine.counts,
    people: first.plan.people.length,
    passes,
    wallSeconds: (performance.now() - started) / 1000,
    simulateSeconds: generating / 1000,
    peakRss: memory.peak,
  });
}

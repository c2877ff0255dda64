// Times the engine's dashboard KPI set against the hand-written single query on the same store,
// alternating runs after one warm-up each, and checks that both give the same numbers.

import {
  ensureDerived,
  invalidateDerived,
  runKpiQuery,
  type KpiReport,
  type Row,
  type RunOptions,
} from '../src/engine/index.ts';
import { ensureRollups } from '../src/engine/rollups.ts';
import { KPI_IDS, type WorkspaceSettings } from '../src/metrics/index.ts';
import { openWorkspace, type Workspace } from '../src/workspace/workspace.ts';
import { handwrittenDashboardSql } from './handwritten-sql.ts';
import { compareDashboard, type CheckResult } from './compare-dashboard.ts';
import { log } from './progress.ts';
import { withRssSampling } from './rss-sampler.ts';
import { median, round } from './stats.ts';
import type { BenchWorkspace } from './workspaces.ts';

export interface EngineVsSqlResult {
  readonly size: string;
  readonly contacts: number;
  readonly runs: number;
  readonly engineMs: readonly number[];
  readonly handwrittenMs: readonly number[];
  readonly engineMedianMs: number;
  readonly handwrittenMedianMs: number;
  /** engine median / hand-written median. */
  readonly ratio: number;
  readonly peakRssMb: number;
  readonly settings: string;
  readonly check: CheckResult;
  /** The engine's numbers against the reference that derives case and survey facts from raw rows. */
  readonly rawCheck: CheckResult;
  /** That raw-rows reference, timed once (information: it rebuilds the facts every time). */
  readonly rawHandwrittenMs: number;
  /** Building case_facts and survey_facts (once after each change of the data). */
  readonly derivedBuildMs: number;
  /** Building the daily rollups (once after each change of the data or the settings). */
  readonly rollupBuildMs: number;
  /**
   * The same KPI set with the engine free to read the rollups (percentiles still come from the
   * records), median of the same number of runs; the ratio above reads only the records.
   */
  readonly withRollupsMedianMs: number;
  /** Whether that output equals the records-only output value for value. */
  readonly withRollupsIdentical: boolean;
}

export interface EngineOutput {
  readonly byDay: KpiReport;
  readonly overall: KpiReport;
}

/** The dashboard KPI set as the engine computes it: all KPIs by channel × day, plus overall p50/p90. */
export async function engineDashboard(
  ws: Workspace,
  settings: WorkspaceSettings,
  options: RunOptions = {},
): Promise<EngineOutput> {
  const byDay = await runKpiQuery(
    ws.runner,
    { kpis: [...KPI_IDS], by: ['channel'], grain: 'day' },
    settings,
    options,
  );
  const overall = await runKpiQuery(ws.runner, { kpis: ['asa', 'aht'] }, settings, options);
  return { byDay, overall };
}

/**
 * The hand-written SQL assumes one SL threshold T = 20 s for every channel; the default scenario
 * sets per-channel thresholds. For a like-for-like comparison the benchmark workspaces drop them.
 */
export async function settingsForComparison(ws: Workspace): Promise<WorkspaceSettings> {
  const s = await ws.settings();
  if (
    Object.keys(s.service_level.threshold_s_by_channel).length > 0 ||
    s.service_level.threshold_s !== 20
  ) {
    await ws.saveSettings({
      ...s,
      service_level: { ...s.service_level, threshold_s: 20, threshold_s_by_channel: {} },
    });
  }
  return ws.settings();
}

const elapsed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
};

export async function engineVsSql(
  bw: BenchWorkspace,
  { runs, memoryLimit }: { runs: number; memoryLimit: string },
): Promise<EngineVsSqlResult> {
  const ws = await openWorkspace({ path: bw.path });
  try {
    await ws.runner.exec(`SET memory_limit = '${memoryLimit}'`);
    const settings = await settingsForComparison(ws);
    const sql = handwrittenDashboardSql(settings.timezone);
    await invalidateDerived(ws.runner);
    const [, derivedBuildMs] = await elapsed(() => ensureDerived(ws.runner));
    log(`engine vs SQL ${bw.size}: derived facts built in ${derivedBuildMs.toFixed(0)} ms`);
    // The comparison reads the records, as the hand-written SQL does; rollups are timed apart.
    const engine = () => engineDashboard(ws, settings, { rollups: false });
    const hand = (): Promise<Row[]> => ws.runner.all(sql);
    const sampled = await withRssSampling(async () => {
      log(`engine vs SQL ${bw.size}: warm-up`);
      const [eOut, eWarm] = await elapsed(engine);
      const [hOut, hWarm] = await elapsed(hand);
      log(
        `engine vs SQL ${bw.size}: warm-up engine ${eWarm.toFixed(0)} ms, hand-written ${hWarm.toFixed(0)} ms`,
      );
      const engineMs: number[] = [];
      const handMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternate which side goes first, so drift in machine load hits both alike.
        const order = i % 2 === 0 ? ['e', 'h'] : ['h', 'e'];
        for (const side of order) {
          globalThis.gc?.();
          if (side === 'e') engineMs.push((await elapsed(engine))[1]);
          else handMs.push((await elapsed(hand))[1]);
        }
        log(
          `engine vs SQL ${bw.size}: run ${i + 1}/${runs} engine ${engineMs.at(-1)?.toFixed(0)} ms, hand-written ${handMs.at(-1)?.toFixed(0)} ms`,
        );
      }
      const [, rollupMs] = await elapsed(() => ensureRollups(ws.runner, settings));
      log(`engine vs SQL ${bw.size}: rollups built in ${rollupMs.toFixed(0)} ms`);
      const rolled: number[] = [];
      let rolledOut: EngineOutput | undefined;
      for (let i = 0; i < runs; i++) {
        globalThis.gc?.();
        const [out, ms] = await elapsed(() => engineDashboard(ws, settings));
        rolled.push(ms);
        rolledOut = out;
      }
      const same = (a: EngineOutput, b: EngineOutput | undefined) =>
        JSON.stringify([a.byDay.rows, a.overall.rows]) ===
        JSON.stringify([b?.byDay.rows, b?.overall.rows]);
      log(`engine vs SQL ${bw.size}: with rollups ${median(rolled).toFixed(0)} ms (median)`);
      const [rawOut, rawMs] = await elapsed(() =>
        ws.runner.all(handwrittenDashboardSql(settings.timezone, 'raw')),
      );
      return {
        check: compareDashboard(eOut.byDay, eOut.overall, hOut),
        rawCheck: compareDashboard(eOut.byDay, eOut.overall, rawOut),
        rawMs,
        engineMs,
        handMs,
        rollupMs,
        rolled,
        rolledSame: same(eOut, rolledOut),
      };
    });
    const { check, rawCheck, rawMs, engineMs, handMs, rollupMs, rolled, rolledSame } =
      sampled.value;
    const e = median(engineMs);
    const h = median(handMs);
    return {
      size: bw.size,
      contacts: bw.build.contacts,
      runs,
      engineMs: engineMs.map((x) => round(x)),
      handwrittenMs: handMs.map((x) => round(x)),
      engineMedianMs: round(e),
      handwrittenMedianMs: round(h),
      ratio: round(e / h, 3),
      peakRssMb: sampled.peakRssMb,
      settings: `SL T = 20 s for every channel (per-channel thresholds cleared via ws.saveSettings), timezone ${settings.timezone}, memory_limit ${memoryLimit}`,
      check,
      rawCheck,
      rawHandwrittenMs: round(rawMs),
      derivedBuildMs: round(derivedBuildMs),
      rollupBuildMs: round(rollupMs),
      withRollupsMedianMs: round(median(rolled)),
      withRollupsIdentical: rolledSame,
    };
  } finally {
    await ws.close();
  }
}

// The shape of bench/results.json: every measured number, the options, the machine and the
// times each part ran. Limits: types only; run.ts fills it, summary-rows.ts reads it.

import type { BenchOptions } from './args.ts';
import type { BundleSize } from './bundle-size.ts';
import type { DashboardResult } from './dashboard-browser.ts';
import type { EngineBreakdown } from './engine-breakdown.ts';
import type { EngineVsSqlResult } from './engine-vs-sql.ts';
import type { ImportVsCsvResult } from './import-vs-csv.ts';
import type { MachineInfo } from './machine.ts';
import type { BenchWorkspace } from './workspaces.ts';

export interface StepLog {
  readonly step: string;
  readonly startedAt: string;
  readonly seconds: number;
  readonly loadAverageAtStart: readonly number[];
}

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  options: BenchOptions;
  machine: MachineInfo;
  workspaces: Partial<Record<string, BenchWorkspace>>;
  engineVsSql: EngineVsSqlResult[];
  breakdown: EngineBreakdown[];
  importVsCsv: ImportVsCsvResult[];
  dashboard: DashboardResult[];
  bundle?: BundleSize;
  steps: StepLog[];
  errors: { step: string; message: string }[];
}

// DuckDB's own progress of the statement running on the workspace connection, polled from JS
// while the statement runs on DuckDB's threads. Limits: per statement; 0–100, or null if unknown.

import type { Workspace } from '../workspace/workspace.ts';

/** Turns DuckDB's progress tracking on (without its own terminal bar); returns the undo. */
export async function trackQueryProgress(ws: Workspace): Promise<() => Promise<void>> {
  await ws.runner.exec('SET enable_progress_bar_print = false');
  await ws.runner.exec('SET enable_progress_bar = true');
  return async () => {
    await ws.runner.exec('RESET enable_progress_bar');
    await ws.runner.exec('RESET enable_progress_bar_print');
  };
}

/** The running statement's progress in percent (DuckDB: share of the scanned input), or null. */
export function queryPercent(ws: Workspace): number | null {
  const p = ws.runner.connection.progress.percentage;
  return Number.isFinite(p) && p >= 0 ? Math.min(100, p) : null;
}

/** Calls `report` every `everyMs` while `work` runs, then once more at the end. */
export async function whileRunning<T>(
  work: () => Promise<T>,
  report: () => void,
  everyMs = 200,
): Promise<T> {
  const timer = setInterval(report, everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

// Test helper: a fresh in-memory workspace per test, closed afterwards, and a way to run a
// KPI query with settings overrides.

import { afterEach, beforeEach } from 'vitest';
import { runKpiQuery } from '../../src/engine/run-query.ts';
import type { KpiQueryInput } from '../../src/engine/query.ts';
import type { KpiRow } from '../../src/engine/result.ts';
import { settingsSchema, type WorkspaceSettings } from '../../src/metrics/settings.ts';
import { openWorkspace, type Workspace } from '../../src/workspace/workspace.ts';

export function useMemoryWorkspace(): { ws: () => Workspace } {
  let ws: Workspace | undefined;
  beforeEach(async () => {
    ws = await openWorkspace({ path: ':memory:' });
  });
  afterEach(async () => {
    await ws?.close();
    ws = undefined;
  });
  return {
    ws: () => {
      if (!ws) throw new Error('workspace not open');
      return ws;
    },
  };
}

export type SettingsPatch = Partial<{
  [K in keyof WorkspaceSettings]: Partial<WorkspaceSettings[K]> | WorkspaceSettings[K];
}>;

export function settingsWith(patch: SettingsPatch = {}): WorkspaceSettings {
  const base = settingsSchema.parse({});
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const cur = (base as Record<string, unknown>)[k];
    merged[k] =
      cur && typeof cur === 'object' && !Array.isArray(cur) && v && typeof v === 'object'
        ? { ...cur, ...v }
        : v;
  }
  return settingsSchema.parse(merged);
}

export async function kpiRows(
  ws: Workspace,
  q: KpiQueryInput,
  patch: SettingsPatch = {},
): Promise<KpiRow[]> {
  const report = await runKpiQuery(ws.runner, q, settingsWith(patch));
  return [...report.rows];
}

export async function only(
  ws: Workspace,
  q: KpiQueryInput,
  patch: SettingsPatch = {},
): Promise<KpiRow> {
  const rows = await kpiRows(ws, q, patch);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0] as KpiRow;
}

export async function scalar(ws: Workspace, sql: string): Promise<number> {
  const rows = await ws.runner.all(sql);
  const first = rows[0];
  if (!first) throw new Error('no row');
  return Number(Object.values(first)[0]);
}

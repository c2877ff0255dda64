// Builds the daily rollups of rollup-plan.ts as tables, next to the derived fact tables they
// read, and rebuilds them on the first query after the data, the fact tables or the workspace's
// settings changed. Like derived.ts: one build at a time per runner object, and the check and the
// build share one transaction, so the tables always match the fingerprint stored with them.

import { createHash } from 'node:crypto';
import type { WorkspaceSettings } from '../metrics/settings.ts';
import { ensureDerived, readState, type DerivedState } from './derived.ts';
import {
  DIMENSION_VALUES,
  dimensionValuesSql,
  ROLLUP_KEYS,
  rollupPlan,
  rollupTableSql,
  type RollupTable,
} from './rollup-plan.ts';
import type { Runner } from './runner.ts';
import { zoneOffsets } from './zone-offsets.ts';

const building = new WeakMap<Runner, Promise<void>>();

/** The rollups, current for the data the runner sees and the workspace settings `s`. */
export async function ensureRollups(
  runner: Runner,
  s: WorkspaceSettings,
): Promise<readonly RollupTable[]> {
  const state = await ensureDerived(runner);
  const plan = rollupPlan(s, runner.dialect);
  // Without zone offsets: the SQL says what is computed; the offsets only make it faster.
  const sql = [
    ...plan.map((t) => rollupTableSql(t, runner.dialect, null)),
    valuesSql(plan, runner),
  ].join('\n');
  if (state.rollups === fingerprint(state, sql)) return plan;
  let job = building.get(runner);
  if (!job) {
    job = build(runner, plan, sql, s.timezone).finally(() => building.delete(runner));
    building.set(runner, job);
  }
  await job;
  return plan;
}

async function build(
  runner: Runner,
  plan: readonly RollupTable[],
  sql: string,
  tz: string,
): Promise<void> {
  await runner.exec('BEGIN TRANSACTION');
  try {
    const state = await readState(runner);
    const fp = fingerprint(state, sql);
    if (state.rollups !== fp) {
      for (const t of plan) {
        const zone = await zoneOver(runner, t, tz);
        await runner.exec(
          `CREATE OR REPLACE TABLE ${t.table} AS ${rollupTableSql(t, runner.dialect, zone)}`,
        );
      }
      await runner.exec(
        `CREATE OR REPLACE TABLE ${DIMENSION_VALUES} AS ${valuesSql(plan, runner)}`,
      );
      await runner.exec(
        `INSERT OR REPLACE INTO derived_state VALUES ('rollups', ${runner.dialect.literal(fp)}, now())`,
      );
    }
    await runner.exec('COMMIT');
  } catch (e) {
    await runner.exec('ROLLBACK');
    throw e;
  }
}

const valuesSql = (plan: readonly RollupTable[], runner: Runner): string =>
  dimensionValuesSql(
    plan.map((t) => t.table),
    ROLLUP_KEYS,
    runner.dialect,
  );

/** The data's fingerprint, the fact tables' (rollups of cases and surveys read them) and the SQL. */
const fingerprint = (state: DerivedState, sql: string): string =>
  createHash('sha256')
    .update(state.data)
    .update(state.facts ?? '')
    .update(sql)
    .digest('hex')
    .slice(0, 24);

/** The zone's offsets over the local days of the time field's values (null: none, or too long). */
async function zoneOver(runner: Runner, t: RollupTable, tz: string) {
  const d = runner.dialect;
  const col = d.quoteIdent(t.timeField);
  const day = (v: string) => `CAST(CAST(${d.localTime(v, tz)} AS DATE) AS VARCHAR)`;
  const [r] = await runner.all(
    `SELECT ${day(`min(${col})`)} AS lo, ${day(`max(${col})`)} AS hi FROM (${t.relation}) src`,
  );
  const lo = r?.['lo'];
  const hi = r?.['hi'];
  return typeof lo === 'string' && typeof hi === 'string' ? zoneOffsets(runner, tz, lo, hi) : null;
}

/** Forces the rollups (not the fact tables) to be rebuilt on the next read. */
export async function invalidateRollups(runner: Runner): Promise<void> {
  await ensureDerived(runner);
  await runner.exec(`DELETE FROM derived_state WHERE name = 'rollups'`);
}

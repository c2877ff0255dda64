// The derived fact tables KPI sources read: `case_facts` (per case: touches, first and next
// contact of the customer, FCR flag, lineage) and `survey_facts` (responses with their lineage).
// Deriving them means a window over every contact, which is too slow to repeat per request, so
// they are tables, rebuilt on the first read after the data changed.
// Limits: a change is seen through the row counts and the import log (every import and the
// simulator write one); code that rewrites rows in place by other means calls invalidateDerived.
// Concurrency: one build at a time per runner object (give every connection of a database the
// same runner, as the server's request-scoped runner does); the check and the build share one
// transaction, so the tables always match the fingerprint stored with them.

import { createHash } from 'node:crypto';
import type { WorkspaceSettings } from '../metrics/settings.ts';
import type { Runner } from './runner.ts';
import { caseFactsTable, surveyFactsTable } from './sources.ts';

const STATE_DDL =
  'CREATE TABLE IF NOT EXISTS derived_state (name VARCHAR PRIMARY KEY, fingerprint VARCHAR NOT NULL, built_at TIMESTAMPTZ NOT NULL)';

const building = new WeakMap<Runner, Promise<DerivedState>>();
const prepared = new WeakSet<Runner>();

function tableSql(runner: Runner): Readonly<Record<'case_facts' | 'survey_facts', string>> {
  return {
    // Sorted by time so that period filters skip whole row groups (DuckDB zone maps).
    case_facts: `SELECT * FROM (${caseFactsTable(runner.dialect)}) f ORDER BY created_at`,
    survey_facts: `SELECT * FROM (${surveyFactsTable()}) f ORDER BY responded_at`,
  };
}

/**
 * What the data is now, as far as derived tables care (row counts and the import log), and the
 * fingerprints stored with the fact tables and the rollups: one query, run before every read.
 */
export interface DerivedState {
  readonly data: string;
  readonly facts: string | null;
  readonly rollups: string | null;
}

export async function readState(runner: Runner): Promise<DerivedState> {
  // A UNION of one-row aggregates: 4× cheaper in DuckDB than the same as scalar subqueries.
  const rows = await runner.all(`
    SELECT 'contacts' AS k, CAST(count(*) AS VARCHAR) AS v FROM contacts
    UNION ALL SELECT 'cases', CAST(count(*) AS VARCHAR) FROM cases
    UNION ALL SELECT 'surveys', CAST(count(*) AS VARCHAR) FROM surveys
    UNION ALL SELECT 'imports', concat_ws('|', count(*), max(import_id), max(finished_at)) FROM import_log
    UNION ALL SELECT 'stored:' || name, fingerprint FROM derived_state`);
  const value = (k: string) => {
    const v = rows.find((r) => r['k'] === k)?.['v'];
    return typeof v === 'string' ? v : null;
  };
  return {
    data: ['contacts', 'cases', 'surveys', 'imports'].map((k) => `${k}=${value(k)}`).join(';'),
    facts: value('stored:facts'),
    rollups: value('stored:rollups'),
  };
}

/**
 * A short version of what a report would read: the data (row counts and the import log, as
 * readState) and the workspace settings. It changes with every import, including one that only
 * replaces rows, and with every settings change; an open dashboard polls it.
 */
export async function dataVersion(runner: Runner, settings: WorkspaceSettings): Promise<string> {
  await prepare(runner); // readState also reads derived_state
  const { data } = await readState(runner);
  return createHash('sha256')
    .update(data)
    .update(JSON.stringify(settings))
    .digest('hex')
    .slice(0, 16);
}

/** What the derived tables were built from: the data's fingerprint and the build SQL. */
const fingerprint = (state: DerivedState, sql: string): string =>
  createHash('sha256').update(state.data).update(sql).digest('hex').slice(0, 24);

/**
 * Builds the derived tables when they are missing or older than the data; cheap otherwise.
 * Returns the state they are current for.
 */
export async function ensureDerived(runner: Runner): Promise<DerivedState> {
  const running = building.get(runner);
  if (running) return running;
  const job = refresh(runner).finally(() => building.delete(runner));
  building.set(runner, job);
  return job;
}

async function prepare(runner: Runner): Promise<string> {
  if (!prepared.has(runner)) {
    await runner.exec(STATE_DDL);
    prepared.add(runner);
  }
  return Object.values(tableSql(runner)).join('\n');
}

async function refresh(runner: Runner): Promise<DerivedState> {
  const sql = await prepare(runner);
  const seen = await readState(runner);
  if (seen.facts === fingerprint(seen, sql)) return seen;
  // Checked again inside the transaction: the build reads one snapshot of the data and stores
  // that snapshot's fingerprint, even when an import commits meanwhile on another connection.
  await runner.exec('BEGIN TRANSACTION');
  try {
    const state = await readState(runner);
    const fp = fingerprint(state, sql);
    if (state.facts !== fp) {
      for (const [name, body] of Object.entries(tableSql(runner))) {
        await runner.exec(`CREATE OR REPLACE TABLE ${name} AS ${body}`);
      }
      await runner.exec(
        `INSERT OR REPLACE INTO derived_state VALUES ('facts', ${runner.dialect.literal(fp)}, now())`,
      );
    }
    await runner.exec('COMMIT');
    return { ...state, facts: fp };
  } catch (e) {
    await runner.exec('ROLLBACK');
    throw e;
  }
}

async function isCurrent(runner: Runner, sql: string) {
  const state = await readState(runner);
  return state.facts === fingerprint(state, sql);
}

/**
 * Whether the derived tables the runner sees match the data it sees. Inside a transaction this
 * is the transaction's snapshot: an export that pages through one snapshot checks it after BEGIN
 * (ensureDerived would try to open a second transaction).
 */
export async function derivedIsCurrent(runner: Runner): Promise<boolean> {
  return isCurrent(runner, await prepare(runner));
}

/** Forces a rebuild on the next read (for writers that bypass the import log). */
export async function invalidateDerived(runner: Runner): Promise<void> {
  await runner.exec(STATE_DDL);
  await runner.exec(`DELETE FROM derived_state WHERE name IN ('facts', 'rollups')`);
}

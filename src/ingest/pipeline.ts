// The shared import pipeline for files and for writeRecords: map staged rows, validate in SQL,
// classify by key and hash (prepare), then upsert and quarantine in one transaction (commit).

import type { Workspace } from '../workspace/workspace.ts';
import { classifySql } from './classify.ts';
import { finalViewSql } from './derive.ts';
import { mappedTableSql, type StagedSource } from './map-sql.ts';
import type { ResolvedMapping } from './resolve-mapping.ts';
import type { PositionalRead } from './raw-read.ts';
import { ruleStatements } from './rules.ts';
import { tempName } from './sql-util.ts';
import { addDuplicateIssues, upsertRows, writeQuarantine, type StoreTables } from './store.ts';
import type { WriteCounts } from './types.ts';

export interface PipelineInput {
  readonly rm: ResolvedMapping;
  readonly staged: StagedSource & {
    readonly rawJson: string;
    readonly rawRows?: string;
    /** The reader's positional read (RawRead.positional): the file is read by the mapping. */
    readonly read?: PositionalRead;
  };
  /** Reader rejects already in an issues-shaped table (rid NULL), e.g. unparseable CSV lines. */
  readonly rejects?: string;
  readonly importId: string;
  readonly source: string;
  readonly currency: string;
}

export interface Prepared {
  readonly counts: WriteCounts;
  readonly tables: StoreTables;
  readonly temps: readonly Temp[];
}

interface Temp {
  readonly name: string;
  readonly view?: boolean;
}

/** The source rows behind row issues; kept (a second read of the file) only when there are some. */
async function rawRowsFor(ws: Workspace, read: PositionalRead, issues: string): Promise<string> {
  const [row] = await ws.runner.all(`SELECT count(*) AS n FROM ${issues} WHERE rid IS NOT NULL`);
  return Number(row?.['n'] ?? 0) > 0 ? read.rawRows() : read.noRawRows;
}

export async function prepare(ws: Workspace, p: PipelineInput): Promise<Prepared> {
  const r = ws.runner;
  const mapped = tempName('mapped');
  const view = tempName('final');
  const issues = tempName('issues');
  const cls = tempName('cls');
  const suspect = tempName('suspect');
  const read = p.staged.read;
  // A positional read is written to `scan`; `mapped` is then a view numbering its rows.
  const scan = read ? tempName('scan') : mapped;
  const temps: Temp[] = [
    { name: view, view: true },
    { name: mapped, view: Boolean(read) },
    ...(read ? [{ name: scan }] : []),
    { name: issues },
    { name: cls },
    { name: suspect },
  ];
  let tables: StoreTables = {
    entity: p.rm.entity,
    view,
    cls,
    issues,
    rawRelation: p.staged.rawRows ?? p.staged.relation,
    rawJson: p.staged.rawJson,
    importId: p.importId,
    source: p.source,
  };
  try {
    await r.exec(`CREATE TEMP TABLE ${issues} (rid BIGINT, line BIGINT, field VARCHAR, value VARCHAR,
      reason VARCHAR, code VARCHAR, raw VARCHAR)`);
    try {
      await r.exec(mappedTableSql(scan, p.rm, { ...p.staged, positional: Boolean(read) }));
    } catch (e) {
      throw read ? read.readError(e) : e;
    }
    if (read) await r.exec(`CREATE TEMP VIEW ${mapped} AS ${await read.numbered(scan)}`);
    // Reader rejects are known once the file was read (for a positional read: just now).
    if (p.rejects) {
      await r.exec(
        `INSERT INTO ${issues} SELECT NULL, line, field, value, reason, code, raw FROM ${p.rejects}`,
      );
    }
    await r.exec(finalViewSql(view, mapped, p.rm.entity, p.currency));
    for (const sql of ruleStatements(p.rm, view, suspect, issues, p.currency)) await r.exec(sql);
    await r.exec(
      classifySql({ table: cls, view, issues, entity: p.rm.entity, importId: p.importId }),
    );
    await addDuplicateIssues(ws, tables);
    if (read) tables = { ...tables, rawRelation: await rawRowsFor(ws, read, issues) };
    return { counts: await tally(ws, mapped, cls, issues), tables, temps };
  } catch (e) {
    await dispose(ws, { temps });
    throw e;
  }
}

/** Stores (unless `store` is false, as in a failed --strict import) and writes quarantine rows. */
export async function commit(
  ws: Workspace,
  prepared: readonly Prepared[],
  store: boolean,
): Promise<void> {
  await ws.runner.exec('BEGIN TRANSACTION');
  try {
    for (const p of prepared) {
      if (store) await upsertRows(ws, p.tables);
      await writeQuarantine(ws, p.tables);
    }
    await ws.runner.exec('COMMIT');
  } catch (e) {
    await ws.runner.exec('ROLLBACK');
    throw e;
  }
}

/** Drops the temp tables and views, views first (they read the tables). */
export async function dispose(ws: Workspace, p: { temps: readonly Temp[] }): Promise<void> {
  for (const t of p.temps) {
    await ws.runner.exec(`DROP ${t.view ? 'VIEW' : 'TABLE'} IF EXISTS ${t.name}`);
  }
}

async function tally(
  ws: Workspace,
  mapped: string,
  cls: string,
  issues: string,
): Promise<WriteCounts> {
  const [row] = await ws.runner.all(`SELECT
      (SELECT count(*) FROM ${mapped}) AS staged,
      (SELECT count(*) FROM ${mapped} WHERE _skip) AS skipped,
      (SELECT count(DISTINCT rid) FROM ${issues}) AS bad_rows,
      (SELECT count(DISTINCT line) FROM ${issues} WHERE rid IS NULL) AS bad_lines,
      (SELECT count(*) FROM ${cls} WHERE _class = 'new') AS stored,
      (SELECT count(*) FROM ${cls} WHERE _class = 'updated') AS updated,
      (SELECT count(*) FROM ${cls} WHERE _class IN ('unchanged', 'dup_same')) AS unchanged`);
  const n = (k: string) => Number(row?.[k] ?? 0);
  const c: WriteCounts = {
    read: n('staged') + n('bad_lines'),
    stored: n('stored'),
    updated: n('updated'),
    unchanged: n('unchanged'),
    quarantined: n('bad_rows') + n('bad_lines'),
    skipped: n('skipped'),
  };
  if (c.read !== c.stored + c.updated + c.unchanged + c.quarantined + c.skipped) {
    throw new Error(`import counts do not add up: ${JSON.stringify(c)}`);
  }
  return c;
}

// Reads a CSV/TSV file with DuckDB as text columns, keeping every line: lines DuckDB cannot parse
// (bad encoding, wrong column count) become rejects with their number. The mapping step reads it.

import { stat } from 'node:fs/promises';
import { UserError } from '../errors.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { findBlankLines } from './blank-lines.ts';
import type { ReadOptions } from './mapping-schema.ts';
import type { RawRead } from './raw-read.ts';
import { columnsOf, jsonOfColumns } from './raw-read.ts';
import { lit, q, tempName } from './sql-util.ts';

const CODES: Readonly<Record<string, string>> = {
  'TOO MANY COLUMNS': 'CSV_TOO_MANY_COLUMNS',
  'MISSING COLUMNS': 'CSV_MISSING_COLUMNS',
  'INVALID ENCODING': 'INVALID_ENCODING',
  'INVALID UNICODE': 'INVALID_ENCODING',
  'UNQUOTED VALUE': 'CSV_UNQUOTED_VALUE',
  'LINE SIZE OVER MAXIMUM': 'CSV_LINE_TOO_LONG',
};

export async function readCsv(
  ws: Workspace,
  path: string,
  opts: ReadOptions & { tsv?: boolean },
): Promise<RawRead> {
  const raw = tempName('raw');
  const rj = tempName('rj');
  const rs = tempName('rs');
  const rawRj = tempName('rj');
  const rawRs = tempName('rs');
  const rejects = tempName('rejects');
  const gaps = tempName('gaps');
  const cleanup = [raw, rj, rs, rawRj, rawRs, rejects, gaps];
  if ((await stat(path)).size === 0) return emptyRead(raw, cleanup, ws);
  const given = opts.delimiter ?? (opts.tsv ? '\t' : undefined);
  const dialect = [
    'all_varchar = true',
    'header = true',
    ...(opts.quote !== undefined ? [`quote = ${lit(opts.quote)}`] : []),
    ...(opts.encoding ? [`encoding = ${lit(opts.encoding)}`] : []),
  ];
  // The sniffer runs once, with the read's own options, and its delimiter is passed to the read:
  // the summary reports the delimiter DuckDB read with, not a separate guess.
  const sniffed = await sniff(ws, path, [...dialect, ...(given ? [`delim = ${lit(given)}`] : [])]);
  const delimiter = given ?? sniffed?.delimiter;
  const base = [lit(path), ...dialect, ...(delimiter ? [`delim = ${lit(delimiter)}`] : [])];
  // Lines DuckDB cannot parse go to a rejects table instead of failing the read.
  const read = (table: string, scan: string) =>
    `read_csv(${[...base, 'store_rejects = true', `rejects_table = ${lit(table)}`, `rejects_scan = ${lit(scan)}`].join(', ')})`;
  // The columns as the read sees them: bad lines must not steer the sniffer (as with rejects).
  const lenient = `read_csv(${[...base, 'ignore_errors = true'].join(', ')})`;
  const unreadable = (e: unknown) =>
    new UserError('UNREADABLE_FILE', `Cannot read ${path} as CSV: ${firstLine(e)}`, {
      file: path,
      fix: 'Check the file format, or set read.delimiter / read.encoding in the mapping.',
    });
  let columns: readonly string[];
  try {
    columns = sniffed?.columns.length
      ? sniffed.columns
      : await columnsOf(ws, `SELECT * FROM ${lenient}`);
  } catch (e) {
    throw unreadable(e);
  }
  checkDelimiter(path, columns, delimiter);
  // Blank lines hold no row but count as lines: found while DuckDB reads (docs/importing.md).
  const blanks = findBlankLines(path, opts.quote ?? '"');
  blanks.catch(() => undefined); // awaited in numbered(); not an unhandled rejection before that
  let kept: string | undefined;
  return {
    columns,
    rows: 0,
    relation: `SELECT * FROM ${read(rj, rs)}`,
    rawJson: jsonOfColumns(columns),
    rejects,
    ...(delimiter ? { delimiter } : {}),
    cleanup,
    positional: {
      numbered: async (table) => {
        await finishRejects(ws, { rj, rejects, gaps, blanks: await blanks });
        const shifted =
          Number((await ws.runner.all(`SELECT count(*) AS n FROM ${gaps}`))[0]?.['n'] ?? 0) > 0;
        return shifted
          ? `SELECT m.rowid AS _rid, m.rowid + 2 + coalesce(g.i, 0) AS _line, m.*
            FROM ${table} m ASOF LEFT JOIN ${gaps} g ON m.rowid + 2 >= g.t`
          : `SELECT m.rowid AS _rid, m.rowid + 2 AS _line, m.* FROM ${table} m`;
      },
      // The same read again, so the same lines are rejected and rowids match the mapped table.
      rawRows: async () => {
        if (!kept) {
          await ws.runner.exec(`CREATE TEMP TABLE ${raw} AS SELECT * FROM ${read(rawRj, rawRs)}`);
          kept = `SELECT r.rowid AS _rid, r.* FROM ${raw} r`;
        }
        return kept;
      },
      // Written out, so that no row issue means no second look at the file.
      noRawRows: `SELECT NULL::BIGINT AS _rid, ${columns.map((c) => `NULL::VARCHAR AS ${q(c)}`).join(', ')} WHERE FALSE`,
      readError: unreadable,
    },
  };
}

/** Reader rejects as issues (one per line and error type) and the line gaps they leave. */
async function finishRejects(
  ws: Workspace,
  t: { rj: string; rejects: string; gaps: string; blanks: readonly number[] },
): Promise<void> {
  // DuckDB reports a short line once per missing column: one reject per line and error type.
  await ws.runner
    .exec(`CREATE OR REPLACE TEMP TABLE ${t.rejects} AS SELECT line, arg_min(column_name, column_idx) AS field,
      NULL::VARCHAR AS value,
      CASE error_type WHEN 'MISSING COLUMNS' THEN concat('the line is cut short: ', arg_min(error_message, column_idx))
        ELSE concat(lower(error_type), ': ', arg_min(error_message, column_idx)) END AS reason,
      CASE error_type ${Object.entries(CODES)
        .map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`)
        .join(' ')} ELSE 'CSV_PARSE_ERROR' END AS code,
      CAST(json_object('line', ltrim(any_value(csv_line), chr(13) || chr(10))) AS VARCHAR) AS raw
    FROM ${t.rj} GROUP BY line, error_type`);
  const values = t.blanks.map((l) => `(${l})`).join(', ');
  // Lines that hold no accepted row shift the numbers of the rows after them (docs/importing.md).
  await ws.runner.exec(`CREATE OR REPLACE TEMP TABLE ${t.gaps} AS
    WITH lines AS (SELECT DISTINCT line FROM ${t.rj} ${values ? `UNION SELECT * FROM (VALUES ${values}) v(line)` : ''}),
    ranked AS (SELECT line - (row_number() OVER (ORDER BY line) - 1) AS t, row_number() OVER (ORDER BY line) AS i FROM lines)
    SELECT t, max(i) AS i FROM ranked GROUP BY t`);
}

async function emptyRead(raw: string, cleanup: string[], ws: Workspace): Promise<RawRead> {
  await ws.runner.exec(`CREATE TEMP TABLE ${raw} (_empty VARCHAR)`);
  return {
    columns: [],
    rows: 0,
    relation: `SELECT rowid AS _rid, rowid AS _line FROM ${raw}`,
    rawJson: "'{}'",
    cleanup,
  };
}

/**
 * DuckDB's sniffer with the options the read uses. Rejected lines must not steer it, as they do
 * not steer read_csv with store_rejects: without `ignore_errors` a file with one bad line sniffs
 * as one column split on "|".
 */
/** DuckDB's sniffer: the delimiter and the column names the read will use, or undefined. */
async function sniff(
  ws: Workspace,
  path: string,
  dialect: readonly string[],
): Promise<{ delimiter?: string; columns: string[] } | undefined> {
  try {
    const rows = await ws.runner.all(
      `SELECT "Delimiter" AS d, to_json("Columns") AS c FROM sniff_csv(${[lit(path), ...dialect, 'ignore_errors = true'].join(', ')})`,
    );
    const d = rows[0]?.['d'];
    const cols = JSON.parse(String(rows[0]?.['c'] ?? '[]')) as { name: string }[];
    return {
      ...(typeof d === 'string' && d !== '' ? { delimiter: d } : {}),
      columns: cols.map((c) => c.name),
    };
  } catch {
    return undefined;
  }
}

/** One column whose name holds another delimiter: the file was split with the wrong one. */
function checkDelimiter(path: string, columns: readonly string[], used?: string): void {
  const only = columns.length === 1 ? (columns[0] ?? '') : '';
  const likely = [';', '\t', '|', ','].find((d) => d !== used && only.split(d).length > 1);
  if (!likely) return;
  const show = (d?: string) => (d === '\t' ? 'tab' : d === undefined ? 'unknown' : `"${d}"`);
  throw new UserError(
    'WRONG_DELIMITER',
    `${path} was read with delimiter ${show(used)} and gave one column "${only}"; the file looks ${show(likely)}-separated.`,
    {
      file: path,
      fix: `Set read.delimiter: ${JSON.stringify(likely)} in the mapping (or drop a wrong delimiter option so cxkpi detects it).`,
      allowed: only.split(likely),
    },
  );
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

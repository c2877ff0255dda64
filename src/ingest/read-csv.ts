// Reads a CSV/TSV file with DuckDB into a temp table of text columns, keeping every line:
// lines DuckDB cannot parse (bad encoding, wrong column count) become rejects with their number.

import { stat } from 'node:fs/promises';
import { UserError } from '../errors.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { findBlankLines } from './blank-lines.ts';
import type { ReadOptions } from './mapping-schema.ts';
import type { RawRead } from './raw-read.ts';
import { columnsOf, jsonOfColumns } from './raw-read.ts';
import { lit, tempName } from './sql-util.ts';

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
  const rejects = tempName('rejects');
  const gaps = tempName('gaps');
  const cleanup = [raw, rj, rs, rejects, gaps];
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
  const delimiter = given ?? (await sniffDelimiter(ws, path, dialect));
  const args = [
    lit(path),
    ...dialect,
    'store_rejects = true',
    `rejects_table = ${lit(rj)}`,
    `rejects_scan = ${lit(rs)}`,
    ...(delimiter ? [`delim = ${lit(delimiter)}`] : []),
  ];
  try {
    await ws.runner.exec(`CREATE TEMP TABLE ${raw} AS SELECT * FROM read_csv(${args.join(', ')})`);
  } catch (e) {
    throw new UserError('UNREADABLE_FILE', `Cannot read ${path} as CSV: ${firstLine(e)}`, {
      file: path,
      fix: 'Check the file format, or set read.delimiter / read.encoding in the mapping.',
    });
  }
  const columns = await columnsOf(ws, raw);
  checkDelimiter(path, columns, delimiter);
  // DuckDB reports a short line once per missing column: one reject per line and error type.
  await ws.runner
    .exec(`CREATE TEMP TABLE ${rejects} AS SELECT line, arg_min(column_name, column_idx) AS field,
      NULL::VARCHAR AS value,
      CASE error_type WHEN 'MISSING COLUMNS' THEN concat('the line is cut short: ', arg_min(error_message, column_idx))
        ELSE concat(lower(error_type), ': ', arg_min(error_message, column_idx)) END AS reason,
      CASE error_type ${Object.entries(CODES)
        .map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`)
        .join(' ')} ELSE 'CSV_PARSE_ERROR' END AS code,
      CAST(json_object('line', ltrim(any_value(csv_line), chr(13) || chr(10))) AS VARCHAR) AS raw
    FROM ${rj} GROUP BY line, error_type`);
  const blanks = await findBlankLines(path, opts.quote ?? '"');
  const values = blanks.map((l) => `(${l})`).join(', ');
  // Lines that hold no accepted row shift the numbers of the rows after them (docs/importing.md).
  await ws.runner.exec(`CREATE TEMP TABLE ${gaps} AS
    WITH lines AS (SELECT DISTINCT line FROM ${rj} ${values ? `UNION SELECT * FROM (VALUES ${values}) v(line)` : ''}),
    ranked AS (SELECT line - (row_number() OVER (ORDER BY line) - 1) AS t, row_number() OVER (ORDER BY line) AS i FROM lines)
    SELECT t, max(i) AS i FROM ranked GROUP BY t`);
  const rows = Number((await ws.runner.all(`SELECT count(*) AS n FROM ${raw}`))[0]?.['n'] ?? 0);
  const shifted =
    Number((await ws.runner.all(`SELECT count(*) AS n FROM ${gaps}`))[0]?.['n'] ?? 0) > 0;
  return {
    columns,
    rows,
    relation: shifted
      ? `SELECT r.rowid AS _rid, r.rowid + 2 + coalesce(g.i, 0) AS _line, r.*
        FROM ${raw} r ASOF LEFT JOIN ${gaps} g ON r.rowid + 2 >= g.t`
      : `SELECT r.rowid AS _rid, r.rowid + 2 AS _line, r.* FROM ${raw} r`,
    rawRows: `SELECT r.rowid AS _rid, r.* FROM ${raw} r`,
    rawJson: jsonOfColumns(columns),
    rejects,
    ...(delimiter ? { delimiter } : {}),
    cleanup,
  };
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
async function sniffDelimiter(
  ws: Workspace,
  path: string,
  dialect: readonly string[],
): Promise<string | undefined> {
  try {
    const rows = await ws.runner.all(
      `SELECT "Delimiter" AS d FROM sniff_csv(${[lit(path), ...dialect, 'ignore_errors = true'].join(', ')})`,
    );
    const d = rows[0]?.['d'];
    return typeof d === 'string' && d !== '' ? d : undefined;
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

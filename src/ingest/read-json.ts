// Reads JSON (an array of objects) and NDJSON (one object per line) into text columns: the union
// of all keys in order of first appearance, values as text. Lines that are not objects are rejects.

import { open } from 'node:fs/promises';
import { UserError } from '../errors.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { columnsOf, jsonOfColumns, type RawRead } from './raw-read.ts';
import { lit, q, tempName } from './sql-util.ts';

/** Pointer syntax (RFC 6901) so keys with spaces, dots or slashes work. */
const pointer = (key: string) => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;

export async function readJson(ws: Workspace, path: string, perLine: boolean): Promise<RawRead> {
  const lines = tempName('lines');
  const docs = tempName('docs');
  const raw = tempName('raw');
  const rejects = tempName('rejects');
  const cleanup = [lines, docs, raw, rejects];
  const ndjson = perLine || (await firstChar(path)) !== '[';
  // One text column per line (chr(1) never separates JSON), so every line keeps its number.
  const read = ndjson
    ? `SELECT doc FROM read_csv(${lit(path)}, columns = {'doc': 'VARCHAR'}, header = false,
        delim = chr(1), quote = '', escape = '', auto_detect = false)`
    : `SELECT CAST(json AS VARCHAR) AS doc FROM read_json_objects(${lit(path)}, format = 'array')`;
  try {
    await ws.runner.exec(`CREATE TEMP TABLE ${lines} AS ${read}`);
  } catch (e) {
    throw new UserError(
      'UNREADABLE_FILE',
      `Cannot read ${path} as ${ndjson ? 'NDJSON' : 'JSON'}: ${firstLine(e)}`,
      {
        file: path,
        fix: ndjson
          ? 'Each line must be one JSON object.'
          : 'The file must hold one JSON array of objects.',
      },
    );
  }
  await ws.runner.exec(`CREATE TEMP TABLE ${docs} AS SELECT rowid + 1 AS line, doc FROM ${lines}
    WHERE doc IS NOT NULL AND trim(doc) <> ''`);
  const isObject = `CASE WHEN json_valid(doc) THEN json_type(doc) = 'OBJECT' ELSE FALSE END`;
  await ws.runner
    .exec(`CREATE TEMP TABLE ${rejects} AS SELECT line, NULL::VARCHAR AS field, NULL::VARCHAR AS value,
      CASE WHEN json_valid(doc) THEN concat('a JSON ', lower(json_type(doc)), ', not an object') ELSE 'not valid JSON' END AS reason,
      CASE WHEN json_valid(doc) THEN 'JSON_NOT_OBJECT' ELSE 'INVALID_JSON' END AS code,
      CAST(json_object('line', doc) AS VARCHAR) AS raw
    FROM ${docs} WHERE NOT (${isObject})`);
  const keyRows = await ws.runner
    .all(`SELECT k FROM (SELECT unnest(json_keys(doc)) AS k, line FROM ${docs} WHERE ${isObject})
    GROUP BY k ORDER BY min(line), k`);
  const keys = keyRows.map((r) => String(r['k']));
  const cols = keys.map((k) => `json_extract_string(doc, ${lit(pointer(k))}) AS ${q(k)}`);
  await ws.runner
    .exec(`CREATE TEMP TABLE ${raw} AS SELECT line AS _line, ${cols.length ? cols.join(', ') : 'NULL AS _none'}
    FROM ${docs} WHERE ${isObject} ORDER BY line`);
  const columns = (await columnsOf(ws, raw)).filter((c) => c !== '_line' && c !== '_none');
  const rows = Number((await ws.runner.all(`SELECT count(*) AS n FROM ${raw}`))[0]?.['n'] ?? 0);
  return {
    columns,
    rows,
    relation: `SELECT r.rowid AS _rid, r.* FROM ${raw} r`,
    rawJson: jsonOfColumns(columns),
    rejects,
    cleanup,
  };
}

async function firstChar(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()
      .charAt(0);
  } finally {
    await fh.close();
  }
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

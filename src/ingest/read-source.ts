// Picks the reader for a file: by the `format` option, else by extension (.csv .txt .tsv .tab
// .json .ndjson .jsonl .parquet .pq); compressed CSV (.csv.gz) is read by DuckDB directly.

import { access } from 'node:fs/promises';
import { UserError } from '../errors.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { SOURCE_FORMATS, type ReadOptions, type SourceFormat } from './mapping-schema.ts';
import type { RawRead } from './raw-read.ts';
import { readCsv } from './read-csv.ts';
import { readJson } from './read-json.ts';
import { readParquet } from './read-parquet.ts';

const BY_EXTENSION: readonly [RegExp, SourceFormat][] = [
  [/\.(tsv|tab)(\.gz)?$/i, 'tsv'],
  [/\.(csv|txt)(\.gz)?$/i, 'csv'],
  [/\.(ndjson|jsonl)$/i, 'ndjson'],
  [/\.json$/i, 'json'],
  [/\.(parquet|pq)$/i, 'parquet'],
];

export function formatOf(path: string, given?: SourceFormat): SourceFormat {
  if (given) return given;
  const hit = BY_EXTENSION.find(([re]) => re.test(path));
  if (hit) return hit[1];
  throw new UserError('UNKNOWN_FORMAT', `Cannot tell the format of ${path} from its name.`, {
    file: path,
    allowed: SOURCE_FORMATS,
    fix: `Name the input format (${SOURCE_FORMATS.join(', ')}): \`cxkpi import --input-format csv\`, the form field format=csv of POST /api/v1/imports, or read.format in the mapping.`,
  });
}

export async function readSource(
  ws: Workspace,
  path: string,
  format: SourceFormat,
  opts: ReadOptions,
): Promise<RawRead> {
  try {
    await access(path);
  } catch {
    throw new UserError('FILE_NOT_FOUND', `The file ${path} does not exist or cannot be read.`, {
      file: path,
    });
  }
  switch (format) {
    case 'csv':
      return readCsv(ws, path, opts);
    case 'tsv':
      return readCsv(ws, path, { ...opts, tsv: true });
    case 'json':
      return readJson(ws, path, false);
    case 'ndjson':
      return readJson(ws, path, true);
    case 'parquet':
      return readParquet(ws, path);
  }
}

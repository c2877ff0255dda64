// What `cxkpi import` shows while it works: per file, a bar of the bytes DuckDB has read (its own
// scan progress × the file size), then the validate and store phases with DuckDB's progress of
// the running step. An upload to a running server shows the bytes sent.

import { basename } from 'node:path';
import type { ImportProgress } from '../ingest/index.ts';
import type { CliIo } from './io.ts';
import { progress, type Progress } from './progress.ts';

const mb = (n: number) => (n / 1e6).toFixed(1);
const rowsText = (n: number) => n.toLocaleString('en-GB');

/** The label next to the bar, e.g. "calls.csv (1/2): validating 1,021,990 rows, step at 62%". */
export function progressLabel(p: ImportProgress): string {
  const name = `${basename(p.file)}${p.fileCount > 1 ? ` (${p.fileIndex + 1}/${p.fileCount})` : ''}`;
  const step = p.stepPercent === null ? '' : `, step at ${Math.round(p.stepPercent)}%`;
  switch (p.phase) {
    case 'read':
      return `${name}: reading`;
    case 'validate':
      return `${name}: validating ${rowsText(p.rows)} rows${step}`;
    case 'store':
      return `${name}: storing${step}`;
    case 'done':
      return `${name}: done, ${rowsText(p.rows)} rows`;
  }
}

/** One bar per file, in MB of the file; `stop` ends the last one. */
export function importProgress(
  io: CliIo,
  quiet: boolean,
): { onProgress: (p: ImportProgress) => void; stop: () => void } {
  let bar: Progress | undefined;
  let current = -1;
  return {
    onProgress(p) {
      if (p.fileIndex !== current) {
        bar?.stop();
        current = p.fileIndex;
        bar = progress(io, { total: p.bytesTotal, unit: 'MB', amount: mb, quiet });
      }
      bar?.update(p.bytesRead, progressLabel(p));
    },
    stop: () => bar?.stop(),
  };
}

/** The bytes of an upload to a running server. */
export function uploadProgress(io: CliIo, quiet: boolean, total: number): Progress {
  return progress(io, { total, unit: 'MB', amount: mb, quiet });
}

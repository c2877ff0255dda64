// Import speed: `cxkpi import contacts FILE` (read, map, validate, quarantine, upsert) into a fresh
// workspace vs DuckDB's bare read_csv into a fresh database file: the same CSV, the same run, each
// as its own process (bench/read-csv-baseline.js), timed with GNU time.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONTACT_FIELDS } from '../src/model/fields.ts';
import { openWorkspace } from '../src/workspace/workspace.ts';
import { fmtInt, log } from './progress.ts';
import { median, round } from './stats.ts';
import { DATA_DIR, type BenchWorkspace } from './workspaces.ts';

export interface ImportRun {
  readonly seconds: number;
  readonly peakRssMb: number;
}

export interface ImportVsCsvResult {
  readonly size: string;
  readonly csv: string;
  readonly csvMb: number;
  readonly rows: number;
  readonly stored: number;
  readonly quarantined: number;
  readonly importRuns: readonly ImportRun[];
  readonly readCsvRuns: readonly ImportRun[];
  readonly importMedianS: number;
  readonly readCsvMedianS: number;
  /** cxkpi import median / read_csv median. */
  readonly ratio: number;
  readonly importRowsPerS: number;
  readonly readCsvRowsPerS: number;
  readonly importPeakRssMb: number;
}

const CLI = resolve(import.meta.dirname, '../bin/cxkpi.js');
const BASELINE = resolve(import.meta.dirname, 'read-csv-baseline.js');

const sq = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Exports the workspace's contacts (canonical columns) to CSV once per workspace build. */
async function exportCsv(bw: BenchWorkspace): Promise<{ csv: string; rows: number }> {
  const csv = resolve(DATA_DIR, `contacts-${bw.size}.csv`);
  const meta = `${csv}.meta.json`;
  const stamp = JSON.stringify({ key: bw.key, builtAt: bw.build.builtAt });
  if (existsSync(csv) && existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, 'utf8')) as { stamp: string; rows: number };
    if (m.stamp === stamp) return { csv, rows: m.rows };
  }
  log(`import ${bw.size}: exporting contacts to ${csv}`);
  const ws = await openWorkspace({ path: bw.path });
  try {
    const cols = CONTACT_FIELDS.map((f) => `"${f.name}"`).join(', ');
    await ws.runner.exec(`COPY (SELECT ${cols} FROM contacts) TO ${sq(csv)} (HEADER)`);
    const [r] = await ws.runner.all('SELECT count(*) AS n FROM contacts');
    const rows = Number(r?.['n'] ?? 0);
    writeFileSync(meta, JSON.stringify({ stamp, rows }));
    return { csv, rows };
  } finally {
    await ws.close();
  }
}

const fresh = (path: string) => {
  for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
  rmSync(`${path}.tmp`, { recursive: true, force: true });
};

/**
 * Runs a command as its own process under GNU time: wall seconds and the child's peak RSS.
 * Both sides pay Node's start-up and close their database file (a checkpoint) before exiting.
 */
function timed(args: readonly string[]): ImportRun & { stdout: string } {
  const r = spawnSync('/usr/bin/time', ['-f', 'CXKPI_TIME %e %M', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const m = /CXKPI_TIME ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) {
    throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  }
  return {
    seconds: round(Number(m[1]), 2),
    peakRssMb: round(Number(m[2]) / 1024),
    stdout: r.stdout,
  };
}

function timeImport(csv: string, db: string) {
  fresh(db);
  try {
    const run = timed([
      process.execPath,
      CLI,
      'import',
      'contacts',
      csv,
      '--db',
      db,
      '--quiet',
      '--format',
      'json',
    ]);
    const summary = JSON.parse(run.stdout) as {
      totals: { contacts?: { stored: number; quarantined: number } };
    };
    return { ...run, totals: summary.totals.contacts };
  } finally {
    fresh(db);
  }
}

function timeReadCsv(csv: string, db: string) {
  fresh(db);
  try {
    return timed([process.execPath, BASELINE, csv, db]);
  } finally {
    fresh(db);
  }
}

export async function importVsCsv(
  bw: BenchWorkspace,
  { runs }: { runs: number },
): Promise<ImportVsCsvResult> {
  const { csv, rows } = await exportCsv(bw);
  const importDb = resolve(DATA_DIR, `import-${bw.size}.duckdb`);
  const readDb = resolve(DATA_DIR, `readcsv-${bw.size}.duckdb`);
  const imp: ImportRun[] = [];
  const rd: ImportRun[] = [];
  let counts: { stored: number; quarantined: number } = { stored: 0, quarantined: 0 };
  for (let i = 0; i < runs; i++) {
    const a = timeImport(csv, importDb);
    counts = { stored: a.totals?.stored ?? 0, quarantined: a.totals?.quarantined ?? 0 };
    imp.push({ seconds: a.seconds, peakRssMb: a.peakRssMb });
    const b = timeReadCsv(csv, readDb);
    rd.push({ seconds: b.seconds, peakRssMb: b.peakRssMb });
    log(
      `import ${bw.size}: run ${i + 1}/${runs} cxkpi import ${a.seconds.toFixed(1)} s (${fmtInt(counts.stored)} stored, ${fmtInt(counts.quarantined)} quarantined), read_csv ${b.seconds.toFixed(1)} s`,
    );
  }
  const im = median(imp.map((r) => r.seconds));
  const rm = median(rd.map((r) => r.seconds));
  return {
    size: bw.size,
    csv,
    csvMb: round(statSync(csv).size / 2 ** 20),
    rows,
    ...counts,
    importRuns: imp,
    readCsvRuns: rd,
    importMedianS: round(im, 2),
    readCsvMedianS: round(rm, 2),
    ratio: round(im / rm, 2),
    importRowsPerS: Math.round(rows / im),
    readCsvRowsPerS: Math.round(rows / rm),
    importPeakRssMb: Math.max(...imp.map((r) => r.peakRssMb)),
  };
}

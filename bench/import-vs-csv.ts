// Import speed: importFiles (read, map, validate, quarantine, upsert) of a contacts CSV into a
// fresh workspace vs DuckDB's bare read_csv into a fresh database file, same file, same run.

import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDuckDb } from '../src/engine/dialects/duckdb/duckdb-runner.ts';
import { importFiles } from '../src/ingest/index.ts';
import { CONTACT_FIELDS } from '../src/model/fields.ts';
import { openWorkspace } from '../src/workspace/workspace.ts';
import { fmtInt, log } from './progress.ts';
import { withRssSampling } from './rss-sampler.ts';
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
  /** importFiles median / read_csv median. */
  readonly ratio: number;
  readonly importRowsPerS: number;
  readonly readCsvRowsPerS: number;
  readonly importPeakRssMb: number;
}

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

async function timeImport(csv: string, db: string, memoryLimit: string) {
  fresh(db);
  const ws = await openWorkspace({ path: db });
  try {
    await ws.runner.exec(`SET memory_limit = '${memoryLimit}'`);
    return await withRssSampling(async () => {
      const summary = await importFiles(ws, { entity: 'contacts', files: [csv] });
      await ws.runner.exec('CHECKPOINT');
      return summary.totals.contacts;
    });
  } finally {
    await ws.close();
    fresh(db);
  }
}

async function timeReadCsv(csv: string, db: string, memoryLimit: string) {
  fresh(db);
  const runner = await openDuckDb({ path: db });
  try {
    await runner.exec(`SET memory_limit = '${memoryLimit}'`);
    return await withRssSampling(async () => {
      await runner.exec(`CREATE TABLE t AS SELECT * FROM read_csv(${sq(csv)})`);
      await runner.exec('CHECKPOINT');
    });
  } finally {
    await runner.close();
    fresh(db);
  }
}

export async function importVsCsv(
  bw: BenchWorkspace,
  { runs, memoryLimit }: { runs: number; memoryLimit: string },
): Promise<ImportVsCsvResult> {
  const { csv, rows } = await exportCsv(bw);
  const importDb = resolve(DATA_DIR, `import-${bw.size}.duckdb`);
  const readDb = resolve(DATA_DIR, `readcsv-${bw.size}.duckdb`);
  const imp: ImportRun[] = [];
  const rd: ImportRun[] = [];
  let counts: { stored: number; quarantined: number } = { stored: 0, quarantined: 0 };
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const a = await timeImport(csv, importDb, memoryLimit);
    counts = { stored: a.value?.stored ?? 0, quarantined: a.value?.quarantined ?? 0 };
    imp.push({ seconds: round(a.seconds, 2), peakRssMb: a.peakRssMb });
    globalThis.gc?.();
    const b = await timeReadCsv(csv, readDb, memoryLimit);
    rd.push({ seconds: round(b.seconds, 2), peakRssMb: b.peakRssMb });
    log(
      `import ${bw.size}: run ${i + 1}/${runs} importFiles ${a.seconds.toFixed(1)} s (${fmtInt(counts.stored)} stored, ${fmtInt(counts.quarantined)} quarantined), read_csv ${b.seconds.toFixed(1)} s`,
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

// Benchmark workspaces under bench/data/: built once with the simulator (default scenario times
// a scale factor) and reused while scenario, scale, seed and cxkpi schema match their metadata.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { duckdbDialect } from '../src/engine/dialects/duckdb/duckdb-dialect.ts';
import { loadScenario, simulate, type SimulationSummary } from '../src/simulate/index.ts';
import { workspaceDdl } from '../src/workspace/schema.ts';
import { openWorkspace } from '../src/workspace/workspace.ts';
import { fmtInt, log, throttled } from './progress.ts';
import { withRssSampling } from './rss-sampler.ts';

export const DATA_DIR = resolve(import.meta.dirname, 'data');

/** demo: the default scenario as shipped (≈500k contacts); 1m and 10m scale it up. */
export const SIZES = { demo: 1, '1m': 2, '10m': 20 } as const;
export type Size = keyof typeof SIZES;
export const SCENARIO = 'default';

export interface WorkspaceKey {
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly scale: number;
  readonly seed: number;
  readonly schemaHash: string;
}

export interface BuildRecord {
  readonly builtAt: string;
  readonly seconds: number;
  readonly contacts: number;
  readonly contactsPerSecond: number;
  /** The simulator's own peak (sampled per simulated day and batch). */
  readonly simulatorPeakRssMb: number;
  /** This process sampled every 50 ms during the build. */
  readonly sampledPeakRssMb: number;
  readonly summary: SimulationSummary;
}

export interface BenchWorkspace {
  readonly size: Size;
  readonly path: string;
  readonly key: WorkspaceKey;
  readonly build: BuildRecord;
  /** False when a cached workspace was reused (build figures are those of the original build). */
  readonly builtNow: boolean;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

async function keyFor(size: Size): Promise<WorkspaceKey> {
  const scenario = await loadScenario(SCENARIO);
  return {
    scenario: SCENARIO,
    scenarioHash: sha(JSON.stringify(scenario)),
    scale: SIZES[size],
    seed: scenario.seed,
    schemaHash: sha(workspaceDdl(duckdbDialect).join('\n')),
  };
}

export interface EnsureOptions {
  readonly rebuild?: boolean;
  /** DuckDB memory_limit while building, e.g. '6GB'. */
  readonly memoryLimit?: string;
}

export async function ensureWorkspace(
  size: Size,
  { rebuild = false, memoryLimit = '6GB' }: EnsureOptions = {},
): Promise<BenchWorkspace> {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = resolve(DATA_DIR, `ws-${size}.duckdb`);
  const metaPath = `${path}.meta.json`;
  const key = await keyFor(size);
  if (!rebuild && existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as {
      key: WorkspaceKey;
      build: BuildRecord;
    };
    if (JSON.stringify(meta.key) === JSON.stringify(key)) {
      log(`workspace ${size}: reusing ${path} (built ${meta.build.builtAt})`);
      return { size, path, key, build: meta.build, builtNow: false };
    }
    log(`workspace ${size}: metadata differs, rebuilding`);
  }
  for (const f of [path, `${path}.wal`, metaPath]) rmSync(f, { force: true });
  const build = await buildWorkspace(size, path, key, memoryLimit);
  writeFileSync(metaPath, `${JSON.stringify({ key, build }, null, 2)}\n`);
  return { size, path, key, build, builtNow: true };
}

async function buildWorkspace(
  size: Size,
  path: string,
  key: WorkspaceKey,
  memoryLimit: string,
): Promise<BuildRecord> {
  log(`workspace ${size}: simulating scenario ${key.scenario} × ${key.scale} into ${path}`);
  const started = performance.now();
  const say = throttled(5000);
  const run = await withRssSampling(async () => {
    const ws = await openWorkspace({ path });
    try {
      await ws.runner.exec(`SET memory_limit = '${memoryLimit}'`);
      return await simulate(ws, {
        scenario: key.scenario,
        scale: key.scale,
        seed: key.seed,
        onProgress: (done, entity) =>
          say(() => {
            const s = (performance.now() - started) / 1000;
            const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
            return `workspace ${size}: ${entity ?? ''} ${fmtInt(done)} records written in ${s.toFixed(0)} s (RSS ${rss} MB)`;
          }),
      });
    } finally {
      await ws.close();
    }
  });
  const summary = run.value;
  const contacts = summary.counts.contacts;
  log(
    `workspace ${size}: ${fmtInt(contacts)} contacts in ${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssMb} MB`,
  );
  return {
    builtAt: new Date().toISOString(),
    seconds: run.seconds,
    contacts,
    contactsPerSecond: Math.round(contacts / run.seconds),
    simulatorPeakRssMb: summary.peak_rss_mb,
    sampledPeakRssMb: Math.max(run.peakRssMb, summary.peak_rss_mb),
    summary,
  };
}

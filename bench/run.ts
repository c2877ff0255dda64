// `npm run bench`: builds (or reuses) the benchmark workspaces, times engine vs hand-written SQL,
// import vs read_csv and the dashboard, prints a table and writes bench/results.json.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { invalidateRollups } from '../src/engine/rollups.ts';
import { openWorkspace } from '../src/workspace/workspace.ts';
import { parseBenchArgs, type BenchOptions, type Step } from './args.ts';
import { bundleSize, ensureWebBuild } from './bundle-size.ts';
import { dashboardInBrowser } from './dashboard-browser.ts';
import { engineBreakdown } from './engine-breakdown.ts';
import { engineVsSql } from './engine-vs-sql.ts';
import { importVsCsv } from './import-vs-csv.ts';
import { loadAverage, machineInfo } from './machine.ts';
import { log } from './progress.ts';
import type { BenchResults } from './results.ts';
import { round } from './stats.ts';
import { summaryRows } from './summary-rows.ts';
import { cpuSplit } from './cpu-split.ts';
import { startServerProcess } from './server-process.ts';
import { renderTable } from './table.ts';
import { ensureWorkspace, type BenchWorkspace, type Size } from './workspaces.ts';

const WEB_DIR = 'web/dist';

async function main(opts: BenchOptions): Promise<BenchResults> {
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    options: opts,
    machine: await machineInfo(),
    workspaces: {},
    engineVsSql: [],
    breakdown: [],
    importVsCsv: [],
    dashboard: [],
    steps: [],
    errors: [],
  };
  const save = () => writeFileSync(resolve(opts.out), `${JSON.stringify(results, null, 2)}\n`);
  /** Runs one part; a failure is recorded (and printed) without losing the other parts. */
  const step = async (name: string, run: () => Promise<void>) => {
    const startedAt = new Date().toISOString();
    const load = loadAverage();
    const t = performance.now();
    log(`${name}: start (load average ${load.join(' ')})`);
    try {
      await run();
    } catch (e) {
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      log(`${name}: FAILED ${message}`);
      results.errors.push({ step: name, message: message.split('\n')[0] ?? message });
    }
    results.steps.push({
      step: name,
      startedAt,
      seconds: round((performance.now() - t) / 1000, 1),
      loadAverageAtStart: load,
    });
    save();
  };
  const has = (s: Step) => opts.steps.includes(s);
  const ws: Partial<Record<Size, BenchWorkspace>> = {};
  const sizes: Size[] = [...(has('dashboard') ? (['demo'] as const) : []), ...opts.sizes];
  for (const size of sizes) {
    await step(`workspace ${size}`, async () => {
      const w = await ensureWorkspace(size, {
        rebuild: opts.rebuild,
        memoryLimit: opts.memoryLimit,
      });
      ws[size] = w;
      results.workspaces[size] = w;
    });
  }
  for (const size of opts.sizes) {
    const w = ws[size];
    if (!w) continue;
    if (has('engine')) {
      await step(`engine vs SQL ${size}`, async () => {
        results.engineVsSql.push(
          await engineVsSql(w, { runs: opts.runs, memoryLimit: opts.memoryLimit }),
        );
      });
    }
    if (has('breakdown')) {
      await step(`engine breakdown ${size}`, async () => {
        results.breakdown.push(
          await engineBreakdown(w, { memoryLimit: opts.memoryLimit, explain: opts.explain }),
        );
      });
    }
    if (has('import')) {
      await step(`import vs read_csv ${size}`, async () => {
        const runs = opts.importRuns[size] ?? 1;
        results.importVsCsv.push(await importVsCsv(w, { runs }));
      });
    }
  }
  if (has('dashboard')) {
    await step('web bundle', async () => {
      results.bundle = bundleSize(WEB_DIR, ensureWebBuild(WEB_DIR, opts.buildWeb));
    });
    for (const size of ['demo', ...opts.sizes.filter((s) => s === '10m')] as const) {
      const w = ws[size];
      if (!w) continue;
      await step(`dashboard ${size}`, async () => {
        // The server then rebuilds the rollups as it starts; the first request waits for that.
        const owner = await openWorkspace({ path: w.path });
        await invalidateRollups(owner.runner).finally(() => owner.close());
        const split = cpuSplit();
        const server = await startServerProcess(w.path, {
          memoryLimit: opts.memoryLimit,
          ...(split ? { cpus: split.server } : {}),
        });
        try {
          results.dashboard.push(
            await dashboardInBrowser(server, w, {
              loads: opts.loads,
              ...(split ? { browserCpus: split.browser } : {}),
            }),
          );
        } finally {
          await server.close();
        }
      });
    }
  }
  results.finishedAt = new Date().toISOString();
  save();
  return results;
}

const opts = parseBenchArgs(process.argv.slice(2));
const results = await main(opts);
process.stdout.write(
  `\ncxkpi benchmark — ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, DuckDB ${results.machine.duckdb}\n`,
);
process.stdout.write(
  `started ${results.startedAt}, finished ${results.finishedAt}; load average at start ${results.machine.loadAverageAtStart.join(' ')}\n\n`,
);
process.stdout.write(`${renderTable(summaryRows(results))}\n`);
for (const e of results.engineVsSql) {
  for (const [name, c] of [
    ['store', e.check],
    ['raw rows', e.rawCheck],
  ] as const) {
    if (c.pass) continue;
    process.stdout.write(
      `\nFAIL ${e.size} (${name}): ${c.mismatches} values differ (by KPI: ${JSON.stringify(c.byKpi)}); first:\n`,
    );
    for (const d of c.first) process.stdout.write(`  ${JSON.stringify(d)}\n`);
  }
}
process.stdout.write(`\nresults: ${resolve(opts.out)}\n`);
process.exitCode = results.errors.length > 0 ? 1 : 0;

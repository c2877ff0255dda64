// Turns bench/results.json into the printed table: each measure with its value and, where the
// issues set one, its target and PASS/FAIL. Limits: targets are the issues', written here once.

import { TOLERANCE } from './compare-dashboard.ts';
import type { BenchResults } from './results.ts';
import { judged, type TableRow } from './table.ts';

export const TARGETS = {
  engineRatio10m: 1.1,
  importRatio: 1.3,
  overviewP95Ms: 300,
  firstPaintMs: 1500,
  bundleGzipKb: 350,
} as const;

const ms = (v: number) => `${Math.round(v).toLocaleString('en-US')} ms`;
const int = (v: number) => Math.round(v).toLocaleString('en-US');
const x = (v: number) => `${v.toFixed(2)}×`;

export function summaryRows(r: BenchResults): TableRow[] {
  const rows: TableRow[] = [];
  const base = (measure: string, value: string): TableRow => ({
    measure,
    value,
    target: '',
    status: '—',
  });
  for (const [size, w] of Object.entries(r.workspaces)) {
    if (!w) continue;
    const b = w.build;
    const note = w.builtNow ? '' : ' (cached build)';
    rows.push(base(`simulate ${size}: contacts${note}`, int(b.contacts)));
    rows.push(base(`simulate ${size}: build time`, `${b.seconds.toFixed(1)} s`));
    rows.push(base(`simulate ${size}: contacts/s`, int(b.contactsPerSecond)));
    rows.push(base(`simulate ${size}: peak RSS`, `${int(b.sampledPeakRssMb)} MB`));
  }
  for (const e of r.engineVsSql) {
    rows.push(
      base(`engine ${e.size}: dashboard KPI set (median of ${e.runs})`, ms(e.engineMedianMs)),
    );
    rows.push(
      base(
        `hand-written SQL ${e.size} on the store's tables (median of ${e.runs})`,
        ms(e.handwrittenMedianMs),
      ),
    );
    const target = e.size === '10m';
    rows.push({
      measure: `engine / hand-written ${e.size}`,
      value: x(e.ratio),
      target: target ? `≤ ${TARGETS.engineRatio10m}×` : '(target on 10m)',
      status: target ? judged(e.ratio <= TARGETS.engineRatio10m) : '—',
    });
    rows.push({
      measure: `numbers identical ${e.size} (${e.check.numeric} values, rel. tol. ${TOLERANCE})`,
      value: e.check.pass ? 'identical' : `${e.check.mismatches} differ`,
      target: 'identical',
      status: judged(e.check.pass),
    });
    rows.push({
      measure: `numbers identical ${e.size} to SQL deriving facts from raw rows (${e.rawCheck.numeric} values)`,
      value: e.rawCheck.pass ? 'identical' : `${e.rawCheck.mismatches} differ`,
      target: 'identical',
      status: judged(e.rawCheck.pass),
    });
    rows.push(base(`hand-written SQL ${e.size} from raw rows (once)`, ms(e.rawHandwrittenMs)));
    rows.push(base(`derived facts build ${e.size} (once per data change)`, ms(e.derivedBuildMs)));
    if (e.rollupBuildMs !== undefined) {
      rows.push(
        base(
          `daily rollups build ${e.size} (once per data or settings change)`,
          ms(e.rollupBuildMs),
        ),
      );
      rows.push({
        measure: `engine ${e.size} with rollups (median of ${e.runs}; percentiles from the records)`,
        value: `${ms(e.withRollupsMedianMs)} = ${x(e.withRollupsMedianMs / e.handwrittenMedianMs)}`,
        target: 'same numbers',
        status: judged(e.withRollupsIdentical),
      });
    }
    rows.push(base(`engine vs SQL ${e.size}: peak RSS`, `${int(e.peakRssMb)} MB`));
  }
  for (const i of r.importVsCsv) {
    rows.push(
      base(
        `cxkpi import ${i.size} CSV (median of ${i.importRuns.length})`,
        `${i.importMedianS.toFixed(2)} s`,
      ),
    );
    rows.push(
      base(
        `DuckDB read_csv ${i.size} (median of ${i.readCsvRuns.length})`,
        `${i.readCsvMedianS.toFixed(2)} s`,
      ),
    );
    rows.push({
      measure: `cxkpi import / read_csv ${i.size}`,
      value: x(i.ratio),
      target: `≤ ${TARGETS.importRatio}×`,
      status: judged(i.ratio <= TARGETS.importRatio),
    });
    rows.push(base(`cxkpi import ${i.size}: rows/s`, int(i.importRowsPerS)));
    rows.push(base(`cxkpi import ${i.size}: peak RSS`, `${int(i.importPeakRssMb)} MB`));
  }
  for (const a of r.dashboard) {
    const demo = a.size === 'demo';
    const judge = (v: number, target: number) => (demo ? judged(v <= target) : '—');
    const n = `${a.loads} cold loads`;
    if (a.placement) rows.push(base(`overview ${a.size}: CPUs`, a.placement));
    rows.push(
      base(
        `overview ${a.size}: API request p50 (${a.request.n} requests, ${n})`,
        ms(a.request.p50Ms),
      ),
    );
    rows.push({
      measure: `overview ${a.size}: API request p95 (${a.request.n} requests)`,
      value: ms(a.request.p95Ms),
      target: demo ? `≤ ${TARGETS.overviewP95Ms} ms` : '(baseline)',
      status: judge(a.request.p95Ms, TARGETS.overviewP95Ms),
    });
    // Not an API call: from the first boot request to the last KPI answer, with the page's own
    // work (start-up, first render) in between; reported, judged by the calls themselves.
    rows.push(
      base(
        `overview ${a.size}: first to last API answer of a load, page work between, p95 (${n})`,
        ms(a.apiSpan.p95Ms),
      ),
    );
    const r = a.replay;
    rows.push({
      measure: `overview ${a.size}: API request p95, page's requests replayed without the browser (${r.request.n} requests, ${r.loads} loads)`,
      value: ms(r.request.p95Ms),
      target: demo ? `≤ ${TARGETS.overviewP95Ms} ms` : '(baseline)',
      status: judge(r.request.p95Ms, TARGETS.overviewP95Ms),
    });
    rows.push(
      base(`overview ${a.size}: replayed load, all requests answered, p95`, ms(r.span.p95Ms)),
    );
    rows.push({
      measure: `overview ${a.size}: first meaningful paint, every KPI tile, p50 (${n})`,
      value: ms(a.tiles.p50Ms),
      target: demo ? `≤ ${TARGETS.firstPaintMs} ms` : '(baseline)',
      status: judge(a.tiles.p50Ms, TARGETS.firstPaintMs),
    });
    rows.push(base(`overview ${a.size}: first meaningful paint p95`, ms(a.tiles.p95Ms)));
    if (a.fcp) rows.push(base(`overview ${a.size}: first-contentful-paint p50`, ms(a.fcp.p50Ms)));
    if (a.firstRequestMs !== undefined) {
      rows.push(
        base(
          `overview ${a.size}: first request after a data change and a server start (rollups being built)`,
          ms(a.firstRequestMs),
        ),
      );
    }
    rows.push(
      base(
        `overview ${a.size}: server peak RSS (cxkpi serve, rollup build included)`,
        `${int(a.serverPeakRssMb)} MB`,
      ),
    );
  }
  if (r.bundle) {
    rows.push({
      measure: `web bundle, gzip (${r.bundle.files.length} files in web/dist/assets)`,
      value: `${r.bundle.totalGzipKb.toFixed(1)} kB`,
      target: `≤ ${TARGETS.bundleGzipKb} kB`,
      status: judged(r.bundle.totalGzipKb <= TARGETS.bundleGzipKb),
    });
  }
  for (const e of r.errors)
    rows.push({
      measure: `ERROR in ${e.step}`,
      value: e.message.slice(0, 60),
      target: '',
      status: 'FAIL',
    });
  return rows;
}

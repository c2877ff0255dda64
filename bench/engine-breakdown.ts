// Where the engine's time goes: each compiled statement of the dashboard KPI set timed alone, the
// data-period lookup, and EXPLAIN ANALYZE of every statement and of the hand-written query.

import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  compileQuery,
  dataPeriod,
  ensureDerived,
  kpiQuery,
  type KpiQueryInput,
} from '../src/engine/index.ts';
import { KPI_IDS, type WorkspaceSettings } from '../src/metrics/index.ts';
import { openWorkspace } from '../src/workspace/workspace.ts';
import { handwrittenDashboardSql } from './handwritten-sql.ts';
import { settingsForComparison } from './engine-vs-sql.ts';
import { log } from './progress.ts';
import { round } from './stats.ts';
import { DATA_DIR, type BenchWorkspace } from './workspaces.ts';

export interface StatementTiming {
  readonly name: string;
  readonly ms: number;
}

export interface EngineBreakdown {
  readonly size: string;
  readonly statements: readonly StatementTiming[];
  readonly engineTotalMs: number;
  readonly handwrittenMs: number;
  /** Folder with EXPLAIN ANALYZE output, one file per statement. */
  readonly explainDir: string | null;
}

const QUERIES: readonly [string, KpiQueryInput][] = [
  ['by channel × day', { kpis: [...KPI_IDS], by: ['channel'], grain: 'day' }],
  ['overall asa+aht', { kpis: ['asa', 'aht'] }],
];

/** Per query: the whole statement, then each of its groups compiled and timed alone. */
function statements(s: WorkspaceSettings, dialect: Parameters<typeof compileQuery>[2]) {
  return QUERIES.flatMap(([label, input]) => {
    const whole = compileQuery(kpiQuery(input), s, dialect);
    const parts =
      whole.groups.length < 2
        ? []
        : whole.groups
            .filter((g) => g.source !== 'costs')
            .map((g) => ({
              name: `${label}, alone: ${g.source}/${g.timeField} (${g.kpis.join(', ')})`,
              sql: compileQuery(kpiQuery({ ...input, kpis: [...g.kpis] }), s, dialect).sql,
            }));
    return [
      { name: `${label}: one statement, ${whole.groups.length} groups`, sql: whole.sql },
      ...parts,
    ];
  });
}

export async function engineBreakdown(
  bw: BenchWorkspace,
  { memoryLimit, explain }: { memoryLimit: string; explain: boolean },
): Promise<EngineBreakdown> {
  const ws = await openWorkspace({ path: bw.path });
  const dir = explain ? resolve(DATA_DIR, `explain-${bw.size}`) : null;
  if (dir) mkdirSync(dir, { recursive: true });
  try {
    await ws.runner.exec(`SET memory_limit = '${memoryLimit}'`);
    const s = await settingsForComparison(ws);
    const timed = async (name: string, run: () => Promise<unknown>): Promise<StatementTiming> => {
      const t = performance.now();
      await run();
      const ms = round(performance.now() - t);
      log(`breakdown ${bw.size}: ${name}: ${ms} ms`);
      return { name, ms };
    };
    // The compiled statements read case_facts and survey_facts: build them first (untimed).
    await ensureDerived(ws.runner);
    const list = statements(s, ws.runner.dialect);
    const out: StatementTiming[] = [];
    for (const st of list) out.push(await timed(st.name, () => ws.runner.all(st.sql)));
    // runKpiQuery looks up the data's first and last day when a query has no period: twice here.
    for (const label of QUERIES.map(([l]) => l)) {
      out.push(
        await timed(`${label}: data period lookup (no from/to)`, () => dataPeriod(ws.runner, s)),
      );
    }
    const hand = await timed('hand-written query', () =>
      ws.runner.all(handwrittenDashboardSql(s.timezone)),
    );
    if (dir) {
      const all = [...list, { name: 'hand-written', sql: handwrittenDashboardSql(s.timezone) }];
      for (const [i, st] of all.entries()) {
        const rows = await ws.runner.all(`EXPLAIN ANALYZE ${st.sql}`);
        const text = rows.map((r) => String(r['explain_value'] ?? '')).join('\n');
        writeFileSync(resolve(dir, `${i + 1}.txt`), `-- ${st.name}\n${st.sql}\n\n${text}\n`);
      }
      log(`breakdown ${bw.size}: EXPLAIN ANALYZE written to ${dir}`);
    }
    return {
      size: bw.size,
      statements: out,
      engineTotalMs: round(out.reduce((a, b) => a + b.ms, 0)),
      handwrittenMs: hand.ms,
      explainDir: dir,
    };
  } finally {
    await ws.close();
  }
}

// Imports the real PwC call-centre CSV with the committed mapping, then checks the store and the
// KPI engine against figures computed independently with a plain DuckDB query on the raw file.

import { DuckDBInstance } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKpiQuery } from '../../src/engine/run-query.ts';
import { importFiles, listQuarantine } from '../../src/ingest/index.ts';
import { openWorkspace } from '../../src/workspace/workspace.ts';

const CSV = resolve(
  import.meta.dirname,
  '../../../shared/realdata/pwc-call-center/pwc_call_center_2021q1.csv',
);
const MAPPING = resolve(import.meta.dirname, '../../examples/mappings/pwc-call-center.yaml');

/** Independent figures: DuckDB reading the raw file, nothing from cxkpi. */
async function independent(): Promise<Record<string, number>> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const talk = `(hour(AvgTalkDuration) * 3600 + minute(AvgTalkDuration) * 60 + second(AvgTalkDuration))`;
    const reader = await c.runAndReadAll(`
      WITH f AS (SELECT *, "Answered (Y/N)" = 'Y' AS ans FROM read_csv('${CSV}', header = true))
      SELECT count(*) AS offered,
        count(*) FILTER (WHERE ans) AS answered,
        count(*) FILTER (WHERE "Answered (Y/N)" = 'N') AS abandoned,
        sum("Speed of answer in seconds") FILTER (WHERE ans) AS speed_sum,
        avg("Speed of answer in seconds") FILTER (WHERE ans) AS speed_mean,
        count(*) FILTER (WHERE ans AND "Speed of answer in seconds" <= 20) AS within_20,
        sum(${talk}) FILTER (WHERE ans) AS talk_sum,
        avg(${talk}) FILTER (WHERE ans) AS talk_mean,
        count("Satisfaction rating") AS respondents,
        avg("Satisfaction rating") AS sat_mean,
        count(*) FILTER (WHERE "Satisfaction rating" >= 4) AS satisfied,
        count(*) FILTER (WHERE ans AND Resolved = 'Y') AS resolved_answered
      FROM f`);
    const row = reader.getRowObjectsJS()[0] ?? {};
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

describe('real data: PwC call centre Q1 2021', () => {
  it('imports with the committed mapping; the store and the KPIs match an independent count', async () => {
    const ws = await openWorkspace({ path: ':memory:' });
    try {
      const summary = await importFiles(ws, { files: [CSV], mapping: MAPPING });
      const table = summary.files.map(
        ({ entity, read, stored, updated, unchanged, quarantined, skipped }) => ({
          entity,
          read,
          stored,
          updated,
          unchanged,
          quarantined,
          skipped,
        }),
      );
      console.log('PwC import summary');
      console.table(table);
      const quarantined = await listQuarantine(ws, { limit: 50 });
      console.log(
        `quarantined rows: ${quarantined.length}`,
        quarantined.map((q) => `${q.row} ${q.field} ${q.code}: ${q.reason}`),
      );

      const x = await independent();
      console.log('independent figures', x);
      expect(table).toEqual([
        {
          entity: 'contacts',
          read: 5000,
          stored: 5000,
          updated: 0,
          unchanged: 0,
          quarantined: 0,
          skipped: 0,
        },
        {
          entity: 'surveys',
          read: 5000,
          stored: x['respondents'],
          updated: 0,
          unchanged: 0,
          quarantined: 0,
          skipped: 5000 - (x['respondents'] ?? 0),
        },
      ]);

      const [s] = await ws.runner.all(`SELECT
          count(*) FILTER (WHERE outcome = 'answered') AS answered,
          count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,
          sum(wait_s) FILTER (WHERE outcome = 'answered') AS speed_sum,
          avg(wait_s) FILTER (WHERE outcome = 'answered') AS speed_mean,
          sum(talk_s) FILTER (WHERE outcome = 'answered') AS talk_sum,
          avg(talk_s) FILTER (WHERE outcome = 'answered') AS talk_mean,
          count(*) FILTER (WHERE outcome = 'abandoned' AND wait_s IS NOT NULL) AS abandons_with_wait
        FROM contacts`);
      const [v] = await ws.runner.all(`SELECT count(*) AS respondents, avg(score) AS sat_mean,
          count(*) FILTER (WHERE score >= 4) AS satisfied FROM surveys`);
      expect(s?.['answered']).toBe(x['answered']);
      expect(s?.['abandoned']).toBe(x['abandoned']);
      expect(s?.['abandons_with_wait']).toBe(0);
      for (const k of ['speed_sum', 'speed_mean', 'talk_sum', 'talk_mean']) {
        expect(Math.abs(Number(s?.[k]) - (x[k] ?? NaN))).toBeLessThan(1e-9);
      }
      expect(v?.['respondents']).toBe(x['respondents']);
      expect(v?.['satisfied']).toBe(x['satisfied']);
      expect(Math.abs(Number(v?.['sat_mean']) - (x['sat_mean'] ?? NaN))).toBeLessThan(1e-9);

      const report = await runKpiQuery(
        ws.runner,
        { kpis: ['asa', 'aht', 'csat', 'abandon_rate', 'service_level', 'fcr'] },
        await ws.settings(),
      );
      const value = (kpi: string) => report.rows.find((r) => r.kpi === kpi)?.value ?? NaN;
      console.log(
        'KPIs',
        Object.fromEntries(report.rows.map((r) => [r.kpi, { value: r.value, n: r.n }])),
      );
      const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9);
      const n = (k: string) => x[k] ?? NaN;
      near(value('asa'), n('speed_mean'));
      near(value('aht'), n('talk_mean'));
      near(value('csat'), (n('satisfied') / n('respondents')) * 100);
      near(value('abandon_rate'), (n('abandoned') / n('offered')) * 100);
      near(value('service_level'), (n('within_20') / n('offered')) * 100);
      near(value('fcr'), (n('resolved_answered') / n('answered')) * 100);
    } finally {
      await ws.close();
    }
  });
});

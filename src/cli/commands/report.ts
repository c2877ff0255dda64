// `cxkpi report`: KPIs by dimension and time grain, with n, interval, rating, target and
// variant, in table, JSON, CSV or Markdown.

import type { Command } from 'commander';
import { runKpiQuery } from '../../engine/run-query.ts';
import { reportTable } from '../../engine/report-table.ts';
import type { KpiReport } from '../../engine/result.ts';
import { collect, pickFormat, pickLang, withWorkspace, type Ctx } from '../context.ts';
import {
  renderCsv,
  renderJson,
  renderMarkdown,
  renderNdjson,
  renderTable,
  type Format,
} from '../output.ts';
import { parseQuery } from '../parse-query.ts';
import { reportView } from '../report-view.ts';
import { kpiQueryParams } from '../../server/query-params.ts';
import { getFromServer, serverFor } from '../via-server.ts';
import type { Lang } from '../../metrics/types.ts';

interface ReportOptions {
  kpi?: string[];
  by?: string;
  grain?: string;
  from?: string;
  to?: string;
  filter?: string[];
  goal?: string;
  slot?: string;
  format?: string;
  lang?: string;
  set?: string[];
}

export function registerReport(program: Command, ctx: Ctx): void {
  program
    .command('report')
    .description('Compute KPIs with n, interval, rating, target and the definition variant')
    .option('--kpi <ids>', 'KPI ids, comma-separated or repeated (default: all)', collect)
    .option('--by <dims>', 'break down by channel, queue, team, agent, category, weekday, slot')
    .option('--grain <grain>', 'time grain: 15m, 30m, hour, day, week, month, quarter, year')
    .option('--from <date>', 'first local day, YYYY-MM-DD')
    .option('--to <date>', 'last local day, YYYY-MM-DD (inclusive)')
    .option(
      '--filter <key=value>',
      'keep only these values (repeatable; values comma-separated)',
      collect,
    )
    .option('--goal <goal>', 'KPIs of a goal: loyalty, quality, reachability')
    .option('--slot <minutes>', 'minutes per time-of-day slot for --by slot (15, 30, 60)')
    .option(
      '--set <setting=value>',
      'a setting for this report only, named as in `cxkpi config get` (repeatable), e.g. service_level.variant=answered-only',
      collect,
    )
    .option(
      '--format <format>',
      'table, json, ndjson, csv, markdown (default: table at a terminal, else json)',
    )
    .option('--lang <lang>', 'en, nl or es', 'en')
    .action(async (o: ReportOptions) => {
      const query = parseQuery(o);
      const format = pickFormat(ctx, o.format);
      const lang = pickLang(o.lang);
      const server = await serverFor(ctx);
      if (server) {
        const report = await getFromServer<KpiReport>(
          server,
          '/api/v1/kpis',
          kpiQueryParams(query, { slot: o.slot !== undefined, ...(o.set ? { set: o.set } : {}) }),
        );
        const defs = await getFromServer<{ settings: { currency: string } }>(
          server,
          '/api/v1/definitions',
        );
        ctx.io.out(renderReport(report, format, lang, defs.settings.currency));
        return;
      }
      await withWorkspace(ctx, async (ws) => {
        const settings = await ws.settings();
        const report = await runKpiQuery(ws.runner, query, settings);
        ctx.io.out(renderReport(report, format, lang, settings.currency));
      });
    });
}

/** Raw values for CSV/NDJSON: the same flat table as the API's kpis.csv (one code path). */
const flatTable = (report: KpiReport) =>
  reportTable([{ rows: report.rows, period: report.period, query: report.query }]);

export function renderReport(
  report: KpiReport,
  format: Format,
  lang: Lang,
  currency: string,
): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'ndjson':
      return renderNdjson(flatTable(report).rows);
    case 'csv': {
      const { columns, rows } = flatTable(report);
      return renderCsv(columns, rows);
    }
    case 'markdown': {
      const v = reportView(report, lang, currency);
      return `${renderMarkdown(v.columns, v.rows)}\n${v.footer.map((l) => `- ${l}`).join('\n')}\n`;
    }
    case 'table': {
      const v = reportView(report, lang, currency);
      return `${renderTable(v.columns, v.rows)}\n${v.footer.join('\n')}\n`;
    }
  }
}

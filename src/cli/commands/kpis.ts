// `cxkpi kpis`: the KPI definitions with the workspace's variant, formula, settings,
// benchmark band and source.

import type { Command } from 'commander';
import { KPIS } from '../../metrics/registry.ts';
import { defaultSettings } from '../../metrics/settings.ts';
import { KPI_IDS } from '../../metrics/types.ts';
import { existsSync } from 'node:fs';
import { pickFormat, pickLang, withWorkspace, type Ctx } from '../context.ts';
import { renderCsv, renderJson, renderMarkdown, renderTable, type Cell } from '../output.ts';
import { MESSAGES } from '../messages.ts';

export function registerKpis(program: Command, ctx: Ctx): void {
  program
    .command('kpis')
    .description('List the KPI definitions, variants and benchmarks')
    .option('--format <format>', 'table, json, csv, markdown')
    .option('--lang <lang>', 'en, nl or es', 'en')
    .action(async (o: { format?: string; lang?: string }) => {
      const format = pickFormat(ctx, o.format);
      const lang = pickLang(o.lang);
      const m = MESSAGES[lang];
      const settings = existsSync(ctx.dbPath())
        ? await withWorkspace(ctx, (ws) => ws.settings())
        : defaultSettings();
      const rows: Record<string, Cell>[] = KPI_IDS.map((id) => {
        const k = KPIS[id];
        return {
          id,
          name: k.name[lang],
          unit: k.unit,
          direction: k.direction,
          variant: k.variant(settings),
          formula: k.formula(settings),
          benchmark: k.benchmark?.text ?? '',
          source: k.benchmark?.source ?? '',
        };
      });
      const columns = [
        { key: 'id', label: 'id' },
        { key: 'name', label: m.kpi },
        { key: 'unit', label: m.unit },
        { key: 'variant', label: m.variant },
        { key: 'formula', label: m.definition },
        { key: 'benchmark', label: m.benchmark },
      ];
      if (format === 'json' || format === 'ndjson') ctx.io.out(renderJson(rows));
      else if (format === 'csv') ctx.io.out(renderCsv(Object.keys(rows[0] ?? {}), rows));
      else if (format === 'markdown') ctx.io.out(renderMarkdown(columns, rows));
      else ctx.io.out(renderTable(columns, rows));
    });
}

// `cxkpi kpis`: the KPI definitions with the workspace's variant, formula, benchmark band and
// source, then every variant and setting with its options, the one in force and the default.

import type { Command } from 'commander';
import { KPIS } from '../../metrics/registry.ts';
import { KPI_IDS } from '../../metrics/types.ts';
import { pickFormat, pickLang, type Ctx } from '../context.ts';
import { settingRows } from '../kpi-settings.ts';
import { MESSAGES } from '../messages.ts';
import { readSettings } from '../via-server.ts';
import {
  renderCsv,
  renderJson,
  renderMarkdown,
  renderNdjson,
  renderTable,
  type Cell,
} from '../output.ts';

/** Long values (business hours) are cut in tables; JSON and CSV keep them whole. */
const short = (v: string) => (v.length > 40 ? `${v.slice(0, 39)}…` : v);

export function registerKpis(program: Command, ctx: Ctx): void {
  program
    .command('kpis')
    .description(
      'List the KPI definitions, every variant and setting with its options, and benchmarks',
    )
    .option('--settings', 'only the variants and settings (e.g. as CSV)')
    .option('--format <format>', 'table, json, ndjson, csv, markdown')
    .option('--lang <lang>', 'en, nl or es', 'en')
    .action(async (o: { format?: string; lang?: string; settings?: boolean }) => {
      const format = pickFormat(ctx, o.format);
      const lang = pickLang(o.lang);
      const m = MESSAGES[lang];
      const settings = await readSettings(ctx);
      const kpis: Record<string, Cell>[] = KPI_IDS.map((id) => {
        const k = KPIS[id];
        return {
          id,
          name: k.name[lang],
          unit: k.unit,
          // How the table and dashboard show it; JSON and CSV values stay in `unit`.
          display: k.display ?? null,
          direction: k.direction,
          variant: k.variant(settings),
          formula: k.formula(settings),
          benchmark: k.benchmark?.text ?? '',
          source: k.benchmark?.source ?? '',
        };
      });
      const options = settingRows(settings);
      const kpiColumns = [
        { key: 'id', label: 'id' },
        { key: 'name', label: m.kpi },
        { key: 'unit', label: m.unit },
        { key: 'variant', label: m.variant },
        { key: 'formula', label: m.definition },
        { key: 'benchmark', label: m.benchmark },
      ];
      const settingCells: Record<string, Cell>[] = options.map((r) => ({
        setting: r.setting,
        value: short(r.value),
        inForce: [r.inForce ? m.yes : '', r.isDefault ? m.isDefault : '']
          .filter(Boolean)
          .join(', '),
        meaning: `${r.meaning}${r.defaultValue === undefined ? '' : `; ${m.isDefault} ${short(r.defaultValue)}`}`,
        kpis: r.kpis.join(', '),
      }));
      const settingColumns = [
        { key: 'setting', label: m.setting },
        { key: 'value', label: m.option },
        { key: 'inForce', label: m.inForce },
        { key: 'kpis', label: m.appliesTo },
        { key: 'meaning', label: m.meaning },
      ];
      const flat = options.map((r) => ({ ...r, kpis: r.kpis.join(' ') }));
      if (format === 'json')
        ctx.io.out(renderJson(o.settings ? options : { kpis, settings: options }));
      else if (format === 'ndjson') ctx.io.out(renderNdjson(o.settings ? options : kpis));
      else if (format === 'csv') {
        ctx.io.out(
          o.settings
            ? renderCsv(
                ['setting', 'kpis', 'value', 'inForce', 'isDefault', 'defaultValue', 'meaning'],
                flat,
              )
            : renderCsv(Object.keys(kpis[0] ?? {}), kpis),
        );
      } else {
        const render = format === 'markdown' ? renderMarkdown : renderTable;
        const shown = kpis.map((k) => ({
          ...k,
          unit: k['display'] ? `${k['unit']} (${m.shownIn} ${k['display']})` : k['unit'],
        }));
        const parts = [
          ...(o.settings ? [] : [render(kpiColumns, shown)]),
          `${o.settings ? '' : '\n'}${m.settingsTitle}\n\n${render(settingColumns, settingCells)}`,
        ];
        ctx.io.out(parts.join(''));
      }
    });
}

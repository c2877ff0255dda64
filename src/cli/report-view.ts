// Turns a KpiReport into what the CLI prints: a localized table (value, n, interval, rating,
// target, variant) with a footer of the settings in force, or flat raw rows for CSV.

import type { KpiReport, KpiRow } from '../engine/result.ts';
import { formatValue, NONE } from '../metrics/format.ts';
import { KPIS } from '../metrics/registry.ts';
import { overridePairs } from '../metrics/settings-override.ts';
import type { Lang } from '../metrics/types.ts';
import { label, MESSAGES } from './messages.ts';
import type { Cell, Column } from './output.ts';

export interface ReportView {
  readonly columns: readonly Column[];
  readonly rows: readonly Record<string, Cell>[];
  readonly footer: readonly string[];
}

export function reportView(report: KpiReport, lang: Lang, currency: string): ReportView {
  const m = MESSAGES[lang];
  const keyCols = groupKeys(report);
  const columns: Column[] = [
    { key: 'kpi', label: m.kpi },
    ...keyCols.map((k) => ({ key: `key:${k}`, label: label(m, 'dim', k) })),
    { key: 'value', label: m.value, align: 'right' },
    { key: 'n', label: m.n, align: 'right' },
    { key: 'interval', label: m.interval, align: 'right' },
    { key: 'percentiles', label: m.percentiles, align: 'right' },
    { key: 'rating', label: m.rating },
    { key: 'target', label: m.target, align: 'right' },
    { key: 'variant', label: m.variant },
  ];
  const fmt = (row: KpiRow, v: number | null) =>
    formatValue(v, row.unit, { lang, currency, display: KPIS[row.kpi].display });
  const rows = report.rows.map((r) => {
    const cells: Record<string, Cell> = {
      kpi: `${KPIS[r.kpi].name[lang]}${r.scale ? ` (${r.scale})` : ''}`,
      value: fmt(r, r.value),
      n: new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang).format(r.n),
      interval:
        r.ci_low === null || r.ci_high === null ? '' : `${fmt(r, r.ci_low)} – ${fmt(r, r.ci_high)}`,
      percentiles: r.percentiles
        ? `${fmt(r, r.percentiles.p50)} / ${fmt(r, r.percentiles.p90)}`
        : '',
      rating: r.rating.status
        ? `${m[r.rating.status]}${r.rating.band ? ` (${m[r.rating.band]})` : ''}`
        : '',
      target:
        r.rating.target === null
          ? ''
          : `${fmt(r, r.rating.target)} ${r.rating.targetMet ? m.met : m.missed}`,
      variant: r.variant,
    };
    for (const k of keyCols)
      cells[`key:${k}`] = r.keys[k] === null || r.keys[k] === undefined ? NONE : String(r.keys[k]);
    return cells;
  });
  return { columns, rows, footer: footer(report, lang) };
}

function groupKeys(report: KpiReport): string[] {
  return [...report.query.by, ...(report.query.grain ? ['period'] : [])];
}

export function footer(report: KpiReport, lang: Lang): string[] {
  const m = MESSAGES[lang];
  const { from, to, timezone } = report.period;
  const filters = Object.entries(report.query.filters)
    .map(([k, v]) => `${k}=${(v ?? []).join(',')}`)
    .join(' ');
  const lines = [
    `${m.period}: ${from ?? m.noData} – ${to ?? m.noData} (${m.timezone} ${timezone})${report.query.grain ? `, ${m.grain} ${label(m, 'grain', report.query.grain)}` : ''}${filters ? `, ${m.filters} ${filters}` : ''}; ${m.engine} ${report.engine}`,
  ];
  const set = overridePairs(report.query.settings);
  if (set.length) lines.push(`settings for this report only: ${set.join(', ')}`);
  const seen = new Set<string>();
  for (const r of report.rows) {
    if (seen.has(r.kpi)) continue;
    seen.add(r.kpi);
    const settings = Object.entries(r.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    lines.push(`${r.kpi}: ${r.formula}${settings ? ` [${settings}]` : ''}`);
  }
  const warnings = [
    ...new Set([
      ...report.warnings,
      ...report.rows.flatMap((r) => r.warnings.map((w) => `${r.kpi}: ${w}`)),
    ]),
  ];
  if (warnings.length)
    lines.push(
      `${m.warnings}: ${warnings.slice(0, 10).join('; ')}${warnings.length > 10 ? ` (+${warnings.length - 10})` : ''}`,
    );
  return lines;
}

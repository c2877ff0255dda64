// The import summary as `cxkpi import` prints it: one row per file and entity with the counts and
// the check read = stored + updated + unchanged + quarantined + skipped, then notes.

import type { ImportSummary } from '../ingest/index.ts';
import { renderCsv, renderJson, renderMarkdown, renderTable, type Cell } from './output.ts';

const COUNTS = ['read', 'stored', 'updated', 'unchanged', 'quarantined', 'skipped'] as const;

export function renderImportSummary(summary: ImportSummary, format: string): string {
  if (format === 'json') return renderJson(summary);
  const rows: Record<string, Cell>[] = summary.files.map((f) => ({
    file: f.file,
    entity: f.entity,
    ...Object.fromEntries(COUNTS.map((k) => [k, f[k]])),
    check:
      f.read === f.stored + f.updated + f.unchanged + f.quarantined + f.skipped
        ? 'adds up'
        : 'MISMATCH',
  }));
  const columns = [
    { key: 'file', label: 'file' },
    { key: 'entity', label: 'entity' },
    ...COUNTS.map((k) => ({ key: k, label: k, align: 'right' as const })),
    { key: 'check', label: 'read = stored + updated + unchanged + quarantined + skipped' },
  ];
  if (format === 'csv' || format === 'ndjson') {
    return renderCsv(
      columns.map((c) => c.key),
      rows,
    );
  }
  const table = format === 'markdown' ? renderMarkdown(columns, rows) : renderTable(columns, rows);
  const notes = summary.files.flatMap((f) => [
    ...f.warnings.map((w) => `${f.file}: ${w}`),
    ...(f.quarantined
      ? [
          `${f.file}: ${f.quarantined} ${f.entity} rows quarantined — see: cxkpi quarantine --import ${f.importId}`,
        ]
      : []),
  ]);
  return table + (notes.length ? `\n${notes.join('\n')}\n` : '');
}

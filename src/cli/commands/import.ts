// `cxkpi import contacts|cases|surveys|costs FILE...`: reads exports (CSV, TSV, JSON, NDJSON,
// Parquet), maps, validates and stores them; prints read = stored + updated + unchanged +
// quarantined + skipped per file. Goes through a running `cxkpi serve` when there is one.

import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../../errors.ts';
import { importFiles, type FileImportSummary, type ImportSummary } from '../../ingest/index.ts';
import { ENTITIES, type Entity } from '../../model/fields.ts';
import { findRunningServer } from '../../server/index.ts';
import { pickFormat, withWorkspace, type Ctx } from '../context.ts';
import { renderCsv, renderJson, renderMarkdown, renderTable, type Cell } from '../output.ts';
import { progress } from '../progress.ts';

interface ImportOptions {
  mapping?: string;
  strict?: boolean;
  format?: string;
  quiet?: boolean;
}

export function registerImport(program: Command, ctx: Ctx): void {
  program
    .command('import <entity> <files...>')
    .description('Import contacts, cases, surveys or costs from CSV, TSV, JSON, NDJSON or Parquet')
    .option(
      '--mapping <file>',
      'YAML or JSON mapping (columns, value maps, time formats and zones, units)',
    )
    .option('--strict', 'fail, storing nothing of a file, when any row would be quarantined')
    .option('--format <format>', 'output: table, json, csv, markdown')
    .option('--quiet', 'no progress on stderr')
    .action(async (entity: string, files: string[], o: ImportOptions) => {
      if (!(ENTITIES as readonly string[]).includes(entity)) {
        throw new UserError(
          'INVALID_PARAMETER',
          `Unknown entity "${entity}". Allowed: ${ENTITIES.join(', ')}.`,
          {
            parameter: 'entity',
            value: entity,
            allowed: ENTITIES,
          },
        );
      }
      const format = pickFormat(ctx, o.format ?? (ctx.io.isTTY ? 'table' : 'table'));
      const server = await findRunningServer(ctx.dbPath());
      const summary = server
        ? await importViaServer(server.url, entity as Entity, files, o)
        : await withWorkspace(ctx, async (ws) => {
            const bar = progress(ctx.io, { unit: 'rows', quiet: o.quiet ?? false });
            try {
              return await importFiles(ws, {
                entity: entity as Entity,
                files,
                ...(o.mapping ? { mapping: o.mapping } : {}),
                strict: o.strict ?? false,
                onProgress: (p) => bar.update(p.rows, `${basename(p.file)}: ${p.phase}`),
              });
            } finally {
              bar.stop();
            }
          });
      if (server) ctx.io.err(`(sent to the running server at ${server.url})\n`);
      ctx.io.out(renderSummary(summary, format));
    });
}

async function importViaServer(
  url: string,
  entity: Entity,
  files: string[],
  o: ImportOptions,
): Promise<ImportSummary> {
  const all: FileImportSummary[] = [];
  for (const file of files) {
    const form = new FormData();
    form.set('entity', entity);
    if (o.strict) form.set('strict', 'true');
    if (o.mapping) form.set('mapping', new Blob([await readFile(o.mapping)]), basename(o.mapping));
    form.set('file', new Blob([await readFile(file)]), basename(file));
    const res = await fetch(`${url}/api/v1/imports`, { method: 'POST', body: form });
    const body = (await res.json()) as ImportSummary & {
      error?: { code: string; message: string };
    };
    if (!res.ok || body.error) {
      throw new UserError(
        body.error?.code ?? 'IMPORT_FAILED',
        body.error?.message ?? `HTTP ${res.status}`,
        { file },
      );
    }
    all.push(...body.files);
  }
  return { files: all, totals: {} };
}

const COUNTS = ['read', 'stored', 'updated', 'unchanged', 'quarantined', 'skipped'] as const;

export function renderSummary(summary: ImportSummary, format: string): string {
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
  if (format === 'csv')
    return renderCsv(
      columns.map((c) => c.key),
      rows,
    );
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

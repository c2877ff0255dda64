// `cxkpi import [contacts|cases|surveys|costs] FILE...`: reads exports (CSV, TSV, JSON, NDJSON,
// Parquet), maps, validates and stores them; prints read = stored + updated + unchanged +
// quarantined + skipped per file and entity. Goes through a running `cxkpi serve` when there is one.

import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { UserError, type ErrorLocation } from '../../errors.ts';
import { importFiles, SOURCE_FORMATS, type ImportSummary } from '../../ingest/index.ts';
import type { SourceFormat } from '../../ingest/index.ts';
import { ENTITIES, type Entity } from '../../model/fields.ts';
import { findRunningServer } from '../../server/find-running-server.ts';
import { pickFormat, withWorkspace, type Ctx } from '../context.ts';
import { importProgress, uploadProgress } from '../import-progress.ts';
import { renderImportSummary } from '../import-summary.ts';
import { postForm } from '../upload.ts';

interface ImportOptions {
  mapping?: string;
  strict?: boolean;
  inputFormat?: string;
  format?: string;
  quiet?: boolean;
}

interface ImportArgs {
  readonly entity?: Entity;
  readonly files: readonly string[];
  readonly inputFormat?: SourceFormat;
}

export function registerImport(program: Command, ctx: Ctx): void {
  program
    .command('import')
    .argument('<entity-or-files...>', 'the entity (optional with a mapping), then the files')
    .usage('[contacts|cases|surveys|costs] <files...> [options]')
    .description(
      'Import contacts, cases, surveys or costs from CSV, TSV, JSON, NDJSON or Parquet; the entity may be left out when the mapping names it (or several)',
    )
    .option(
      '--mapping <file>',
      'YAML or JSON mapping (columns, value maps, time formats and zones, units)',
    )
    .option(
      '--input-format <format>',
      `the files' format when the name does not tell: ${SOURCE_FORMATS.join(', ')}`,
    )
    .option('--strict', 'if any row of any file would be quarantined, store nothing of any file')
    .option('--format <format>', 'output: table, json, csv, markdown')
    .option('--quiet', 'no progress on stderr')
    .action(async (words: string[], o: ImportOptions) => {
      const args = parseArgs(words, o);
      const format = pickFormat(ctx, o.format ?? 'table');
      const server = await findRunningServer(ctx.dbPath());
      const summary = server
        ? await importViaServer(ctx, server.url, args, o)
        : await withWorkspace(ctx, async (ws) => {
            const bar = importProgress(ctx.io, o.quiet ?? false);
            try {
              return await importFiles(ws, {
                files: args.files,
                ...(args.entity ? { entity: args.entity } : {}),
                ...(args.inputFormat ? { format: args.inputFormat } : {}),
                ...(o.mapping ? { mapping: o.mapping } : {}),
                strict: o.strict ?? false,
                onProgress: bar.onProgress,
              });
            } finally {
              bar.stop();
            }
          });
      if (server) ctx.io.err(`(sent to the running server at ${server.url})\n`);
      ctx.io.out(renderImportSummary(summary, format));
    });
}

/** The first word is the entity when it names one; everything else is a file. */
function parseArgs(words: readonly string[], o: ImportOptions): ImportArgs {
  const [first, ...rest] = words;
  const entity = (ENTITIES as readonly string[]).includes(first ?? '')
    ? (first as Entity)
    : undefined;
  const files = entity ? rest : words;
  if (files.length === 0) {
    throw new UserError('FILE_REQUIRED', 'Name at least one file to import.', {
      parameter: 'files',
      fix: 'e.g. `cxkpi import contacts calls.csv`, or `cxkpi import calls.csv --mapping my-mapping.yaml`.',
    });
  }
  if (!entity && !o.mapping) {
    throw new UserError(
      'ENTITY_REQUIRED',
      `Say which entity ${files.join(', ')} hold${files.length > 1 ? '' : 's'}, or give a mapping that names it.`,
      {
        parameter: 'entity',
        allowed: ENTITIES,
        fix: `e.g. \`cxkpi import contacts ${files.join(' ')}\`, or add --mapping FILE.`,
      },
    );
  }
  const inputFormat = o.inputFormat;
  if (inputFormat !== undefined && !(SOURCE_FORMATS as readonly string[]).includes(inputFormat)) {
    throw new UserError('INVALID_PARAMETER', `Invalid --input-format "${inputFormat}".`, {
      parameter: 'input-format',
      value: inputFormat,
      allowed: SOURCE_FORMATS,
      fix: `Use one of: ${SOURCE_FORMATS.join(', ')}.`,
    });
  }
  return {
    files,
    ...(entity ? { entity } : {}),
    ...(inputFormat ? { inputFormat: inputFormat as SourceFormat } : {}),
  };
}

/** One request with every file, streamed from disk; the server runs the same importFiles. */
async function importViaServer(
  ctx: Ctx,
  url: string,
  args: ImportArgs,
  o: ImportOptions,
): Promise<ImportSummary> {
  const missing = await Promise.all(
    [...args.files, ...(o.mapping ? [o.mapping] : [])].map((f) =>
      stat(f).then(
        () => null,
        () => f,
      ),
    ),
  );
  const absent = missing.find((f) => f !== null);
  if (absent) {
    throw new UserError('FILE_NOT_FOUND', `The file ${absent} does not exist or cannot be read.`, {
      file: absent,
    });
  }
  const sizes = await Promise.all(args.files.map(async (f) => (await stat(f)).size));
  const bar = uploadProgress(
    ctx.io,
    o.quiet ?? false,
    sizes.reduce((a, b) => a + b, 0),
  );
  let body: ImportSummary & { error?: { code: string; message: string } & ErrorLocation };
  let status: number;
  try {
    const res = await postForm(
      `${url}/api/v1/imports`,
      {
        fields: {
          ...(args.entity ? { entity: args.entity } : {}),
          ...(args.inputFormat ? { format: args.inputFormat } : {}),
          ...(o.strict ? { strict: 'true' } : {}),
        },
        files: [
          ...(o.mapping ? [['mapping', o.mapping] as const] : []),
          ...args.files.map((f) => ['file', f] as const),
        ],
      },
      (sent, total) => bar.update(sent, sent < total ? 'uploading' : 'importing on the server'),
    );
    status = res.status;
    body = JSON.parse(res.body) as typeof body;
  } finally {
    bar.stop();
  }
  if (status >= 400 || body.error) {
    const { code = 'IMPORT_FAILED', message = `HTTP ${status}`, ...location } = body.error ?? {};
    throw new UserError(code, message, location);
  }
  return body;
}

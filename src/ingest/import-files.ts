// importFiles: reads each file with DuckDB, maps it to one or more entities, validates and
// upserts; one summary per (file, entity). --strict stores nothing of a file with any defect.

import { UserError } from '../errors.ts';
import type { Entity } from '../model/fields.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { failImports, finishImport, newImportId, startImport } from './import-log.ts';
import { loadMapping } from './load-mapping.ts';
import type { EntityMapping, LoadedMapping, Mapping, SourceFormat } from './mapping-schema.ts';
import { commit, dispose, prepare, type Prepared } from './pipeline.ts';
import { dropAll, type RawRead } from './raw-read.ts';
import { formatOf, readSource } from './read-source.ts';
import { checkResolved } from './check-resolved.ts';
import { resolveMapping } from './resolve-mapping.ts';
import type { FileImportSummary, ImportProgress, ImportSummary, WriteCounts } from './types.ts';

export interface ImportFilesOptions {
  /** The entity to import; optional when the mapping names it (or several). */
  readonly entity?: Entity;
  readonly files: readonly string[];
  /** A mapping object, or the path of a YAML/JSON mapping file. Without one, columns are auto-matched. */
  readonly mapping?: Mapping | LoadedMapping | string;
  /** Overrides the format guessed from the file extension. */
  readonly format?: SourceFormat;
  /** Fail (UserError STRICT_IMPORT_FAILED) and store nothing of a file when any row is quarantined. */
  readonly strict?: boolean;
  readonly onProgress?: (p: ImportProgress) => void;
}

export async function importFiles(ws: Workspace, opts: ImportFilesOptions): Promise<ImportSummary> {
  const mapping = opts.mapping === undefined ? undefined : await loadMapping(opts.mapping);
  const targets = entityMappings(mapping, opts.entity);
  const settings = await ws.settings();
  const out: FileImportSummary[] = [];
  for (const [fileIndex, file] of opts.files.entries()) {
    const progress = (phase: ImportProgress['phase'], rows: number) =>
      opts.onProgress?.({ file, fileIndex, fileCount: opts.files.length, phase, rows });
    const format = formatOf(file, opts.format ?? mapping?.read.format);
    progress('read', 0);
    const raw = await readSource(ws, file, format, mapping?.read ?? {});
    const prepared: { p: Prepared; summary: Omit<FileImportSummary, keyof WriteCounts> }[] = [];
    const started: string[] = [];
    try {
      progress('validate', raw.rows);
      for (const target of targets) {
        const rm = resolveMapping({
          entity: target.entity,
          ...(target.mapping ? { mapping: target.mapping } : {}),
          ...(mapping ? { mappingSource: mapping.source } : {}),
          columns: raw.columns,
          file,
          timezone: settings.timezone,
        });
        if (raw.columns.length > 0) await checkResolved(ws, rm, file, raw);
        const importId = newImportId(target.entity);
        started.push(importId);
        await startImport(ws, {
          importId,
          entity: target.entity,
          file,
          format,
          mapping: mapping?.source ?? null,
        });
        const p = await prepare(ws, {
          rm,
          staged: {
            relation: raw.relation,
            kind: 'text',
            rawJson: raw.rawJson,
            ...(raw.rawRows ? { rawRows: raw.rawRows } : {}),
          },
          ...(raw.rejects ? { rejects: raw.rejects } : {}),
          importId,
          source: file,
          currency: settings.currency,
        });
        prepared.push({ p, summary: summaryBase(file, target.entity, format, importId, raw, rm) });
      }
      const failed = opts.strict === true && prepared.some(({ p }) => p.counts.quarantined > 0);
      progress('store', raw.rows);
      await commit(
        ws,
        prepared.map(({ p }) => p),
        !failed,
      );
      for (const { p, summary } of prepared) {
        const counts = failed ? { ...p.counts, stored: 0, updated: 0, unchanged: 0 } : p.counts;
        await finishImport(ws, summary.importId, counts, failed ? 'rejected' : 'ok');
        out.push({ ...summary, ...p.counts });
      }
      if (failed) throw strictError(file, out.slice(-prepared.length));
    } catch (e) {
      await failImports(ws, started);
      throw e;
    } finally {
      for (const { p } of prepared) await dispose(ws, p);
      await dropAll(ws, raw.cleanup);
    }
    progress('done', raw.rows);
  }
  return { files: out, totals: totals(out) };
}

function entityMappings(
  m: LoadedMapping | undefined,
  entity?: Entity,
): { entity: Entity; mapping?: EntityMapping }[] {
  if (!m) {
    if (!entity) {
      throw new UserError(
        'ENTITY_REQUIRED',
        'Say which entity the files hold (contacts, cases, surveys or costs), or give a mapping.',
        {
          parameter: 'entity',
          allowed: ['contacts', 'cases', 'surveys', 'costs'],
        },
      );
    }
    return [{ entity }];
  }
  const list = m.entities.filter((e) => entity === undefined || e.entity === entity);
  if (list.length === 0) {
    throw new UserError(
      'MAPPING_ENTITY_MISMATCH',
      `The mapping ${m.source} has no entry for ${entity}.`,
      {
        file: m.source,
        parameter: 'entity',
        allowed: m.entities.map((e) => e.entity),
      },
    );
  }
  return list.map((e) => ({ entity: e.entity, mapping: e }));
}

function summaryBase(
  file: string,
  entity: Entity,
  format: SourceFormat,
  importId: string,
  raw: RawRead,
  rm: ReturnType<typeof resolveMapping>,
): Omit<FileImportSummary, keyof WriteCounts> {
  return {
    file,
    entity,
    format,
    importId,
    columns: rm.matches,
    unused: rm.unused,
    ...(raw.delimiter ? { delimiter: raw.delimiter } : {}),
    warnings: raw.columns.length === 0 ? [`${file} is empty: no header and no rows.`] : [],
  };
}

function strictError(file: string, summaries: readonly FileImportSummary[]): UserError {
  const lines = summaries.map(
    (s) =>
      `${s.entity}: read ${s.read}, quarantined ${s.quarantined}, skipped ${s.skipped} (import ${s.importId})`,
  );
  return new UserError(
    'STRICT_IMPORT_FAILED',
    `Strict import of ${file} failed: rows were quarantined, so nothing of this file was stored.\n  ${lines.join('\n  ')}`,
    {
      file,
      fix: 'List the reasons with `cxkpi quarantine --import <id>`, fix the file and import again.',
    },
  );
}

function totals(list: readonly FileImportSummary[]): Partial<Record<Entity, WriteCounts>> {
  const t: Partial<Record<Entity, WriteCounts>> = {};
  for (const s of list) {
    const a = t[s.entity] ?? {
      read: 0,
      stored: 0,
      updated: 0,
      unchanged: 0,
      quarantined: 0,
      skipped: 0,
    };
    t[s.entity] = {
      read: a.read + s.read,
      stored: a.stored + s.stored,
      updated: a.updated + s.updated,
      unchanged: a.unchanged + s.unchanged,
      quarantined: a.quarantined + s.quarantined,
      skipped: a.skipped + s.skipped,
    };
  }
  return t;
}

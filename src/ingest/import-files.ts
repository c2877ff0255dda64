// importFiles: reads each file with DuckDB, maps it to one or more entities, validates and
// upserts; one summary per (file, entity). --strict stores nothing of any file if one has a defect.

import { UserError } from '../errors.ts';
import { ENTITIES, type Entity } from '../model/fields.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { fieldDefaults } from './derive.ts';
import { importFile, type FileMode, type FileOutcome, type Target } from './import-file.ts';
import { failImports, finishImport } from './import-log.ts';
import { loadMapping } from './load-mapping.ts';
import type { LoadedMapping, Mapping, SourceFormat } from './mapping-schema.ts';
import { trackQueryProgress } from './query-progress.ts';
import { formatOf } from './read-source.ts';
import type { FileImportSummary, ImportProgress, ImportSummary, WriteCounts } from './types.ts';

export interface ImportFilesOptions {
  /** The entity to import; optional when the mapping names it (or several). */
  readonly entity?: Entity;
  readonly files: readonly string[];
  /** A mapping object, or the path of a YAML/JSON mapping file. Without one, columns are auto-matched. */
  readonly mapping?: Mapping | LoadedMapping | string;
  /** Overrides the format guessed from the file extension. */
  readonly format?: SourceFormat;
  /**
   * Fail (UserError STRICT_IMPORT_FAILED) when any row of any file is quarantined, storing nothing
   * of any file. The quarantine of the files with defects is written, so it can be listed.
   */
  readonly strict?: boolean;
  /** The name to record for a file (lineage, quarantine, import log) instead of its path. */
  readonly names?: ReadonlyMap<string, string>;
  readonly onProgress?: (p: ImportProgress) => void;
}

export async function importFiles(ws: Workspace, opts: ImportFilesOptions): Promise<ImportSummary> {
  const mapping = opts.mapping === undefined ? undefined : await loadMapping(opts.mapping);
  const targets = entityMappings(mapping, opts.entity);
  const formats = opts.files.map((f) => formatOf(f, opts.format ?? mapping?.read.format));
  const settings = await ws.settings();
  const started: string[] = [];
  const run = async (mode: FileMode, importIds?: readonly (readonly string[])[]) => {
    const outcomes: FileOutcome[] = [];
    for (const [fileIndex, file] of opts.files.entries()) {
      const ids = importIds?.[fileIndex];
      const outcome = await importFile(ws, {
        file,
        name: opts.names?.get(file) ?? file,
        format: formats[fileIndex] ?? 'csv',
        read: mapping?.read ?? {},
        targets,
        mappingSource: mapping?.source ?? null,
        timezone: settings.timezone,
        currency: settings.currency,
        defaults: fieldDefaults(settings),
        mode,
        ...(ids ? { importIds: ids } : {}),
        started,
        onProgress: (p) =>
          opts.onProgress?.({ ...p, file, fileIndex, fileCount: opts.files.length }),
      });
      if (mode === 'strict' && outcome.defects) throw strictError(outcome.summaries, 1);
      outcomes.push(outcome);
    }
    return outcomes;
  };
  const untrack = opts.onProgress ? await trackQueryProgress(ws) : undefined;
  try {
    let outcomes: FileOutcome[];
    if (opts.strict && opts.files.length > 1) {
      // All or nothing across files: judge every file first (a file's defects do not depend on
      // the files before it), then store them all, or none.
      const checked = await run('check');
      const bad = checked.filter((o) => o.defects);
      if (bad.length > 0) {
        for (const o of checked.filter((c) => !c.defects)) {
          for (const s of o.summaries) await finishImport(ws, s.importId, rejected(s), 'rejected');
        }
        throw strictError(
          bad.flatMap((o) => o.summaries),
          opts.files.length,
        );
      }
      outcomes = await run(
        'strict',
        checked.map((o) => o.importIds),
      );
    } else {
      outcomes = await run(opts.strict ? 'strict' : 'store');
    }
    const files = outcomes.flatMap((o) => o.summaries);
    return { files, totals: totals(files) };
  } catch (e) {
    await failImports(ws, started);
    throw e;
  } finally {
    await untrack?.();
  }
}

function entityMappings(m: LoadedMapping | undefined, entity?: Entity): Target[] {
  if (!m) {
    if (!entity) {
      throw new UserError(
        'ENTITY_REQUIRED',
        `Say which entity the files hold (${ENTITIES.join(', ')}), or give a mapping that names it.`,
        {
          parameter: 'entity',
          allowed: ENTITIES,
          fix: 'e.g. `cxkpi import contacts FILE`, or `cxkpi import FILE --mapping MAPPING`.',
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

const rejected = (c: WriteCounts): WriteCounts => ({ ...c, stored: 0, updated: 0, unchanged: 0 });

function strictError(bad: readonly FileImportSummary[], fileCount: number): UserError {
  const files = [...new Set(bad.map((s) => s.file))];
  const lines = bad.map(
    (s) =>
      `${s.file} (${s.entity}): read ${s.read}, quarantined ${s.quarantined}, skipped ${s.skipped} (import ${s.importId})`,
  );
  const what =
    fileCount > 1
      ? `nothing of the ${fileCount} files was stored`
      : 'nothing of this file was stored';
  return new UserError(
    'STRICT_IMPORT_FAILED',
    `Strict import failed: rows of ${files.join(', ')} were quarantined, so ${what}.\n  ${lines.join('\n  ')}`,
    {
      ...(files.length === 1 ? { file: files[0] } : {}),
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

// One file of an import: read it once, map it to each entity of the mapping, validate, and store
// it, or (the first pass of a multi-file --strict import) only judge it. Reports progress.

import { stat } from 'node:fs/promises';
import type { Entity } from '../model/fields.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { checkResolved } from './check-resolved.ts';
import { finishImport, newImportId, startImport } from './import-log.ts';
import type { EntityMapping, ReadOptions, SourceFormat } from './mapping-schema.ts';
import { commit, dispose, prepare, type Prepared } from './pipeline.ts';
import { queryPercent, whileRunning } from './query-progress.ts';
import { dropAll, type RawRead } from './raw-read.ts';
import { readSource } from './read-source.ts';
import { resolveMapping } from './resolve-mapping.ts';
import type { FileImportSummary, ImportProgress, WriteCounts } from './types.ts';

export interface Target {
  readonly entity: Entity;
  readonly mapping?: EntityMapping;
}

/**
 * `store`: valid rows are stored, the others quarantined. `strict`: as `store`, but a file with
 * any defect stores nothing (`rejected`). `check`: judges only; a file with defects gets its
 * quarantine and `rejected`, a clean one writes nothing and its imports stay `running`.
 */
export type FileMode = 'store' | 'strict' | 'check';

export interface FileTask {
  readonly file: string;
  /** The name recorded in lineage, quarantine and the import log (default: the path). */
  readonly name: string;
  readonly format: SourceFormat;
  readonly read: ReadOptions;
  readonly targets: readonly Target[];
  readonly mappingSource: string | null;
  readonly timezone: string;
  readonly currency: string;
  /** Per entity, values for fields the file and mapping leave without a source (derive.ts). */
  readonly defaults: Partial<Record<Entity, Readonly<Record<string, string>>>>;
  readonly mode: FileMode;
  /** Import ids from the `check` pass, one per target, reused when storing. */
  readonly importIds?: readonly string[];
  /** Every import id started, so the caller can mark them failed on an error. */
  readonly started: string[];
  readonly onProgress: (p: Omit<ImportProgress, 'file' | 'fileIndex' | 'fileCount'>) => void;
}

export interface FileOutcome {
  readonly summaries: readonly FileImportSummary[];
  /** Some row was quarantined. */
  readonly defects: boolean;
  readonly importIds: readonly string[];
}

type SummaryBase = Omit<FileImportSummary, keyof WriteCounts>;

export async function importFile(ws: Workspace, t: FileTask): Promise<FileOutcome> {
  const bytesTotal = await stat(t.file).then(
    (s) => s.size,
    () => 0,
  );
  let rows = 0;
  let bytesRead = 0;
  const report = (phase: ImportProgress['phase'], stepPercent: number | null = null) => {
    // The read is several statements (the scan, then rejects and counts): keep the furthest.
    const scanned = Math.round(((stepPercent ?? 0) / 100) * bytesTotal);
    bytesRead = phase === 'read' ? Math.max(bytesRead, scanned) : bytesTotal;
    t.onProgress({ phase, rows, bytesTotal, bytesRead, stepPercent });
  };
  report('read', 0);
  const raw = await whileRunning(
    () => readSource(ws, t.file, t.format, t.read),
    () => report('read', queryPercent(ws)),
  );
  rows = raw.rows;
  const prepared: { p: Prepared; summary: SummaryBase }[] = [];
  try {
    for (const [i, target] of t.targets.entries()) {
      const rm = resolveMapping({
        entity: target.entity,
        ...(target.mapping ? { mapping: target.mapping } : {}),
        ...(t.mappingSource ? { mappingSource: t.mappingSource } : {}),
        columns: raw.columns,
        file: t.file,
        timezone: t.timezone,
        ...(t.defaults[target.entity] ? { defaults: t.defaults[target.entity] } : {}),
      });
      if (raw.columns.length > 0) await checkResolved(ws, rm, t.file, raw);
      const importId = t.importIds?.[i] ?? newImportId(target.entity);
      if (!t.importIds) {
        t.started.push(importId);
        await startImport(ws, {
          importId,
          entity: target.entity,
          file: t.name,
          format: t.format,
          mapping: t.mappingSource,
        });
      }
      // A CSV is read by its first mapping step (one pass): that step is the 'read' phase.
      const phase = raw.positional && i === 0 ? 'read' : 'validate';
      if (phase === 'validate') report('validate', 0);
      const p = await whileRunning(
        () =>
          prepare(ws, {
            rm,
            staged: {
              relation: raw.relation,
              kind: 'text',
              rawJson: raw.rawJson,
              ...(raw.rawRows ? { rawRows: raw.rawRows } : {}),
              ...(raw.positional ? { read: raw.positional } : {}),
            },
            ...(raw.rejects ? { rejects: raw.rejects } : {}),
            importId,
            source: t.name,
            currency: t.currency,
          }),
        () => report(phase, queryPercent(ws)),
      );
      rows = Math.max(rows, p.counts.read);
      if (phase === 'read') report('validate', 100);
      prepared.push({
        p,
        summary: summaryBase(t, target.entity, importId, raw, rm.matches, rm.unused),
      });
    }
    const defects = prepared.some(({ p }) => p.counts.quarantined > 0);
    const store = t.mode === 'store' || (t.mode === 'strict' && !defects);
    if (t.mode !== 'check' || defects) {
      report('store', 0);
      const all = prepared.map(({ p }) => p);
      await whileRunning(
        () => commit(ws, all, store),
        () => report('store', queryPercent(ws)),
      );
      for (const { p, summary } of prepared) {
        const counts = store ? p.counts : { ...p.counts, stored: 0, updated: 0, unchanged: 0 };
        await finishImport(ws, summary.importId, counts, store ? 'ok' : 'rejected');
      }
    }
    report('done', 100);
    return {
      summaries: prepared.map(({ p, summary }) => ({ ...summary, ...p.counts })),
      defects,
      importIds: prepared.map(({ summary }) => summary.importId),
    };
  } finally {
    for (const { p } of prepared) await dispose(ws, p);
    await dropAll(ws, raw.cleanup);
  }
}

function summaryBase(
  t: FileTask,
  entity: Entity,
  importId: string,
  raw: RawRead,
  columns: FileImportSummary['columns'],
  unused: FileImportSummary['unused'],
): SummaryBase {
  return {
    file: t.name,
    entity,
    format: t.format,
    importId,
    columns,
    unused,
    ...(raw.delimiter ? { delimiter: raw.delimiter } : {}),
    warnings: raw.columns.length === 0 ? [`${t.name} is empty: no header and no rows.`] : [],
  };
}

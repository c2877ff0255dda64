// The canonical write path shared by imports and the simulator: stream batches of canonical
// records, stage them, and run the same SQL validation and upsert as file imports, chunk by chunk.

import type { Entity } from '../model/fields.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { failImports, finishImport, newImportId, startImport } from './import-log.ts';
import { commit, dispose, prepare } from './pipeline.ts';
import { RecordStage } from './record-stage.ts';
import { identityMapping } from './resolve-identity.ts';
import type { CanonicalRecord, WriteCounts, WriteSummary } from './types.ts';

export interface WriteRecordsOptions {
  /** Where the records come from (kept as `_source` and in the import log), e.g. "simulator". */
  readonly source: string;
  /** Called with the number of records processed so far. */
  readonly onProgress?: (done: number) => void;
  /** Records validated and stored per round (bounds memory). Default 500,000. */
  readonly chunkRows?: number;
}

/**
 * Rows are canonical records (field names of src/model/fields.ts): timestamps as Date or ISO
 * text, durations in seconds, booleans, numbers. Row numbers in quarantine are 1-based positions
 * over the whole call. Duplicate keys across rounds are judged against what was stored earlier.
 */
export async function writeRecords(
  ws: Workspace,
  entity: Entity,
  rows: AsyncIterable<readonly CanonicalRecord[]> | Iterable<readonly CanonicalRecord[]>,
  opts: WriteRecordsOptions,
): Promise<WriteSummary> {
  const settings = await ws.settings();
  const chunkRows = opts.chunkRows ?? 500_000;
  const importId = newImportId(entity);
  const rm = identityMapping(entity, settings.timezone);
  const stage = new RecordStage(ws, entity);
  let total: WriteCounts = {
    read: 0,
    stored: 0,
    updated: 0,
    unchanged: 0,
    quarantined: 0,
    skipped: 0,
  };
  let seen = 0;
  await startImport(ws, { importId, entity, file: opts.source, format: 'records', mapping: null });
  const flush = async () => {
    if (stage.rows === 0) return;
    const p = await prepare(ws, {
      rm,
      staged: { relation: stage.relation(), kind: 'typed', rawJson: stage.rawJson() },
      importId,
      source: opts.source,
      currency: settings.currency,
    });
    try {
      await commit(ws, [p], true);
    } finally {
      await dispose(ws, p);
    }
    total = add(total, p.counts);
    await stage.drop();
    await stage.create();
  };
  try {
    await stage.create();
    for await (const batch of rows) {
      if (batch.length === 0) continue;
      checkFields(
        entity,
        batch[0],
        rm.fields.map((f) => f.spec.name),
        seen + 1,
      );
      await stage.append(batch, seen + 1);
      seen += batch.length;
      if (stage.rows >= chunkRows) await flush();
      opts.onProgress?.(seen);
    }
    await flush();
  } catch (e) {
    await failImports(ws, [importId]);
    throw e;
  } finally {
    await stage.dropAll();
  }
  await finishImport(ws, importId, total, 'ok');
  return { ...total, importId };
}

function add(a: WriteCounts, b: WriteCounts): WriteCounts {
  return {
    read: a.read + b.read,
    stored: a.stored + b.stored,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    quarantined: a.quarantined + b.quarantined,
    skipped: a.skipped + b.skipped,
  };
}

/** A misspelt field would silently be lost: the first record of each batch is checked. */
function checkFields(
  entity: Entity,
  rec: CanonicalRecord | undefined,
  known: readonly string[],
  line: number,
): void {
  if (!rec) return;
  const unknown = Object.keys(rec).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    throw new Error(
      `writeRecords(${entity}): record ${line} has unknown field(s) ${unknown.join(', ')}; fields: ${known.join(', ')}`,
    );
  }
}

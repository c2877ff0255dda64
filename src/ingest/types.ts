// Public types of the import surface: canonical records in, summaries out.
// Counting rule: read = stored + updated + unchanged + quarantined + skipped, always.

import type { Entity } from '../model/fields.ts';
import type { SourceFormat } from './mapping-schema.ts';
import type { ColumnMatch } from './resolve-mapping.ts';

/** A value of a canonical field: timestamps as Date or ISO text (Z or offset; naive = workspace zone). */
export type CanonicalValue = string | number | boolean | Date | null | undefined;

/** One record with the field names of src/model/fields.ts. */
export type CanonicalRecord = Readonly<Record<string, CanonicalValue>>;

export interface WriteCounts {
  /** Source rows (and unreadable lines) seen. */
  readonly read: number;
  /** New keys written. */
  readonly stored: number;
  /** Existing keys whose content changed, replaced. */
  readonly updated: number;
  /** Existing keys with identical content, and identical repeats within the import. */
  readonly unchanged: number;
  /** Rows with at least one defect (one quarantine row per defect). */
  readonly quarantined: number;
  /** Rows that produce no record by design (`skip_if_blank`): blank is missing, not a defect. */
  readonly skipped: number;
}

export interface WriteSummary extends WriteCounts {
  readonly importId: string;
}

/** One file imported as one entity. */
export interface FileImportSummary extends WriteSummary {
  readonly file: string;
  readonly entity: Entity;
  readonly format: SourceFormat;
  /** How each canonical field was filled. */
  readonly columns: readonly ColumnMatch[];
  /** Source columns no field used. */
  readonly unused: readonly string[];
  /** The CSV delimiter read, when CSV/TSV. */
  readonly delimiter?: string;
  /** File-level notes, e.g. an empty file. */
  readonly warnings: readonly string[];
}

export interface ImportSummary {
  readonly files: readonly FileImportSummary[];
  readonly totals: Partial<Record<Entity, WriteCounts>>;
}

export interface ImportProgress {
  readonly file: string;
  readonly fileIndex: number;
  readonly fileCount: number;
  readonly phase: 'read' | 'validate' | 'store' | 'done';
  /** Rows read from this file (0 until the read finishes). */
  readonly rows: number;
  /** Bytes of the file read so far: DuckDB's scan progress × the file size while reading. */
  readonly bytesRead: number;
  /** The file's size on disk. */
  readonly bytesTotal: number;
  /** DuckDB's progress (0–100) of the statement running in this phase, when it reports one. */
  readonly stepPercent: number | null;
}

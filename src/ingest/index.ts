// The public surface of src/ingest: file imports, the canonical write path (also used by the
// simulator), mappings and the quarantine. Everything else in this folder is internal.

export { importFiles } from './import-files.ts';
export type { ImportFilesOptions } from './import-files.ts';
export { writeRecords } from './write-canonical.ts';
export type { WriteRecordsOptions } from './write-canonical.ts';
export { loadMapping } from './load-mapping.ts';
export { countQuarantine, listQuarantine } from './quarantine.ts';
export type { QuarantineFilter, QuarantineRow } from './quarantine.ts';
export { SOURCE_FORMATS, UNITS } from './mapping-schema.ts';
export type {
  EntityMapping,
  LoadedMapping,
  Mapping,
  SourceFormat,
  Unit,
} from './mapping-schema.ts';
export type { ColumnMatch } from './resolve-mapping.ts';
export type {
  CanonicalRecord,
  CanonicalValue,
  FileImportSummary,
  ImportProgress,
  ImportSummary,
  WriteCounts,
  WriteSummary,
} from './types.ts';

// Public surface of the engine: queries, compilation, running, drill-down and verbatims.

export { compileQuery, costsAttributable, COST_DIMENSIONS } from './compile.ts';
export type { CompiledGroup, CompiledQuery } from './compile.ts';
export { ENGINES } from './dialect.ts';
export type { Dialect, EngineName } from './dialect.ts';
export { dataVersion, ensureDerived, invalidateDerived } from './derived.ts';
export { dataPeriod, listDimensions } from './dimensions.ts';
export type { DimensionValues } from './dimensions.ts';
export { drillDown } from './drill-down.ts';
export type { DrillDownInput, DrillDownResult } from './drill-down.ts';
export { DIMENSIONS, GRAINS, kpiQuery, kpiQuerySchema } from './query.ts';
export type { Dimension, Grain, KpiQuery, KpiQueryInput } from './query.ts';
export { getDialect, registerDialect } from './registry.ts';
export type { KeyValue, KpiReport, KpiRow, ReportPeriod } from './result.ts';
export { runKpiQuery, targetFor } from './run-query.ts';
export type { RunOptions } from './run-query.ts';
export type { Row, Runner } from './runner.ts';
export { NPS_GROUPS, npsVerbatims } from './verbatims.ts';
export type { NpsGroup, Verbatims } from './verbatims.ts';

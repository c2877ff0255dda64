// Public surface of the KPI library: definitions, settings, math and rating. Pure.

export type { Aggregate, Expr } from './expr.ts';
export { npsStandardError, percentile, ratio, wilsonInterval, Z95 } from './math.ts';
export { AMBER_MARGIN, bandOf, rate } from './rating.ts';
export type { RagStatus, Rating } from './rating.ts';
export { getKpi, GOALS, isKpiId, KPIS, kpisWithGoal } from './registry.ts';
export type { Goal } from './registry.ts';
export {
  ASA_VARIANTS,
  defaultSettings,
  FCR_METHODS,
  settingsSchema,
  SL_VARIANTS,
} from './settings.ts';
export type { AsaVariant, FcrMethod, SlVariant, WorkspaceSettings } from './settings.ts';
export {
  applySettings,
  overrideFromPairs,
  overridePairs,
  parseSettingValue,
  withOverride,
} from './settings-override.ts';
export type { SettingsOverride } from './settings-override.ts';
export { isTimeZone } from './time-zone.ts';
export { SL_VARIANT_SPECS, serviceLevelFigure } from './kpis/service-level.ts';
export { KPI_IDS, LANGS } from './types.ts';
export type {
  Benchmark,
  DurationDisplay,
  Figure,
  KpiDefinition,
  KpiId,
  Lang,
  Localized,
  Unit,
} from './types.ts';

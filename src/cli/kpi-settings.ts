// Every workspace setting that changes what a KPI means, with its options, the value in force and
// the default: what `cxkpi kpis` lists next to the definitions. Formulas come from src/metrics.

import { KPIS } from '../metrics/registry.ts';
import {
  ASA_VARIANTS,
  defaultSettings,
  FCR_METHODS,
  SL_VARIANTS,
  TTR_CLOCKS,
  type WorkspaceSettings,
} from '../metrics/settings.ts';
import type { KpiId } from '../metrics/types.ts';
import { getSetting } from '../workspace/settings-path.ts';

/** A setting that picks one of a few options (a variant, a method, a clock). */
interface Choice {
  readonly setting: string;
  readonly kpis: readonly KpiId[];
  readonly options: readonly string[];
  /** The formula of this KPI shows what each option means. */
  readonly formulaOf: KpiId;
}

/** A setting that takes a value (a threshold, a window, per-scale cut-offs, targets). */
interface Value {
  readonly setting: string;
  readonly kpis: readonly KpiId[];
  readonly accepts: string;
}

const CHOICES: readonly Choice[] = [
  {
    setting: 'service_level.variant',
    kpis: ['service_level'],
    options: SL_VARIANTS,
    formulaOf: 'service_level',
  },
  {
    setting: 'service_level.within',
    kpis: ['service_level'],
    options: ['<=', '<'],
    formulaOf: 'service_level',
  },
  { setting: 'asa.variant', kpis: ['asa'], options: ASA_VARIANTS, formulaOf: 'asa' },
  { setting: 'fcr.method', kpis: ['fcr'], options: FCR_METHODS, formulaOf: 'fcr' },
  {
    setting: 'time_to_resolution.clock',
    kpis: ['time_to_resolution'],
    options: TTR_CLOCKS,
    formulaOf: 'time_to_resolution',
  },
];

const VALUES: readonly Value[] = [
  {
    setting: 'service_level.threshold_s',
    kpis: ['service_level'],
    accepts: 'T in seconds (> 0)',
  },
  {
    setting: 'service_level.threshold_s_by_channel',
    kpis: ['service_level'],
    accepts: 'T in seconds per channel, e.g. {"voice": 20, "chat": 60}',
  },
  {
    setting: 'service_level.short_abandon_s',
    kpis: ['service_level', 'abandon_rate'],
    accepts: 'S in seconds (≥ 0): abandons after less than S are short',
  },
  {
    setting: 'fcr.repeat_window_days',
    kpis: ['fcr'],
    accepts: 'N in days (> 0) for method no-repeat (and auto without a flag)',
  },
  {
    setting: 'csat_satisfied_min',
    kpis: ['csat'],
    accepts: 'lowest satisfied score per scale maximum, e.g. {"5": 4}',
  },
  {
    setting: 'ces_positive_min',
    kpis: ['ces_positive'],
    accepts: 'lowest positive score per scale maximum, e.g. {"7": 5}',
  },
  {
    setting: 'business_hours',
    kpis: ['time_to_resolution'],
    accepts: 'opening windows per ISO weekday ("1"–"7") and holidays, for clock business',
  },
  {
    setting: 'min_sample',
    kpis: ['nps', 'csat', 'ces', 'ces_positive', 'fcr'],
    accepts: 'warn below this n (whole number > 0)',
  },
  { setting: 'targets', kpis: [], accepts: 'per KPI id, e.g. {"service_level": 80}' },
  {
    setting: 'targets_by_channel',
    kpis: [],
    accepts: 'per channel and KPI id, e.g. {"voice": {"asa": 30}}',
  },
];

export interface SettingRow {
  readonly setting: string;
  readonly kpis: readonly string[];
  /** An option of a choice, or the value in force of a value setting. */
  readonly value: string;
  readonly inForce: boolean;
  readonly isDefault: boolean;
  /** The formula with this option (choices), or what the setting accepts (values). */
  readonly meaning: string;
  /** The default value (values only). */
  readonly defaultValue?: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The settings with one dotted path replaced (options are valid by construction). */
function withOption(s: WorkspaceSettings, path: string, value: string): WorkspaceSettings {
  const copy = structuredClone(s) as unknown as Record<string, Record<string, unknown>>;
  const [group = '', key = ''] = path.split('.');
  copy[group] = { ...copy[group], [key]: value };
  return copy as unknown as WorkspaceSettings;
}

export function settingRows(s: WorkspaceSettings): SettingRow[] {
  const d = defaultSettings();
  const choices = CHOICES.flatMap((c) =>
    c.options.map((o) => ({
      setting: c.setting,
      kpis: c.kpis,
      value: o,
      inForce: getSetting(s, c.setting) === o,
      isDefault: getSetting(d, c.setting) === o,
      meaning: KPIS[c.formulaOf].formula(withOption(s, c.setting, o)),
    })),
  );
  const values = VALUES.map((v) => {
    const value = text(getSetting(s, v.setting));
    const dflt = text(getSetting(d, v.setting));
    return {
      setting: v.setting,
      kpis: v.kpis,
      value,
      inForce: true,
      isDefault: value === dflt,
      meaning: v.accepts,
      defaultValue: dflt,
    };
  });
  return [...choices, ...values];
}

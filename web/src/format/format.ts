// Locale-aware formatting of KPI figures (KPIS.md): percent with one decimal ("78.1%" en,
// "78,1 %" nl/es), NPS as signed points, durations (seconds in the data) in the unit their
// definition displays — ASA in s (min:s from 2 minutes, h from an hour), AHT in min:s,
// resolution in h — and currency. Null is "—".
// Limits: rounding is for display only; callers keep the unrounded value (data-value).

import type { DurationDisplay, KpiDefinitionInfo, KpiId, Lang, Unit } from '../api/types.ts';

export const NONE = '—';

const LOCALE: Readonly<Record<Lang, string>> = { en: 'en-GB', nl: 'nl-NL', es: 'es-ES' };
export const localeOf = (lang: Lang): string => LOCALE[lang];

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALE[lang], opts)));
  return f;
}

const fixed = (digits: number, sign = false): Intl.NumberFormatOptions => ({
  minimumFractionDigits: digits,
  maximumFractionDigits: digits,
  signDisplay: sign ? 'exceptZero' : 'auto',
});

export function formatNumber(lang: Lang, v: number | null, digits = 0, sign = false): string {
  return v === null || !Number.isFinite(v) ? NONE : nf(lang, fixed(digits, sign)).format(v);
}

export const formatCount = (lang: Lang, v: number | null): string => formatNumber(lang, v, 0);

/** Percent with one decimal; Dutch and Spanish put a space before the sign (KPIS.md). */
export function formatPercent(lang: Lang, v: number | null, sign = false): string {
  if (v === null || !Number.isFinite(v)) return NONE;
  return formatNumber(lang, v, 1, sign) + (lang === 'en' ? '%' : ' %');
}

/** Whole percent for chart axes: "80%" (en), "80 %" (nl, es). */
export function formatPercentAxis(lang: Lang, v: number): string {
  return formatNumber(lang, v, 0) + (lang === 'en' ? '%' : ' %');
}

/** Minutes and seconds, "7:30 min"; rounds to whole seconds. */
export function formatMinSec(lang: Lang, seconds: number | null, sign = false): string {
  if (seconds === null || !Number.isFinite(seconds)) return NONE;
  const total = Math.round(Math.abs(seconds));
  const m = Math.floor(total / 60);
  const s = String(total % 60).padStart(2, '0');
  const prefix =
    sign && total > 0 ? (seconds < 0 ? '-' : '+') : seconds < 0 && total > 0 ? '-' : '';
  return `${prefix}${formatCount(lang, m)}:${s} min`;
}

export interface FigureFormat {
  readonly lang: Lang;
  readonly currency: string;
  /** Each duration KPI's display unit, from /definitions (absent: seconds). */
  readonly displays?: Readonly<Partial<Record<KpiId, DurationDisplay>>>;
}

/** The display units of the KPIs /definitions lists, for FigureFormat. */
export function displaysOf(
  defs: readonly KpiDefinitionInfo[],
): Partial<Record<KpiId, DurationDisplay>> {
  const out: Partial<Record<KpiId, DurationDisplay>> = {};
  for (const d of defs) if (d.display) out[d.id] = d.display;
  return out;
}

/** The display text of a KPI figure in its unit. */
export function formatKpi(f: FigureFormat, kpi: KpiId, unit: Unit, v: number | null): string {
  return formatIn(f, kpi, unit, v, false);
}

/** A change between two figures: percentage points for percentages, signed elsewhere. */
export function formatDelta(f: FigureFormat, kpi: KpiId, unit: Unit, d: number | null): string {
  if (d === null || !Number.isFinite(d)) return NONE;
  if (unit === 'percent') return `${formatNumber(f.lang, d, 1, true)} pp`;
  return formatIn(f, kpi, unit, d, true);
}

function formatIn(f: FigureFormat, kpi: KpiId, unit: Unit, v: number | null, sign: boolean) {
  if (v === null || !Number.isFinite(v)) return NONE;
  const { lang } = f;
  switch (unit) {
    case 'percent':
      return formatPercent(lang, v, sign);
    case 'points':
      return formatNumber(lang, v, 0, true);
    case 'seconds':
      return formatDuration(lang, f.displays?.[kpi] ?? 'seconds', v, sign);
    case 'score':
      return formatNumber(lang, v, 2, sign);
    case 'currency':
      return nf(lang, { style: 'currency', currency: f.currency, ...fixed(2, sign) }).format(v);
  }
}

/**
 * Seconds in a display unit: "12 s", "7:30 min", "30.4 h". A wait shown in seconds moves up a
 * unit when it is long (e-mail's ASA: "9.4 h", not "33,719 s"): from 2 minutes, and from 1 hour.
 */
export function formatDuration(
  lang: Lang,
  display: DurationDisplay,
  seconds: number,
  sign = false,
): string {
  switch (display) {
    case 'seconds':
      if (Math.abs(seconds) >= 3600) return formatDuration(lang, 'hours', seconds, sign);
      if (Math.abs(seconds) >= 120) return formatMinSec(lang, seconds, sign);
      return `${formatNumber(lang, seconds, 0, sign)} s`;
    case 'minutes':
      return formatMinSec(lang, seconds, sign);
    case 'hours':
      return `${formatNumber(lang, seconds / 3600, 1, sign)} h`;
  }
}

/** Seconds as "12 s", or "7:30 min" for handle times. */
export const formatSeconds = (lang: Lang, v: number | null, minutes = false): string =>
  minutes ? formatMinSec(lang, v) : v === null ? NONE : `${formatNumber(lang, v, 0)} s`;

/** A waiting-time threshold in its natural unit: "20 s", "5 min", "24 h". */
export function formatThreshold(lang: Lang, seconds: number): string {
  if (seconds < 120) return `${formatNumber(lang, seconds, 0)} s`;
  if (seconds < 7200) return `${formatNumber(lang, seconds / 60, 0)} min`;
  return `${formatNumber(lang, seconds / 3600, 0)} h`;
}

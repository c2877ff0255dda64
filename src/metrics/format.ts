// Formats a KPI value for people, by unit and locale: `78.1%` in English, `78,1 %` in Dutch and
// Spanish, NPS as signed points, durations (always seconds in the data) in the unit the KPI's
// `display` names, per KPIS.md's time units. Null is "—".

import type { DurationDisplay, Lang, Unit } from './types.ts';

export const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-GB', nl: 'nl-NL', es: 'es-ES' };
export const NONE = '—';

function num(v: number, lang: Lang, digits: number): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: true,
  }).format(v);
}

export function formatPercent(v: number | null, lang: Lang): string {
  if (v === null) return NONE;
  return lang === 'en' ? `${num(v, lang, 1)}%` : `${num(v, lang, 1)} %`;
}

/** Minutes and seconds, e.g. 450 → "7:30 min". */
export function formatMinSec(seconds: number): string {
  const total = Math.round(seconds);
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')} min`;
}

export interface FormatOptions {
  readonly lang: Lang;
  readonly currency?: string;
  /** For durations: the KPI definition's `display` (AHT in minutes, resolution in hours). */
  readonly display?: DurationDisplay;
}

/** Seconds in the display unit: "12.3 s", "7:30 min", "30.4 h". */
export function formatDuration(seconds: number, lang: Lang, display: DurationDisplay): string {
  switch (display) {
    case 'seconds':
      return `${num(seconds, lang, seconds < 100 ? 1 : 0)} s`;
    case 'minutes':
      return formatMinSec(seconds);
    case 'hours':
      return `${num(seconds / 3600, lang, 1)} h`;
  }
}

export function formatValue(
  v: number | null,
  unit: Unit,
  { lang, currency = 'EUR', display = 'seconds' }: FormatOptions,
): string {
  if (v === null || !Number.isFinite(v)) return NONE;
  switch (unit) {
    case 'percent':
      return formatPercent(v, lang);
    case 'points':
      return `${v > 0 ? '+' : ''}${num(v, lang, Number.isInteger(v) ? 0 : 1)}`;
    case 'seconds':
      return formatDuration(v, lang, display);
    case 'score':
      return num(v, lang, 2);
    case 'currency':
      return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency }).format(v);
  }
}

export function formatCount(v: number, lang: Lang): string {
  return num(v, lang, 0);
}

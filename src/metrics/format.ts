// Formats a KPI value for people, by unit and locale: `78.1%` in English, `78,1 %` in Dutch and
// Spanish, NPS as signed points, durations by KPIS.md's time units. Null is "—".

import type { Lang, Unit } from './types.ts';

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
  /** For durations: which KPI, since AHT reads in minutes and ASA in seconds. */
  readonly kpi?: string;
}

export function formatValue(
  v: number | null,
  unit: Unit,
  { lang, currency = 'EUR', kpi }: FormatOptions,
): string {
  if (v === null || !Number.isFinite(v)) return NONE;
  switch (unit) {
    case 'percent':
      return formatPercent(v, lang);
    case 'points':
      return `${v > 0 ? '+' : ''}${num(v, lang, Number.isInteger(v) ? 0 : 1)}`;
    case 'seconds':
      return kpi === 'aht' ? formatMinSec(v) : `${num(v, lang, v < 100 ? 1 : 0)} s`;
    case 'hours':
      return `${num(v, lang, 1)} h`;
    case 'score':
      return num(v, lang, 2);
    case 'currency':
      return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency }).format(v);
  }
}

export function formatCount(v: number, lang: Lang): string {
  return num(v, lang, 0);
}

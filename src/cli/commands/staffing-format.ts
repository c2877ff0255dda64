// Number formats shared by the `cxkpi staffing` views: English, SL as a fraction of 1 in, percent
// out for people (88.8%) and for JSON/CSV (88.84…, as KPIS.md asks). Limits: English only.

import { formatPercent, formatValue, NONE } from '../../metrics/format.ts';
import type { ServiceTarget, StaffingConstraint } from '../../staffing/index.ts';

export const en = (v: number, digits: number) =>
  new Intl.NumberFormat('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);
export const pct = (v: number | null) => (v === null ? NONE : formatPercent(v * 100, 'en'));
export const secs = (v: number | null) =>
  v === null || !Number.isFinite(v) ? NONE : `${en(v, 1)} s`;
export const money = (v: number | null, currency: string) =>
  v === null ? NONE : formatValue(v, 'currency', { lang: 'en', currency });
export const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
export const pctOut = (v: number | null) => (v === null ? null : v * 100);
export const targetText = (t: ServiceTarget) =>
  `${en(t.sl * 100, t.sl * 100 === Math.round(t.sl * 100) ? 0 : 1)}/${t.thresholdSeconds}`;
export const modelText = (patience: number | null) => (patience === null ? 'Erlang C' : 'Erlang A');

/** Why the agent count is what it is, as a phrase after the count. */
export const BINDING: Readonly<Record<StaffingConstraint, string>> = {
  none: '',
  stability: ' (set by stability: fewer cannot keep up)',
  serviceLevel: ' (set by the SL target)',
  occupancy: ' (set by the occupancy cap)',
  abandonment: ' (set by the abandon cap)',
};

// The requests the dashboard's overview page makes for its KPI tiles, built with the dashboard's
// own URL helpers (web/src/api), over distinct periods and channel filters: no two alike.

import { apiUrl } from '../web/src/api/client.ts';
import { ALL_KPIS, CHANNEL_SPLIT_KPIS } from '../web/src/api/kpi-meta.ts';

export interface OverviewLoad {
  readonly label: string;
  /** Period totals with the previous period (tiles, deltas). */
  readonly totals: string;
  /** The sparkline series: per day, per hour for one- and two-day periods (web/src/pages/daily.ts). */
  readonly trend: string;
  /** The contact KPIs per channel, asked when no channel filter is set (web overview-page.tsx). */
  readonly split: string | null;
}

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/** Period lengths the presets give: today, last 7 days, a week, a fortnight, a month. */
const LENGTHS = [7, 1, 14, 30, 7, 2, 28, 7] as const;
const CHANNELS = [null, 'voice', 'chat', 'email', 'messaging'] as const;

export function overviewLoad(from: string, to: string, channel: string | null): OverviewLoad {
  const base = { from, to, filters: channel ? { channel } : {} };
  const grain = daysBetween(from, to) >= 2 ? 'day' : 'hour';
  return {
    label: `${from}..${to}${channel ? ` channel=${channel}` : ''}`,
    totals: apiUrl('kpis', { ...base, kpis: ALL_KPIS, compare: true }),
    trend: apiUrl('kpis', { ...base, kpis: ALL_KPIS, grain }),
    split: channel ? null : apiUrl('kpis', { ...base, kpis: CHANNEL_SPLIT_KPIS, by: ['channel'] }),
  };
}

/**
 * `count` distinct loads inside the data period [first, last]: ends step back from the last day,
 * lengths and channel filters cycle, so every (period, filter) pair is new to the server.
 */
export function overviewLoads(first: string, last: string, count: number): OverviewLoad[] {
  const out: OverviewLoad[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < count && i < count * 10; i++) {
    const len = LENGTHS[i % LENGTHS.length] ?? 7;
    const to = addDays(last, -((i * 3) % Math.max(1, daysBetween(first, last) - 2 * len)));
    const from = addDays(to, -(len - 1));
    const channel = CHANNELS[i % CHANNELS.length] ?? null;
    const load = overviewLoad(from < first ? first : from, to, channel);
    if (seen.has(load.label)) continue;
    seen.add(load.label);
    out.push(load);
  }
  return out;
}

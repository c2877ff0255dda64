// Which figure a contact KPI leads with. SL, ASA, AHT and abandon rate mean different things per
// channel (seconds on voice, hours on e-mail) and the API rates a row against its channel's own
// benchmark and target when asked by channel. So these KPIs are fetched by channel: SL leads
// with the all-channel figure (each contact judged against its own channel's threshold), ASA, AHT
// and abandon rate with voice (their benchmarks are for calls), and every channel is listed.
// Limits: the headline channel is voice, else the channel with the most contacts.

import type { Group } from '../state/url-state.ts';
import type { View } from '../state/view-context.ts';
import { apiUrl } from './client.ts';
import { CHANNEL_SPLIT_KPIS } from './kpi-meta.ts';
import { rowsFor } from './rows.ts';
import type { KpiId, KpiResponse, KpiRow } from './types.ts';
import { useApi, type Loaded } from './use-api.ts';

export const HEADLINE_CHANNEL = 'voice';

export interface Headline {
  /** The figure shown first: the period total, or one channel's figure. */
  readonly row: KpiRow | null;
  /** Further rows of the same figure (CES: one per scale). */
  readonly others: readonly KpiRow[];
  /** The group of `row` for its rows and definition: {} or { channel }. */
  readonly group: Group;
  /** total: every record in the filters; blend: SL of all channels, each against its own T. */
  readonly scope: 'total' | 'blend' | 'channel';
  readonly channel: string | null;
  /** The KPI per channel, each rated on its own (listed when there are two or more), live
   * channels first. */
  readonly channels: readonly KpiRow[];
  /** The previous period's rows that `row` compares with. */
  readonly previous: readonly KpiRow[] | undefined;
}

const byN = (a: KpiRow, b: KpiRow) => b.n - a.n;

/** Live channels first, then the backlog ones: the same order in every tile and strip. */
const CHANNEL_ORDER = ['voice', 'chat', 'messaging', 'social', 'email', 'other'];
const rank = (r: KpiRow) => {
  const i = CHANNEL_ORDER.indexOf(String(r.keys['channel']));
  return i < 0 ? CHANNEL_ORDER.length : i;
};
export const byChannel = (a: KpiRow, b: KpiRow): number =>
  rank(a) - rank(b) || String(a.keys['channel']).localeCompare(String(b.keys['channel']));

export const isSplitKpi = (kpi: KpiId): boolean => CHANNEL_SPLIT_KPIS.includes(kpi);

/** The contact KPIs by channel over the view's period, with the previous period. */
export function useChannelSplit(view: View): Loaded<KpiResponse> {
  return useApi<KpiResponse>(
    apiUrl('kpis', { ...view.base, kpis: CHANNEL_SPLIT_KPIS, by: ['channel'], compare: true }),
  );
}

export function headlineOf(
  kpi: KpiId,
  totals: KpiResponse | null,
  split: KpiResponse | null,
): Headline {
  const total = rowsFor(totals?.rows ?? [], kpi).sort(byN);
  const asTotal: Headline = {
    row: total[0] ?? null,
    others: total.slice(1),
    group: {},
    scope: 'total',
    channel: null,
    channels: [],
    previous: totals?.previous?.rows,
  };
  if (!isSplitKpi(kpi) || !split) return asTotal;
  const channels = rowsFor(split.rows, kpi)
    .filter((r) => r.n > 0)
    .sort(byChannel);
  if (channels.length === 0) return asTotal;
  if (kpi === 'service_level' && channels.length > 1)
    return { ...asTotal, scope: 'blend', channels };
  const pick =
    channels.find((r) => r.keys['channel'] === HEADLINE_CHANNEL) ??
    ([...channels].sort(byN)[0] as KpiRow);
  const channel = String(pick.keys['channel']);
  return {
    row: pick,
    others: [],
    group: { channel },
    scope: 'channel',
    channel,
    channels: channels.length > 1 ? channels : [],
    previous: split.previous?.rows,
  };
}

const RANK = { red: 3, amber: 2, green: 1 } as const;

/** The worst status among the headline and its channels: a tile is not green while voice is red. */
export function worstStatus(h: Headline): KpiRow['rating']['status'] {
  let worst: KpiRow['rating']['status'] = h.row?.rating.status ?? null;
  for (const r of h.channels) {
    const s = r.rating.status;
    if (s && (!worst || RANK[s] > RANK[worst])) worst = s;
  }
  return worst;
}

/**
 * The channel a one-channel chart (heatmap, waiting time) shows: the filter's, else voice, since
 * waits in seconds and in hours share no axis. `implicit` when the filter bar says "all".
 */
export function chartChannel(view: View): { channel: string | null; implicit: boolean } {
  const chosen = view.state.filters.channel;
  if (chosen) return { channel: chosen, implicit: false };
  const channels = view.dims.channel;
  if (channels.length < 2) return { channel: null, implicit: false };
  return channels.includes(HEADLINE_CHANNEL)
    ? { channel: HEADLINE_CHANNEL, implicit: true }
    : { channel: null, implicit: false };
}

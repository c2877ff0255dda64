// Display labels of data values: channels and weekdays translated, a benchmark's source named
// briefly. Limits: queue, team, agent and category names are shown as the data spells them.

import type { MessageKey, Translate } from '../i18n/i18n.ts';

const CHANNELS = ['voice', 'chat', 'email', 'messaging', 'social', 'other'];

export function channelLabel(t: Translate, channel: string): string {
  return CHANNELS.includes(channel) ? t(`channel.${channel}` as MessageKey) : channel;
}

export function weekdayLabel(t: Translate, weekday: string | number): string {
  const n = Number(weekday);
  return n >= 1 && n <= 7 ? t(`weekday.${n}` as MessageKey) : String(weekday);
}

/** A dimension value as shown: channels and weekdays translated, other names as they are. */
export function keyLabel(t: Translate, dim: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (dim === 'channel') return channelLabel(t, String(value));
  if (dim === 'weekday') return weekdayLabel(t, String(value));
  return String(value);
}

/** "KPIS.md: average 30–50 …" → "KPIS.md": the source's name without the quoted text. */
export function sourceLabel(source: string): string {
  const i = source.indexOf(':');
  return i > 0 ? source.slice(0, i) : source;
}

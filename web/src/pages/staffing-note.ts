// The words under the staffing plan: which target it plans for and where that target comes from,
// which channel and queue it covers, and which of the dashboard's filters it does not apply.
// Limits: the plan is for a queue; team, agent and category do not narrow a queue's traffic.

import type { StaffingResponse } from '../api/staffing.ts';
import type { FilterDimension } from '../api/types.ts';
import { formatNumber, formatPercent, formatThreshold } from '../format/format.ts';
import { channelLabel } from '../format/labels.ts';
import type { MessageKey, Translate } from '../i18n/i18n.ts';
import type { View } from '../state/view-context.ts';

/** Filters /api/v1/staffing takes; the others are ignored by the plan (and said so). */
export const STAFFING_FILTERS: readonly FilterDimension[] = ['channel', 'queue'];

/** The one channel the plan covers (the server plans voice unless a channel is chosen). */
export function planChannel(view: View, res: StaffingResponse | null): string | null {
  const fromPlan = res?.filters?.['channel'];
  if (fromPlan?.length === 1) return fromPlan[0] ?? null;
  return view.state.filters.channel ?? null;
}

/** Whether the workspace sets an SL target for the channel (else the plan uses the common 80 %). */
function targetSet(view: View, channel: string | null): boolean {
  const s = view.settings;
  const byChannel = channel ? s.targets_by_channel?.[channel]?.['service_level'] : undefined;
  return byChannel !== undefined || s.targets?.['service_level'] !== undefined;
}

export function staffingNote(
  view: View,
  t: Translate,
  res: StaffingResponse | null,
  factor: number,
): string {
  const { lang } = view.state;
  const parts: string[] = [];
  const channel = planChannel(view, res);
  if (res?.target) {
    const x = formatNumber(lang, res.target.sl * factor, 0);
    parts.push(
      t('cost.staffingNote', { target: `${x}/${res.target.thresholdSeconds}` }),
      t(targetSet(view, channel) ? 'cost.targetSet' : 'cost.targetDefault', {
        t: formatThreshold(lang, res.target.thresholdSeconds),
      }),
    );
  }
  const queue = view.state.filters.queue;
  const label = channelLabel(t, channel ?? '');
  if (queue) parts.push(t('cost.staffingQueue', { channel: label, queue }));
  else if (view.state.filters.channel) parts.push(t('cost.staffingChannel', { channel: label }));
  else parts.push(t('cost.staffingVoice'));
  const ignored = (Object.keys(view.state.filters) as FilterDimension[]).filter(
    (d) => !STAFFING_FILTERS.includes(d),
  );
  if (ignored.length)
    parts.push(
      t('cost.staffingIgnores', {
        filters: ignored.map((d) => t(`dim.${d}` as MessageKey).toLowerCase()).join(', '),
      }),
    );
  if (res?.shrinkage !== undefined)
    parts.push(t('cost.shrinkage', { value: formatPercent(lang, res.shrinkage * factor) }));
  return parts.join(' ');
}

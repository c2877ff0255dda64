// A KPI per channel inside a tile or a strip: every value opens its rows, and every one is rated
// against its own channel's benchmark and target. For SL each channel shows its threshold T.
// Limits: shown for two or more channels; a channel without a benchmark gets no badge.

import type { KpiId, KpiRow } from '../api/types.ts';
import { formatThreshold } from '../format/format.ts';
import { channelLabel } from '../format/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { kpiName, useView, type View } from '../state/view-context.ts';
import { FigureButton } from './figure-button.tsx';
import { StatusBadge } from './status-badge.tsx';

/** The SL threshold T of a channel from the workspace settings, in seconds. */
export function thresholdOf(view: View, channel: string): number | null {
  const sl = view.settings.service_level;
  return sl?.threshold_s_by_channel?.[channel] ?? sl?.threshold_s ?? null;
}

export function ChannelList({ kpi, rows }: { kpi: KpiId; rows: readonly KpiRow[] }) {
  const view = useView();
  const { t, lang } = useI18n();
  if (rows.length < 2) return null;
  return (
    <table className="channel-list small" data-testid="kpi-channels">
      <caption className="visually-hidden">
        {t('tile.perChannel', { kpi: kpiName(view, kpi) })}
      </caption>
      <tbody>
        {rows.map((r) => {
          const ch = String(r.keys['channel'] ?? '');
          const limit = kpi === 'service_level' ? thresholdOf(view, ch) : null;
          return (
            <tr key={ch} data-channel={ch} data-value={r.value ?? ''} data-n={r.n}>
              <th scope="row">
                {channelLabel(t, ch)}
                {limit !== null ? (
                  <span className="muted"> ≤ {formatThreshold(lang, limit)}</span>
                ) : null}
              </th>
              <td>
                <FigureButton kpi={kpi} row={r} group={{ channel: ch }} testId="channel-value" />
              </td>
              <td>{r.rating.status ? <StatusBadge row={r} compact /> : null}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

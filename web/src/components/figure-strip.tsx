// A row of headline figures for a page (e.g. SL next to ASA): name, the figure (drill-down), n,
// rating and benchmark, and for the contact KPIs each channel rated on its own, led by the same
// figure as the overview tile (api/channel-split.ts). Limits: period totals only; CES shows its
// largest scale.

import { headlineOf } from '../api/channel-split.ts';
import type { KpiId, KpiResponse } from '../api/types.ts';
import { formatCount, formatKpi } from '../format/format.ts';
import { channelLabel, sourceLabel } from '../format/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { benchmarkText, kpiName, useView } from '../state/view-context.ts';
import { ChannelList } from './channel-list.tsx';
import { DefinitionButton, FigureButton } from './figure-button.tsx';
import { StatusBadge } from './status-badge.tsx';

export interface FigureStripProps {
  readonly kpis: readonly KpiId[];
  readonly totals: KpiResponse | null;
  /** The contact KPIs by channel (useChannelSplit); null for pages without them. */
  readonly split?: KpiResponse | null;
}

export function FigureStrip({ kpis, totals, split = null }: FigureStripProps) {
  const view = useView();
  const { t, lang } = useI18n();
  return (
    <div className="figure-strip card">
      {kpis.map((k) => {
        const h = headlineOf(k, totals, split);
        const row = h.row;
        const def = view.defs.get(k);
        const bench = benchmarkText(view, k, row?.scale);
        const f = (v: number | null) => (row ? formatKpi(view.fmt, k, row.unit, v) : '—');
        return (
          <div
            className="item"
            key={k}
            data-kpi={k}
            data-scope={h.scope}
            data-headline-channel={h.channel ?? ''}
          >
            <span className="label">
              {kpiName(view, k)} <DefinitionButton kpi={k} group={h.group} />
            </span>
            {h.scope === 'blend' ? (
              <span className="tile-scope small">{t('tile.blend')}</span>
            ) : h.scope === 'channel' ? (
              <span className="tile-scope small">{channelLabel(t, h.channel ?? '')}</span>
            ) : null}
            <span>
              <FigureButton kpi={k} row={row} group={h.group} testId="strip-value" />
              {row?.scale ? (
                <span className="muted small"> {t('tile.scale', { scale: row.scale })}</span>
              ) : null}
            </span>
            <span className="small muted">
              {t('tile.n', { n: formatCount(lang, row?.n ?? 0) })}
              {row?.percentiles
                ? ` · ${t('tile.p50p90', { p50: f(row.percentiles.p50), p90: f(row.percentiles.p90) })}`
                : ''}
            </span>
            <StatusBadge
              row={row}
              suffix={h.scope === 'blend' ? t('tile.blendShort') : undefined}
            />
            <ChannelList kpi={k} rows={h.channels} />
            {def?.benchmark && bench ? (
              <span className="small muted strip-bench" title={def.benchmark.source}>
                {t('tile.benchmark', { text: bench })} ·{' '}
                {t('tile.source', { source: sourceLabel(def.benchmark.source) })}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

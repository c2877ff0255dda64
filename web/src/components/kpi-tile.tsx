// One KPI on the overview: the headline figure (period total, or voice for ASA, AHT and abandon
// rate), n with the 95 % interval or p50/p90, its rating, the KPI per channel (each rated on its
// own), the benchmark, a sparkline and the change against the previous period.
// Limits: CES shows its largest scale first and the other scales below.

import type { ReactNode } from 'react';
import { worstStatus, type Headline } from '../api/channel-split.ts';
import type { KpiId, KpiRow } from '../api/types.ts';
import { previousOf } from '../api/rows.ts';
import { formatCount, formatDelta, formatKpi } from '../format/format.ts';
import { channelLabel, sourceLabel } from '../format/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { benchmarkText, kpiName, useView } from '../state/view-context.ts';
import { ChannelList } from './channel-list.tsx';
import { DefinitionButton, FigureButton } from './figure-button.tsx';
import { Sparkline } from './sparkline.tsx';
import { StatusBadge } from './status-badge.tsx';

export interface KpiTileProps {
  readonly kpi: KpiId;
  readonly headline: Headline;
  /** The headline figure per day (or hour) over the period. */
  readonly daily: readonly (number | null)[];
  /** Shown under the figures (e.g. the comments next to NPS). */
  readonly children?: ReactNode;
}

export function KpiTile({ kpi, headline, daily, children }: KpiTileProps) {
  const view = useView();
  const { t } = useI18n();
  const { row, group, scope } = headline;
  const def = view.defs.get(kpi);
  const name = kpiName(view, kpi);
  const f = (v: number | null) => (row ? formatKpi(view.fmt, kpi, row.unit, v) : '—');
  const id = `tile-${kpi}`;
  const bench = benchmarkText(view, kpi, row?.scale);
  const status = worstStatus(headline);
  return (
    <article
      className={`tile tile-${status ?? 'none'}`}
      data-kpi={kpi}
      data-scope={scope}
      data-headline-channel={headline.channel ?? ''}
      aria-labelledby={`${id}-name`}
    >
      <div className="tile-head">
        <h3 id={`${id}-name`}>{name}</h3>
        <DefinitionButton kpi={kpi} group={group} />
      </div>
      {scope === 'blend' ? (
        <p className="tile-scope small">{t('tile.blend')}</p>
      ) : scope === 'channel' ? (
        <p className="tile-scope small">{channelLabel(t, headline.channel ?? '')}</p>
      ) : null}
      <div className="tile-value-line">
        <FigureButton kpi={kpi} row={row} group={group} className="tile-value" testId="kpi-value" />
        {row?.scale ? (
          <span className="muted small">{t('tile.scale', { scale: row.scale })}</span>
        ) : null}
      </div>
      <div className="tile-status">
        <StatusBadge row={row} suffix={scope === 'blend' ? t('tile.blendShort') : undefined} />
        {row?.rating.target !== null && row?.rating.target !== undefined ? (
          <span className="small muted">{t('tile.target', { target: f(row.rating.target) })}</span>
        ) : null}
      </div>
      <p className="tile-meta">
        <span data-testid="kpi-n">
          {t('tile.n', { n: formatCount(view.state.lang, row?.n ?? 0) })}
        </span>
        {row && row.ci_low !== null && row.ci_high !== null ? (
          <span> · {t('tile.ci', { low: f(row.ci_low), high: f(row.ci_high) })}</span>
        ) : null}
        {row?.percentiles ? (
          <span>
            {' · '}
            {t('tile.p50p90', { p50: f(row.percentiles.p50), p90: f(row.percentiles.p90) })}
          </span>
        ) : null}
      </p>
      <ChannelList kpi={kpi} rows={headline.channels} />
      {headline.others.map((r) => (
        <p className="tile-meta" key={r.scale ?? ''}>
          {t('tile.scale', { scale: r.scale ?? '' })}: {f(r.value)} ·{' '}
          {t('tile.n', { n: formatCount(view.state.lang, r.n) })}
        </p>
      ))}
      {def?.benchmark && bench ? (
        <p className="tile-bench small muted" title={def.benchmark.source}>
          {t('tile.benchmark', { text: bench })}
          {' · '}
          {t('tile.source', { source: sourceLabel(def.benchmark.source) })}
        </p>
      ) : null}
      {row &&
      row.n > 0 &&
      row.n < view.minSample &&
      ['nps', 'csat', 'ces', 'ces_positive', 'fcr'].includes(kpi) ? (
        <p className="tile-warn small">{t('tile.smallSample', { min: view.minSample })}</p>
      ) : null}
      {children}
      <div className="tile-foot">
        <Sparkline values={daily} label={t('tile.sparkline', { kpi: name })} />
        <Delta kpi={kpi} row={row} prev={row ? previousOf(headline.previous, row) : null} />
      </div>
    </article>
  );
}

function Delta({ kpi, row, prev }: { kpi: KpiId; row: KpiRow | null; prev: KpiRow | null }) {
  const view = useView();
  const { t } = useI18n();
  if (!row || row.value === null || !prev || prev.value === null)
    return <span className="delta small muted">{t('tile.noChange')}</span>;
  const d = row.value - prev.value;
  const higherIsBetter = (view.defs.get(kpi)?.direction ?? 'higher') === 'higher';
  const text = formatDelta(view.fmt, kpi, row.unit, d);
  // A change that rounds to zero on screen is shown as unchanged.
  const judged = !/[1-9]/.test(text) ? 'same' : d > 0 === higherIsBetter ? 'better' : 'worse';
  const arrow = judged === 'same' ? '=' : d > 0 ? '▲' : '▼';
  return (
    <span className={`delta small delta-${judged}`} data-testid="kpi-delta" data-delta={d}>
      <span aria-hidden="true">{arrow} </span>
      {t('tile.change', { delta: text })}{' '}
      <span className="visually-hidden">({t(`tile.${judged}`)})</span>
    </span>
  );
}

// Overview: one tile per KPI, grouped by the goals of KPIS.md (reachability and capacity,
// operational quality, loyalty and growth, resolution), with CSVs of exactly these figures.
// The contact KPIs come per channel too (api/channel-split.ts): no tile blends e-mail hours into
// a voice benchmark. Limits: sparklines per day over the period (per hour for one or two days).

import { apiUrl } from '../api/client.ts';
import { headlineOf, isSplitKpi, useChannelSplit } from '../api/channel-split.ts';
import { ALL_KPIS, CHANNEL_SPLIT_KPIS, GOAL_KPIS, GOALS, TOTAL_KPIS } from '../api/kpi-meta.ts';
import type { KpiId, KpiResponse } from '../api/types.ts';
import { useApi, type Loaded } from '../api/use-api.ts';
import { KpiTile } from '../components/kpi-tile.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';
import { groupSeries, series, trendGrain, useDaily } from './daily.ts';
import { NpsVoices } from './nps-voices.tsx';

export function OverviewPage({ totals }: { readonly totals: Loaded<KpiResponse> }) {
  const view = useView();
  const { t } = useI18n();
  const grain = trendGrain(view);
  // Sparklines draw values only: their queries skip the percentiles (the costliest part).
  const daily = useDaily(view, TOTAL_KPIS, grain, { percentiles: false });
  const split = useChannelSplit(view);
  const dailySplit = useApi<KpiResponse>(
    apiUrl('kpis', {
      ...view.base,
      kpis: CHANNEL_SPLIT_KPIS,
      by: ['channel'],
      grain,
      percentiles: false,
    }),
  );
  const csv = apiUrl('kpis', { ...view.base, kpis: ALL_KPIS, compare: true }, true);
  const splitCsv = apiUrl(
    'kpis',
    { ...view.base, kpis: CHANNEL_SPLIT_KPIS, by: ['channel'], compare: true },
    true,
  );
  const error = totals.error ?? split.error;
  if (error) return <p role="alert">{t('common.error', { message: error })}</p>;
  if (!totals.data || !split.data) return <p aria-live="polite">{t('common.loading')}</p>;
  const tile = (k: KpiId) => {
    const h = headlineOf(k, totals.data, split.data);
    const trend =
      h.scope === 'channel' && isSplitKpi(k)
        ? groupSeries(view, dailySplit.data?.rows ?? [], k, grain, h.group)
        : series(view, daily.data?.rows ?? [], k, grain);
    return (
      <KpiTile key={k} kpi={k} headline={h} daily={trend}>
        {k === 'nps' ? <NpsVoices /> : null}
      </KpiTile>
    );
  };
  return (
    <div className="overview" data-testid="overview">
      <p className="page-actions">
        <a href={csv} download data-testid="overview-csv">
          {t('common.csvOf', { what: t('nav.overview') })}
        </a>
        <a href={splitCsv} download data-testid="overview-channel-csv">
          {t('overview.channelCsv')}
        </a>
      </p>
      {totals.data.warnings.map((w) => (
        <p key={w} className="warning small">
          {w}
        </p>
      ))}
      <div className="goals">
        {GOALS.map((g) => (
          <section
            key={g}
            className="goal"
            aria-labelledby={`goal-${g}`}
            data-goal={g}
            style={{ flexGrow: GOAL_KPIS[g].length, flexBasis: `${GOAL_KPIS[g].length * 235}px` }}
          >
            <div className="goal-head">
              <h2 id={`goal-${g}`}>{t(`goal.${g}` as MessageKey)}</h2>
              <p className="muted small">{t(`goal.${g}.why` as MessageKey)}</p>
            </div>
            <div className="tiles">{GOAL_KPIS[g].map(tile)}</div>
          </section>
        ))}
      </div>
    </div>
  );
}

// Overview: one tile per KPI, grouped by the goals of KPIS.md (reachability and capacity,
// operational quality, loyalty and growth, resolution), with a CSV of exactly these figures.
// Limits: sparklines are per day over the period (per hour for one- or two-day periods).

import { apiUrl } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { ALL_KPIS, CHANNEL_SPLIT_KPIS, GOAL_KPIS, GOALS } from '../api/kpi-meta.ts';
import { rowsFor } from '../api/rows.ts';
import type { KpiResponse } from '../api/types.ts';
import type { Loaded } from '../api/use-api.ts';
import { KpiTile } from '../components/kpi-tile.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';
import { series, trendGrain, useDaily } from './daily.ts';

export function OverviewPage({ totals }: { readonly totals: Loaded<KpiResponse> }) {
  const view = useView();
  const { t } = useI18n();
  const grain = trendGrain(view);
  const daily = useDaily(view, ALL_KPIS, grain);
  // Without a channel filter, the contact KPIs also show per channel: an all-channel ASA that
  // mixes phone seconds with e-mail hours describes no queue.
  const split = useApi<KpiResponse>(
    view.state.filters.channel
      ? null
      : apiUrl('kpis', { ...view.base, kpis: CHANNEL_SPLIT_KPIS, by: ['channel'] }),
  );
  const csv = apiUrl('kpis', { ...view.base, kpis: ALL_KPIS, compare: true }, true);
  if (totals.error) return <p role="alert">{t('common.error', { message: totals.error })}</p>;
  if (!totals.data) return <p aria-live="polite">{t('common.loading')}</p>;
  const rows = totals.data.rows;
  return (
    <div className="overview" data-testid="overview">
      <p className="page-actions">
        <a href={csv} download data-testid="overview-csv">
          {t('common.csvOf', { what: t('nav.overview') })}
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
            <div className="tiles">
              {GOAL_KPIS[g].map((k) => (
                <KpiTile
                  key={k}
                  kpi={k}
                  rows={rowsFor(rows, k)}
                  previous={totals.data?.previous?.rows}
                  daily={daily.data ? series(view, daily.data.rows, k, grain) : []}
                  channels={
                    CHANNEL_SPLIT_KPIS.includes(k) && split.data ? rowsFor(split.data.rows, k) : []
                  }
                />
              ))}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}

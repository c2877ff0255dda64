// Quality: FCR, CSAT, reopen rate (and AHT) by channel, queue, team or agent, as a table whose
// cells open their rows, and FCR against CSAT and AHT per group, drawn from the data.
// Limits: one breakdown at a time (in the URL as `by`).

import { apiUrl } from '../api/client.ts';
import type { KpiId, KpiResponse } from '../api/types.ts';
import { useApi, type Loaded } from '../api/use-api.ts';
import { Card } from '../components/card.tsx';
import { FigureStrip } from '../components/figure-strip.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';
import { BREAKDOWNS, type Breakdown } from '../state/url-state.ts';
import { useView } from '../state/view-context.ts';
import { BreakdownTable } from './breakdown-table.tsx';
import { ScatterCard } from './scatter-card.tsx';

const KPIS: readonly KpiId[] = ['fcr', 'csat', 'reopen_rate', 'aht'];

export function QualityPage({ totals }: { readonly totals: Loaded<KpiResponse> }) {
  const view = useView();
  const { t } = useI18n();
  const by = view.state.by;
  const q = { ...view.base, kpis: KPIS, by: [by] };
  const res = useApi<KpiResponse>(apiUrl('kpis', q));
  const dimLabel = t(`dim.${by}` as MessageKey);
  const rows = res.data?.rows ?? [];
  const tools = (
    <label className="field">
      <span>{t('quality.by')}</span>
      <select
        value={by}
        data-testid="by-select"
        onChange={(e) => view.update({ by: e.target.value as Breakdown })}
      >
        {BREAKDOWNS.map((b) => (
          <option key={b} value={b}>
            {t(`dim.${b}` as MessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
  const title = t('quality.table', { dim: dimLabel.toLowerCase() });
  return (
    <div className="grid" data-testid="quality">
      <div className="card-wide">
        <FigureStrip
          kpis={['fcr', 'csat', 'reopen_rate', 'time_to_resolution']}
          totals={totals.data}
        />
      </div>
      <Card
        title={title}
        wide
        tools={tools}
        csv={apiUrl('kpis', q, true)}
        loading={res.loading}
        error={res.error}
        empty={!!res.data && rows.length === 0}
        testId="breakdown-card"
      >
        <BreakdownTable
          dim={by}
          kpis={KPIS}
          rows={rows}
          totals={totals.data?.rows ?? []}
          caption={title}
        />
      </Card>
      <ScatterCard
        title={t('quality.fcrCsat', { dim: dimLabel.toLowerCase() })}
        dim={by}
        dimLabel={dimLabel.toLowerCase()}
        y="csat"
        rows={rows}
        loading={res.loading}
        error={res.error}
        testId="scatter-csat"
      />
      <ScatterCard
        title={t('quality.fcrAht', { dim: dimLabel.toLowerCase() })}
        dim={by}
        dimLabel={dimLabel.toLowerCase()}
        y="aht"
        rows={rows}
        loading={res.loading}
        error={res.error}
        testId="scatter-aht"
      />
    </div>
  );
}

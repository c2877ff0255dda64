// The staffing plan's totals over the period: paid agent-hours the target needs against those
// staffed, their cost, and what one more point of service level costs.
// Limits: shows the API's totals as given; nothing is re-added here.

import type { StaffingResponse } from '../api/staffing.ts';
import { formatNumber, localeOf } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';

export function StaffingTotalsLine({ res }: { readonly res: StaffingResponse | null }) {
  const view = useView();
  const { t, lang } = useI18n();
  const tot = res?.totals;
  if (!tot) return null;
  const money = (v: number | null | undefined) =>
    v === null || v === undefined
      ? '—'
      : new Intl.NumberFormat(localeOf(lang), {
          style: 'currency',
          currency: res?.currency ?? view.fmt.currency,
          maximumFractionDigits: 0,
        }).format(v);
  const hours = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : `${formatNumber(lang, v, 0)} h`;
  const items: [string, string, string][] = [
    [t('cost.requiredHours'), hours(tot.requiredAgentHours), money(tot.requiredCost)],
    [t('cost.staffedHours'), hours(tot.staffedAgentHours), money(tot.staffedCost)],
    [t('cost.costPerPoint'), money(tot.extraPointCost), ''],
  ];
  return (
    <div className="figure-strip inline" data-testid="staffing-totals">
      {items.map(([label, a, b]) => (
        <div className="item" key={label}>
          <span className="label">{label}</span>
          <span className="figure">{a}</span>
          {b ? <span className="small muted">{b}</span> : null}
        </div>
      ))}
    </div>
  );
}

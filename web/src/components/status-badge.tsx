// The red/amber/green rating of a figure as text plus colour (never colour alone), with the
// benchmark band and the target. Limits: the status itself comes from the API (rating.status).

import type { KpiRow } from '../api/types.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';

export function StatusBadge({ row }: { readonly row: KpiRow | null }) {
  const { t } = useI18n();
  const status = row?.rating.status ?? null;
  const band = row?.rating.band ?? null;
  const label = t(status ? (`status.${status}` as MessageKey) : 'status.none');
  return (
    <span className={`badge badge-${status ?? 'none'}`} data-status={status ?? 'none'}>
      <span className="badge-dot" aria-hidden="true" />
      {label}
      {band ? ` · ${t(`band.${band}` as MessageKey)}` : ''}
    </span>
  );
}

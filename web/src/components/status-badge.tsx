// The red/amber/green rating of a figure as text plus colour (never colour alone). With a target
// the text says on/near/off target; without one it names the benchmark band only ("Average"),
// because "on track" would claim a target nobody set. Limits: the status comes from the API.

import type { KpiRow } from '../api/types.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';

export interface StatusBadgeProps {
  readonly row: KpiRow | null;
  /** A symbol with the words on hover, for lists of figures (per channel). */
  readonly compact?: boolean;
  /** Says what was rated, e.g. "all channels". */
  readonly suffix?: string;
}

export function StatusBadge({ row, compact = false, suffix }: StatusBadgeProps) {
  const { t, lang } = useI18n();
  const status = row?.rating.status ?? null;
  const band = row?.rating.band ?? null;
  const hasTarget = row?.rating.target !== null && row?.rating.target !== undefined;
  const bandText = band ? t(`band.${band}` as MessageKey) : '';
  let label: string;
  if (!status) label = t('status.none');
  else if (hasTarget) label = t(`status.${status}` as MessageKey) + (band ? ` · ${bandText}` : '');
  else label = bandText.charAt(0).toLocaleUpperCase(lang) + bandText.slice(1);
  if (suffix && status) label += ` · ${suffix}`;
  if (compact)
    // A shape as well as a colour (✓ ! ✗), the words for screen readers and on hover.
    return (
      <span
        className={`badge badge-compact badge-${status ?? 'none'}`}
        data-status={status ?? 'none'}
        title={label}
      >
        <span aria-hidden="true">{status ? SHAPE[status] : '–'}</span>
        <span className="visually-hidden">{label}</span>
      </span>
    );
  return (
    <span className={`badge badge-${status ?? 'none'}`} data-status={status ?? 'none'}>
      <span className="badge-dot" aria-hidden="true" />
      {label}
    </span>
  );
}

const SHAPE = { green: '✓', amber: '!', red: '✗' } as const;

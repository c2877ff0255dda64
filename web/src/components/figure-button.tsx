// A figure on screen as a button: its formatted value opens the rows behind it (drill-down).
// The unrounded value sits in data-value so tests and exports can compare exactly.
// Limits: a null figure (denominator 0) shows "—" and has nothing to drill into.

import type { KpiId, KpiRow } from '../api/types.ts';
import { formatKpi } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { kpiName, useView } from '../state/view-context.ts';
import type { Group } from '../state/url-state.ts';

export interface FigureButtonProps {
  readonly kpi: KpiId;
  readonly row: KpiRow | null;
  readonly group?: Group;
  readonly grain?: string | null;
  readonly className?: string;
  readonly testId?: string;
}

export function FigureButton({
  kpi,
  row,
  group = {},
  grain = null,
  className,
  testId,
}: FigureButtonProps) {
  const view = useView();
  const { t } = useI18n();
  const value = row?.value ?? null;
  const text = row ? formatKpi(view.fmt, kpi, row.unit, value) : '—';
  const common = {
    className: `figure ${className ?? ''}`.trim(),
    'data-testid': testId,
    'data-value': value === null ? '' : String(value),
    'data-n': row ? String(row.n) : '',
  };
  if (!row || row.n === 0) return <span {...common}>{text}</span>;
  return (
    <button
      type="button"
      {...common}
      aria-label={t('tile.openRows', { kpi: kpiName(view, kpi), value: text })}
      onClick={() => view.openPanel({ kind: 'drill', kpi, group, grain })}
    >
      {text}
    </button>
  );
}

export interface DefinitionButtonProps {
  readonly kpi: KpiId;
  readonly group?: Group;
  readonly grain?: string | null;
  /** A short visible name after the "i", where two definitions sit side by side (FCR, CSAT). */
  readonly short?: string;
}

/** The small "i" next to every figure: opens its definition, n, period and benchmark. */
export function DefinitionButton({ kpi, group = {}, grain = null, short }: DefinitionButtonProps) {
  const view = useView();
  const { t } = useI18n();
  const label = t('tile.definition', { kpi: kpiName(view, kpi) });
  return (
    <button
      type="button"
      className={`info-button${short ? ' info-named' : ''}`}
      // A visible short name is the start of the accessible name (WCAG 2.5.3, label in name).
      aria-label={short ? undefined : label}
      title={label}
      data-testid="definition-button"
      onClick={() => view.openPanel({ kind: 'def', kpi, group, grain })}
    >
      <span aria-hidden="true">i</span>
      {short ? (
        <>
          <span className="info-name">{short}</span>
          <span className="visually-hidden">: {label}</span>
        </>
      ) : null}
    </button>
  );
}

// A figure's definition: what it measures, formula, variant and settings, the figure's n,
// numerator, denominator and exclusions, the period and filters, benchmark with source, target.
// Limits: formulas come from the API in English; the benchmark in the reader's language.

import type { KpiRow } from '../api/types.ts';
import { formatCount, formatKpi, formatNumber } from '../format/format.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';
import { channelLabel } from '../format/labels.ts';
import { benchmarkText, kpiName, useView } from '../state/view-context.ts';
import type { PanelState } from '../state/url-state.ts';
import { GroupLine } from './group-line.tsx';
import { SidePanel } from './side-panel.tsx';
import { StatusBadge } from './status-badge.tsx';
import { useFigure } from './use-figure.ts';

const pairs = (o: Readonly<Record<string, unknown>> | null | undefined): string =>
  o && Object.keys(o).length
    ? Object.entries(o)
        .map(
          ([k, v]) =>
            `${k}: ${typeof v === 'number' ? formatNumber('en', v, Number.isInteger(v) ? 0 : 2) : String(v)}`,
        )
        .join(' · ')
    : '';

export function DefinitionPanel({ panel, onClose }: { panel: PanelState; onClose: () => void }) {
  const view = useView();
  const { t, lang } = useI18n();
  const def = view.defs.get(panel.kpi);
  const figure = useFigure(view, panel);
  const none = t('def.none');
  return (
    <SidePanel
      title={t('def.title', { kpi: kpiName(view, panel.kpi) })}
      onClose={onClose}
      testId="definition-panel"
    >
      <p>{def?.description[lang]}</p>
      <GroupLine group={panel.group} />
      {figure.error ? <p role="alert">{t('common.error', { message: figure.error })}</p> : null}
      {figure.loading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {figure.rows.map((row) => (
        <FigureFacts key={row.scale ?? ''} row={row} />
      ))}
      <h3>{t('def.benchmark')}</h3>
      <dl className="facts">
        <dt>{t('def.benchmark')}</dt>
        <dd>
          {def?.benchmark
            ? `${benchmarkText(view, panel.kpi) ?? ''}${def.benchmark.channel ? ` (${t('tile.channelOnly', { channel: channelLabel(t, def.benchmark.channel) })})` : ''}`
            : none}
        </dd>
        <dt>{t('def.source')}</dt>
        <dd data-testid="def-source">{def?.benchmark?.source ?? none}</dd>
      </dl>
      {figure.rows.length && figure.rows.every((r) => r.n > 0) ? (
        <p className="panel-actions">
          <button
            type="button"
            className="link-button"
            onClick={() => view.openPanel({ ...panel, kind: 'drill' })}
          >
            {t('def.openRows')}
          </button>
        </p>
      ) : null}
    </SidePanel>
  );
}

function FigureFacts({ row }: { row: KpiRow }) {
  const view = useView();
  const { t, lang } = useI18n();
  const f = (v: number | null) => formatKpi(view.fmt, row.kpi, row.unit, v);
  const none = t('def.none');
  const num = (v: number | null) =>
    v === null ? '—' : formatNumber(lang, v, Number.isInteger(v) ? 0 : 2);
  const facts: [MessageKey, string, string?][] = [
    ['def.formula', row.formula, 'def-formula'],
    ['def.variant', row.variant, 'def-variant'],
    ['def.settings', pairs(row.settings) || none],
    [
      'def.value',
      f(row.value) + (row.scale ? ` (${t('tile.scale', { scale: row.scale })})` : ''),
      'def-value',
    ],
    ['def.n', formatCount(lang, row.n), 'def-n'],
    // A duration's numerator is a sum of seconds: shown in the value's unit (resolution in h).
    ['def.numerator', row.unit === 'seconds' ? f(row.numerator) : num(row.numerator)],
    ['def.denominator', num(row.denominator)],
    ['def.excluded', pairs(row.excluded) || none],
    ['def.counts', pairs(row.counts) || none],
    ['def.target', row.rating.target === null ? none : f(row.rating.target)],
    ['def.bandSource', row.rating.bandSource ?? none, 'def-band-source'],
    ['def.warnings', row.warnings.join(' · ') || none],
  ];
  return (
    <>
      <h3>{t('def.figure')}</h3>
      <dl className="facts">
        {facts.map(([k, v, id]) => (
          <div key={k} className="fact">
            <dt>{t(k)}</dt>
            <dd data-testid={id}>{v}</dd>
          </div>
        ))}
        <div className="fact">
          <dt>{t('def.rating')}</dt>
          <dd>
            <StatusBadge row={row} />
          </dd>
        </div>
      </dl>
    </>
  );
}

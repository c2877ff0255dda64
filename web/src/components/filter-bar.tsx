// Period presets, custom dates and one select per dimension. Every change goes to the URL.
// Limits: presets count back from the data's last day when the data is older than today
// (said on screen); one value per dimension.

import { DIMENSION_NAMES, type FilterDimension } from '../api/types.ts';
import { formatDay } from '../format/dates.ts';
import { keyLabel } from '../format/labels.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';
import { PRESETS, type Preset } from '../state/period-presets.ts';
import { useView } from '../state/view-context.ts';

export function FilterBar({ anchorNote }: { readonly anchorNote: string | null }) {
  const view = useView();
  const { t, lang } = useI18n();
  const { state, update } = view;
  const setFilter = (d: FilterDimension, v: string) => {
    const filters = { ...state.filters };
    if (v) filters[d] = v;
    else delete filters[d];
    update({ filters, panel: null });
  };
  const setPreset = (p: Preset) =>
    update(
      p === 'custom'
        ? { preset: p, from: view.range.from, to: view.range.to, panel: null }
        : { preset: p, panel: null },
    );
  return (
    <section className="filter-bar" aria-label={t('filters.label')}>
      <div className="filter-row">
        <label className="field">
          <span>{t('filters.period')}</span>
          <select
            value={state.preset}
            data-testid="period-select"
            onChange={(e) => setPreset(e.target.value as Preset)}
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`preset.${p}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {state.preset === 'custom' ? (
          <>
            <label className="field">
              <span>{t('filters.from')}</span>
              <input
                type="date"
                value={view.range.from}
                max={view.range.to}
                onChange={(e) => e.target.value && update({ from: e.target.value, panel: null })}
              />
            </label>
            <label className="field">
              <span>{t('filters.to')}</span>
              <input
                type="date"
                value={view.range.to}
                min={view.range.from}
                onChange={(e) => e.target.value && update({ to: e.target.value, panel: null })}
              />
            </label>
          </>
        ) : null}
        {DIMENSION_NAMES.map((d) => (
          <label className="field" key={d}>
            <span>{t(`dim.${d}` as MessageKey)}</span>
            <select
              value={state.filters[d] ?? ''}
              data-testid={`filter-${d}`}
              onChange={(e) => setFilter(d, e.target.value)}
            >
              <option value="">{t('filters.all')}</option>
              {view.dims[d].map((v) => (
                <option key={v} value={v}>
                  {keyLabel(t, d, v)}
                </option>
              ))}
            </select>
          </label>
        ))}
        {Object.keys(state.filters).length ? (
          <button
            type="button"
            className="link-button clear"
            onClick={() => update({ filters: {}, panel: null })}
          >
            {t('filters.clear')}
          </button>
        ) : null}
      </div>
      {anchorNote ? (
        <p className="anchor-note small" data-testid="anchor-note">
          {t('filters.anchorNote', { date: formatDay(lang, anchorNote) })}
        </p>
      ) : null}
    </section>
  );
}

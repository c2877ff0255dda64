// The dashboard shell: loads definitions and dimensions, resolves the period from the URL,
// and lays out header, filters, page tabs, the current page and the open panel.
// Limits: one page at a time; data for a page loads when the page is shown.

import { useCallback, useEffect, useMemo, useRef } from 'react';
import { apiUrl } from './api/client.ts';
import { TOTAL_KPIS } from './api/kpi-meta.ts';
import type { DefinitionsResponse, DimensionsResponse, KpiResponse } from './api/types.ts';
import { useApi } from './api/use-api.ts';
import { DefinitionPanel } from './components/definition-panel.tsx';
import { DrillPanel } from './components/drill-panel.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { FilterBar } from './components/filter-bar.tsx';
import { Header } from './components/header.tsx';
import { PageTabs, PANEL_ID, tabId } from './components/page-tabs.tsx';
import { todayIn } from './format/dates.ts';
import { displaysOf } from './format/format.ts';
import { I18nContext, translator } from './i18n/i18n.ts';
import { CurrentPage } from './pages/current-page.tsx';
import { anchorDay, presetRange, type DayRange } from './state/period-presets.ts';
import { useUrlState } from './state/use-url-state.ts';
import type { PanelState, ViewState } from './state/url-state.ts';
import { ViewContext, type View } from './state/view-context.ts';

function resolveRange(s: ViewState, anchor: string): DayRange {
  const r = presetRange(s.preset, anchor);
  if (r) return r;
  const fallback = presetRange('last-7-days', anchor) as DayRange;
  const from = s.from ?? fallback.from;
  const to = s.to ?? fallback.to;
  return from <= to ? { from, to } : { from: to, to: from };
}

export function App() {
  const [state, update] = useUrlState();
  const i18n = useMemo(() => ({ lang: state.lang, t: translator(state.lang) }), [state.lang]);
  const defs = useApi<DefinitionsResponse>(apiUrl('definitions'));
  const dims = useApi<DimensionsResponse>(apiUrl('dimensions'));
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    document.documentElement.lang = state.lang;
    document.title = `cxkpi — ${i18n.t('app.title')}`;
  }, [state.lang, i18n]);

  const timezone = dims.data?.period.timezone ?? defs.data?.settings.timezone ?? 'UTC';
  const today = todayIn(timezone);
  const dataFirst = dims.data?.period.from ?? null;
  const dataLast = dims.data?.period.to ?? null;
  const anchor = anchorDay(today, dataFirst, dataLast);
  const range = useMemo(() => resolveRange(state, anchor), [state, anchor]);

  const openPanel = useCallback(
    (p: PanelState) => {
      if (!state.panel && document.activeElement instanceof HTMLElement)
        opener.current = document.activeElement;
      update({ panel: p });
    },
    [state.panel, update],
  );
  const closePanel = useCallback(() => {
    update({ panel: null });
    const back = opener.current;
    opener.current = null;
    // Let React remove the dialog first, then return focus to the opener (or the page).
    requestAnimationFrame(() =>
      (back?.isConnected ? back : document.getElementById('main'))?.focus(),
    );
  }, [update]);

  const view = useMemo<View | null>(() => {
    if (!defs.data || !dims.data) return null;
    const base = { from: range.from, to: range.to, filters: state.filters };
    return {
      state,
      update,
      range,
      timezone,
      base,
      defs: new Map(defs.data.kpis.map((k) => [k.id, k])),
      dims: dims.data,
      settings: defs.data.settings,
      fmt: {
        lang: state.lang,
        currency: defs.data.settings.currency ?? 'EUR',
        displays: displaysOf(defs.data.kpis),
      },
      minSample: Number(defs.data.settings.min_sample ?? 30),
      openPanel,
    };
  }, [defs.data, dims.data, state, update, range, timezone, openPanel]);

  const totals = useApi<KpiResponse>(
    view ? apiUrl('kpis', { ...view.base, kpis: TOTAL_KPIS, compare: true }) : null,
  );
  const prev = totals.data?.previous?.period;

  if (!view) {
    const error = defs.error ?? dims.error;
    return (
      <I18nContext.Provider value={i18n}>
        <main id="main" className="boot">
          <h1>{i18n.t('app.title')}</h1>
          <p role={error ? 'alert' : undefined}>
            {error ? i18n.t('common.error', { message: error }) : i18n.t('common.loading')}
          </p>
        </main>
      </I18nContext.Provider>
    );
  }
  return (
    <I18nContext.Provider value={i18n}>
      <ViewContext.Provider value={view}>
        <div className="app" inert={state.panel !== null}>
          <a className="skip-link" href="#main">
            {i18n.t('app.skip')}
          </a>
          <Header previous={prev?.from && prev.to ? { from: prev.from, to: prev.to } : null} />
          <FilterBar anchorNote={anchor !== today ? anchor : null} />
          <PageTabs />
          <main id="main" tabIndex={-1}>
            <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(state.page)}>
              <ErrorBoundary
                resetKey={window.location.search}
                fallback={(m) => <p role="alert">{i18n.t('common.error', { message: m })}</p>}
              >
                <CurrentPage page={state.page} totals={totals} />
              </ErrorBoundary>
            </div>
          </main>
        </div>
        {state.panel?.kind === 'drill' ? (
          <DrillPanel panel={state.panel} onClose={closePanel} />
        ) : null}
        {state.panel?.kind === 'def' ? (
          <DefinitionPanel panel={state.panel} onClose={closePanel} />
        ) : null}
      </ViewContext.Provider>
    </I18nContext.Provider>
  );
}

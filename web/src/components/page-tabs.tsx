// The page tabs (WAI-ARIA tabs pattern): arrow keys, Home and End move between tabs, the
// selected tab is the one Tab stops on. Limits: activation follows focus (pages load fast).

import { useRef, type KeyboardEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';
import { PAGES, type PageId } from '../state/url-state.ts';
import { useView } from '../state/view-context.ts';

export const tabId = (p: PageId): string => `tab-${p}`;
export const PANEL_ID = 'page-panel';

export function PageTabs() {
  const view = useView();
  const { t } = useI18n();
  const refs = useRef<Partial<Record<PageId, HTMLButtonElement | null>>>({});
  const go = (p: PageId) => {
    view.update({ page: p, panel: null });
    refs.current[p]?.focus();
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    const n = PAGES.length;
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    const page = PAGES[to];
    if (to < 0 || !page) return;
    e.preventDefault();
    go(page);
  };
  return (
    <nav className="tabs-nav" aria-label={t('nav.label')}>
      <div role="tablist" aria-label={t('nav.label')} className="tabs">
        {PAGES.map((p, i) => {
          const selected = view.state.page === p;
          return (
            <button
              key={p}
              ref={(el) => {
                refs.current[p] = el;
              }}
              id={tabId(p)}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={PANEL_ID}
              tabIndex={selected ? 0 : -1}
              data-testid={`tab-${p}`}
              className="tab"
              onClick={() => go(p)}
              onKeyDown={(e) => onKey(e, i)}
            >
              {t(`nav.${p}` as MessageKey)}
            </button>
          );
        })}
      </div>
    </nav>
  );
}

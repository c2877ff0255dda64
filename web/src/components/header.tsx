// The page header: product title, the period with its time zone (every figure's period), the
// comparison period, when the data on screen was loaded (with a refresh) and the language.
// Limits: the period is the resolved one; the time is shown in the workspace's time zone.

import type { Lang } from '../api/types.ts';
import { useDataRefresh } from '../api/use-data-refresh.ts';
import { formatDay } from '../format/dates.ts';
import { localeOf } from '../format/format.ts';
import { LANG_LABELS, LANG_OPTIONS, useI18n } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';

export function Header({ previous }: { readonly previous: { from: string; to: string } | null }) {
  const view = useView();
  const { t, lang } = useI18n();
  const { loadedAt, refresh } = useDataRefresh();
  const time = new Intl.DateTimeFormat(localeOf(lang), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: view.timezone,
  }).format(loadedAt);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          cx
        </span>
        <h1>{t('app.title')}</h1>
      </div>
      <p className="header-period" data-testid="header-period">
        <span className="muted">{t('header.period')}: </span>
        <strong>
          {formatDay(lang, view.range.from)} – {formatDay(lang, view.range.to)}
        </strong>{' '}
        <span className="muted">
          ({t('header.timezone')} {view.timezone})
        </span>
        {previous ? (
          <span className="muted small block">
            {t('header.compare', {
              from: formatDay(lang, previous.from),
              to: formatDay(lang, previous.to),
            })}
          </span>
        ) : null}
      </p>
      <p className="header-asof small">
        <span data-testid="data-as-of" data-loaded-at={loadedAt}>
          {t('header.asOf', { time })}
        </span>{' '}
        <button
          type="button"
          className="refresh-button"
          data-testid="refresh-data"
          title={t('header.refreshHint')}
          onClick={refresh}
        >
          {t('header.refresh')}
        </button>
      </p>
      <label className="lang-switch">
        <span>{t('header.language')}</span>
        <select
          value={lang}
          data-testid="lang-select"
          onChange={(e) => view.update({ lang: e.target.value as Lang })}
        >
          {LANG_OPTIONS.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANG_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}

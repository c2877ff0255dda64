// Next to NPS on the overview, what promoters and detractors said in the period (KPIS.md: NPS is
// never shown alone): the two newest comments of each group and a link to all of them.
// Limits: NPS comments only; passives are on the loyalty page.

import type { MouseEvent } from 'react';
import { apiUrl } from '../api/client.ts';
import type { CommentsResponse } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { formatCount } from '../format/format.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';
import { serializeState } from '../state/url-state.ts';
import { useView } from '../state/view-context.ts';

const SHOWN = 2;
const GROUPS = ['promoters', 'detractors'] as const;

export function NpsVoices() {
  const view = useView();
  const { t, lang } = useI18n();
  const { from, to, filters } = view.base;
  const res = useApi<CommentsResponse>(
    apiUrl('surveys/comments', { from, to, filters, extra: [['limit', String(SHOWN)]] }),
  );
  const loyalty = { ...view.state, page: 'loyalty' as const, panel: null };
  const go = (e: MouseEvent) => {
    e.preventDefault();
    view.update({ page: 'loyalty', panel: null });
    window.scrollTo(0, 0);
  };
  return (
    <div className="nps-voices" data-testid="nps-voices">
      {GROUPS.map((g) => {
        const group = res.data?.[g];
        return (
          <section key={g} className={`voices ${g}`} aria-labelledby={`voices-${g}`}>
            <h4 id={`voices-${g}`} className="small">
              {t(`loyalty.${g}` as MessageKey)}{' '}
              <span className="muted">
                {t('overview.comments', { n: formatCount(lang, group?.total ?? 0) })}
              </span>
            </h4>
            {res.error ? (
              <p className="error small">{t('common.error', { message: res.error })}</p>
            ) : !group ? (
              <p className="muted small">{t('common.loading')}</p>
            ) : group.comments.length ? (
              <ul>
                {group.comments.map((c) => (
                  <li key={String(c['response_id'])} data-testid="nps-voice">
                    <q>{String(c['comment'] ?? '')}</q>{' '}
                    <span className="muted">({String(c['score'])})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted small">{t('loyalty.noComments')}</p>
            )}
          </section>
        );
      })}
      <a className="small" href={serializeState(loyalty)} onClick={go} data-testid="nps-voices-all">
        {t('overview.allComments')}
      </a>
    </div>
  );
}

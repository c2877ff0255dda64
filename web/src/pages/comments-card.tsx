// The verbatim comments of the period, promoters, passives and detractors apart (NPS is never
// shown alone). Limits: the newest 20 per group; the CSV link carries them all up to 1,000.

import { apiUrl } from '../api/client.ts';
import { NPS_GROUPS, type CommentsResponse, type NpsGroup } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { Card } from '../components/card.tsx';
import { formatCount, localeOf } from '../format/format.ts';
import { channelLabel } from '../format/labels.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';

const SHOWN = 20;

export function CommentsCard() {
  const view = useView();
  const { t, lang } = useI18n();
  const q = { from: view.base.from, to: view.base.to, filters: view.base.filters };
  const res = useApi<CommentsResponse>(
    apiUrl('surveys/comments', { ...q, extra: [['limit', String(SHOWN)]] }),
  );
  const dateFmt = new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: view.timezone,
  });
  return (
    <Card
      title={t('loyalty.comments')}
      wide
      csv={apiUrl('surveys/comments', { ...q, extra: [['limit', '1000']] }, true)}
      loading={res.loading}
      error={res.error}
      testId="comments-card"
    >
      <div className="comments">
        {NPS_GROUPS.map((g: NpsGroup) => {
          const group = res.data?.[g];
          return (
            <section
              key={g}
              className={g}
              aria-labelledby={`comments-${g}`}
              data-testid={`comments-${g}`}
            >
              <h3 id={`comments-${g}`}>
                {t(`loyalty.${g}` as MessageKey)}{' '}
                <span className="muted small">
                  {t('loyalty.commentsCount', {
                    shown: formatCount(lang, group?.comments.length ?? 0),
                    total: formatCount(lang, group?.total ?? 0),
                  })}
                </span>
              </h3>
              {group?.comments.length ? (
                // Scrollable, so it takes focus: keyboard users can scroll it (axe: scrollable-region-focusable).
                <ul tabIndex={0} aria-labelledby={`comments-${g}`}>
                  {group.comments.map((c) => (
                    <li key={String(c['response_id'])}>
                      <blockquote>{String(c['comment'] ?? '')}</blockquote>
                      <span className="small muted">
                        {t('loyalty.score', { score: String(c['score']) })}
                        {c['channel'] ? ` · ${channelLabel(t, String(c['channel']))}` : ''}
                        {c['responded_at']
                          ? ` · ${dateFmt.format(new Date(String(c['responded_at'])))}`
                          : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted small">{t('loyalty.noComments')}</p>
              )}
            </section>
          );
        })}
      </div>
    </Card>
  );
}

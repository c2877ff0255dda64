// A titled section of a page (a chart or a table) with an optional CSV link, a note and the
// loading / error / empty states. Limits: one heading level (h2) for every card.

import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.ts';
import { ErrorBoundary } from './error-boundary.tsx';

export interface CardProps {
  readonly title: string;
  readonly children?: ReactNode;
  readonly csv?: string;
  readonly note?: ReactNode;
  readonly tools?: ReactNode;
  readonly loading?: boolean;
  readonly error?: string | null;
  readonly empty?: boolean;
  readonly wide?: boolean;
  readonly testId?: string;
}

export function Card(props: CardProps) {
  const { t } = useI18n();
  const { title, children, csv, note, tools, loading, error, empty, wide, testId } = props;
  return (
    <section className={`card${wide ? ' card-wide' : ''}`} data-testid={testId}>
      <div className="card-head">
        <h2>{title}</h2>
        <div className="card-tools">
          {tools}
          {csv ? (
            <a
              className="csv-link"
              href={csv}
              download
              aria-label={t('common.csvOf', { what: title })}
            >
              {t('common.csv')}
            </a>
          ) : null}
        </div>
      </div>
      {error ? (
        <p role="alert" className="error">
          {t('common.error', { message: error })}
        </p>
      ) : loading ? (
        <p className="muted" aria-live="polite">
          {t('common.loading')}
        </p>
      ) : empty ? (
        <p className="muted">{t('common.noData')}</p>
      ) : (
        <ErrorBoundary
          fallback={(m) => (
            <p role="alert" className="error">
              {t('common.error', { message: m })}
            </p>
          )}
        >
          {children}
        </ErrorBoundary>
      )}
      {note ? <p className="card-note small muted">{note}</p> : null}
    </section>
  );
}

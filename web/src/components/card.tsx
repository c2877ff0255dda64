// A titled section of a page (a chart or a table) with the definition of the KPI it draws, a CSV
// link, a note, the figures as buttons (the keyboard's way into a chart) and the loading / error /
// empty states. Limits: one heading level (h2) for every card.

import type { ReactNode } from 'react';
import type { KpiId } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Group } from '../state/url-state.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { DefinitionButton } from './figure-button.tsx';

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
  /** The KPI the card draws: its definition opens from the card's head. */
  readonly kpi?: KpiId;
  readonly kpiGroup?: Group;
  /** The chart's figures as buttons, folded under the chart. */
  readonly figures?: ReactNode;
}

export function Card(props: CardProps) {
  const { t } = useI18n();
  const { title, children, csv, note, tools, loading, error, empty, wide, testId, kpi } = props;
  return (
    <section className={`card${wide ? ' card-wide' : ''}`} data-testid={testId}>
      <div className="card-head">
        <h2>{title}</h2>
        <div className="card-tools">
          {tools}
          {kpi ? <DefinitionButton kpi={kpi} group={props.kpiGroup} /> : null}
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
      {props.figures && !loading && !error && !empty ? (
        <details className="card-figures" data-testid="card-figures">
          <summary className="small">{t('common.figures')}</summary>
          {props.figures}
        </details>
      ) : null}
    </section>
  );
}

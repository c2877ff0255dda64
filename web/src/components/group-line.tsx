// The group and period a figure belongs to, in words: "Channel: Voice · Day: 3 Mar 2026".
// Limits: shows the filters too, since they narrow every figure on screen.

import { formatBucket, formatDay } from '../format/dates.ts';
import { keyLabel } from '../format/labels.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';
import { useView } from '../state/view-context.ts';
import type { Group } from '../state/url-state.ts';

export function GroupLine({ group }: { readonly group: Group }) {
  const view = useView();
  const { t, lang } = useI18n();
  const parts = Object.entries(group).map(([k, v]) =>
    k === 'period'
      ? `${t('dim.period')}: ${formatBucket(lang, v)}`
      : `${t(`dim.${k}` as MessageKey)}: ${keyLabel(t, k, v)}`,
  );
  const filters = Object.entries(view.state.filters).map(
    ([k, v]) => `${t(`dim.${k}` as MessageKey)}: ${keyLabel(t, k, v)}`,
  );
  return (
    <dl className="facts">
      <dt>{t('def.period')}</dt>
      <dd data-testid="panel-period">
        {formatDay(lang, view.range.from)} – {formatDay(lang, view.range.to)} ({view.timezone})
      </dd>
      {parts.length ? (
        <>
          <dt>{t('drill.group')}</dt>
          <dd>{parts.join(' · ')}</dd>
        </>
      ) : null}
      <dt>{t('def.filters')}</dt>
      <dd>{filters.length ? filters.join(' · ') : t('def.none')}</dd>
    </dl>
  );
}

// Service level or ASA by weekday × time of day (by=weekday,slot, 15- or 30-minute slots), as a
// heatmap whose cells open the rows behind them, coloured against the target (or benchmark).
// One channel at a time (voice unless the filters choose another): thresholds and waits differ
// too much between channels to share one scale. Limits: slots without contacts stay blank.

import { useMemo } from 'react';
import { chartChannel } from '../api/channel-split.ts';
import { apiUrl } from '../api/client.ts';
import type { KpiResponse, KpiRow } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { targetColor, targetGradient } from '../charts/color-scale.ts';
import { Card } from '../components/card.tsx';
import { formatCount, formatKpi, formatNumber, formatPercentAxis } from '../format/format.ts';
import { channelLabel, weekdayLabel } from '../format/labels.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.ts';
import { HEAT_KPIS, type HeatKpi } from '../state/url-state.ts';
import { kpiName, useView } from '../state/view-context.ts';
import { HeatmapGrid, type HeatCell } from './heatmap-grid.tsx';
import { heatScale } from './heat-scale.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function HeatmapCard() {
  const view = useView();
  const { t, lang } = useI18n();
  const { slot, heat } = view.state;
  const { channel, implicit } = chartChannel(view);
  const filters = channel ? { ...view.base.filters, channel } : view.base.filters;
  const q = { ...view.base, filters, kpis: [heat], by: ['weekday', 'slot'], slot };
  const res = useApi<KpiResponse>(apiUrl('kpis', q));
  const rows = useMemo(
    () => (res.data?.rows ?? []).filter((r) => r.kpi === heat && r.value !== null),
    [res.data, heat],
  );
  const slots = useMemo(() => [...new Set(rows.map((r) => String(r.keys['slot'])))].sort(), [rows]);
  const cells = useMemo(() => {
    const m = new Map<string, HeatCell>();
    for (const r of rows) {
      const day = weekdayLabel(t, String(r.keys['weekday']));
      const value = formatKpi(view.fmt, heat, r.unit, r.value);
      const label = `${day} ${String(r.keys['slot'])}: ${value}, ${t('tile.n', { n: formatCount(lang, r.n) })}`;
      m.set(`${Number(r.keys['weekday'])}|${String(r.keys['slot'])}`, { row: r, label });
    }
    return m;
  }, [rows, heat, view.fmt, t, lang]);
  const scale = heatScale(view, heat, channel);
  const days = WEEKDAYS.filter((d) => rows.some((r) => Number(r.keys['weekday']) === d)).map(
    (d) => ({ key: d, label: weekdayLabel(t, d) }),
  );
  const open = (r: KpiRow) =>
    view.openPanel({
      kind: 'drill',
      kpi: heat,
      // The implicit channel is not in the filters, so it travels in the figure's group.
      group: {
        ...(implicit && channel ? { channel } : {}),
        weekday: String(r.keys['weekday']),
        slot: String(r.keys['slot']),
      },
      grain: null,
    });
  const tools = (
    <>
      <label className="field">
        <span>{t('reach.figure')}</span>
        <select
          value={heat}
          data-testid="heat-select"
          onChange={(e) => view.update({ heat: e.target.value as HeatKpi })}
        >
          {HEAT_KPIS.map((k) => (
            <option key={k} value={k}>
              {kpiName(view, k)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('reach.interval')}</span>
        <select
          value={slot}
          data-testid="slot-select"
          onChange={(e) => view.update({ slot: e.target.value === '15' ? 15 : 30 })}
        >
          <option value="15">{t('reach.minutes', { n: 15 })}</option>
          <option value="30">{t('reach.minutes', { n: 30 })}</option>
        </select>
      </label>
    </>
  );
  const fmt = (v: number) =>
    heat === 'service_level' ? formatPercentAxis(lang, v) : `${formatNumber(lang, v, 0)} s`;
  const title = channel
    ? t('reach.heatmapOf', { channel: channelLabel(t, channel), kpi: kpiName(view, heat) })
    : t('reach.heatmap');
  return (
    <Card
      title={title}
      wide
      tools={tools}
      kpi={heat}
      csv={apiUrl('kpis', q, true)}
      loading={res.loading}
      error={res.error}
      empty={!!res.data && cells.size === 0}
      note={implicit ? t('reach.oneChannel') : undefined}
      testId="heatmap-card"
    >
      <HeatmapGrid
        caption={title}
        days={days}
        slots={slots}
        cells={cells}
        color={(v) => targetColor(v, scale)}
        onOpen={open}
      />
      <div className="scale-legend small muted" data-testid="heat-legend">
        <span>{fmt(scale.lo)}</span>
        <span
          className="scale-bar"
          aria-hidden="true"
          style={{ background: targetGradient(scale) }}
        />
        <span>{heat === 'service_level' ? fmt(scale.hi) : `≥ ${fmt(scale.hi)}`}</span>
        <span>
          {t(`reach.scale.${scale.reference}` as MessageKey, {
            value: fmt(scale.mid),
          })}
        </span>
      </div>
    </Card>
  );
}

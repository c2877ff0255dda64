// Service level or ASA by weekday × time of day (by=weekday,slot, 15- or 30-minute slots), as a
// heatmap whose cells open the rows behind them. Limits: slots without contacts stay blank.

import { useMemo } from 'react';
import { apiUrl } from '../api/client.ts';
import type { KpiResponse, KpiRow } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { scaleGradient } from '../charts/color-scale.ts';
import { Card } from '../components/card.tsx';
import { formatCount, formatKpi, formatNumber, formatPercentAxis } from '../format/format.ts';
import { weekdayLabel } from '../format/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { HEAT_KPIS, type HeatKpi } from '../state/url-state.ts';
import { kpiName, useView } from '../state/view-context.ts';
import { HeatmapGrid, type HeatCell } from './heatmap-grid.tsx';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function HeatmapCard() {
  const view = useView();
  const { t, lang } = useI18n();
  const { slot, heat } = view.state;
  const q = { ...view.base, kpis: [heat], by: ['weekday', 'slot'], slot };
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
  const isSl = heat === 'service_level';
  const lo = 0;
  const hi = isSl ? 100 : Math.max(60, ...rows.map((r) => r.value as number));
  const days = WEEKDAYS.filter((d) => rows.some((r) => Number(r.keys['weekday']) === d)).map(
    (d) => ({ key: d, label: weekdayLabel(t, d) }),
  );
  const open = (r: KpiRow) =>
    view.openPanel({
      kind: 'drill',
      kpi: heat,
      group: { weekday: String(r.keys['weekday']), slot: String(r.keys['slot']) },
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
  const fmtEnd = (v: number) =>
    isSl ? formatPercentAxis(lang, v) : `${formatNumber(lang, v, 0)} s`;
  return (
    <Card
      title={t('reach.heatmap')}
      wide
      tools={tools}
      csv={apiUrl('kpis', q, true)}
      loading={res.loading}
      error={res.error}
      empty={!!res.data && cells.size === 0}
      testId="heatmap-card"
    >
      <HeatmapGrid
        caption={t('reach.heatmap')}
        days={days}
        slots={slots}
        cells={cells}
        lo={lo}
        hi={hi}
        reverse={!isSl}
        onOpen={open}
      />
      <div className="scale-legend small muted" aria-hidden="true">
        <span>{fmtEnd(lo)}</span>
        <span className="scale-bar" style={{ background: scaleGradient(!isSl) }} />
        <span>{fmtEnd(hi)}</span>
      </div>
    </Card>
  );
}

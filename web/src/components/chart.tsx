// An ECharts chart in a sized box: created once, updated on option change, resized with its box,
// disposed on unmount. Limits: the chart is decorative for screen readers; `label` describes it
// and every chart sits next to a table or figures carrying the same numbers.

import { useEffect, useRef } from 'react';
import { createChart, type ChartOption, type EChartsType } from '../charts/echarts.ts';

export interface ChartProps {
  readonly option: ChartOption;
  readonly label: string;
  readonly height?: number;
  readonly testId?: string;
  /** Called with the clicked item's data index and series index (e.g. to drill into a cell). */
  readonly onItemClick?: (dataIndex: number, seriesIndex: number) => void;
}

export function Chart({ option, label, height = 280, testId, onItemClick }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = createChart(el);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !onItemClick) return;
    const handler = (p: { dataIndex?: number; seriesIndex?: number }) =>
      onItemClick(p.dataIndex ?? 0, p.seriesIndex ?? 0);
    c.on('click', handler);
    return () => {
      c.off('click', handler);
    };
  }, [onItemClick]);

  return (
    <div
      ref={box}
      className="chart"
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height }}
    />
  );
}

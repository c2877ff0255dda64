// An ECharts chart in a sized box: created once, updated on option change, resized with its box,
// disposed on unmount. Clicks open the rows behind a figure: on an item (a dot, a point) or, for
// charts over categories (days, channels), anywhere in a category's column or row.
// Limits: the chart is decorative for screen readers; `label` describes it, and every chart sits
// next to a table, a list of figure buttons or a CSV carrying the same numbers (keyboard path).
// ECharts is loaded on the first chart (its own chunk): the overview draws none, and a page that
// does not parse ECharts leaves the CPU to the data it waits for.

import { useEffect, useRef, useState } from 'react';
import type { ChartOption, EChartsType } from '../charts/echarts.ts';

export interface ChartProps {
  readonly option: ChartOption;
  readonly label: string;
  readonly height?: number;
  readonly testId?: string;
  /** Called with the clicked item's data index and series index (a dot, a point). */
  readonly onItemClick?: (dataIndex: number, seriesIndex: number) => void;
  /** Called with the index of the category clicked anywhere inside the grid. */
  readonly onCategoryClick?: (index: number) => void;
  /** The axis that holds the categories (y for horizontal bars). */
  readonly categoryAxis?: 'x' | 'y';
}

export function Chart(props: ChartProps) {
  const { option, label, height = 280, testId, onItemClick, onCategoryClick } = props;
  const axis = props.categoryAxis ?? 'x';
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let c: EChartsType | null = null;
    let ro: ResizeObserver | null = null;
    let gone = false;
    void import('../charts/echarts.ts').then(({ createChart }) => {
      if (gone) return;
      const made = createChart(el);
      c = made;
      ro = new ResizeObserver(() => made.resize());
      ro.observe(el);
      setChart(made);
    });
    return () => {
      gone = true;
      ro?.disconnect();
      c?.dispose();
      setChart(null);
    };
  }, []);

  useEffect(() => {
    chart?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [chart, option]);

  useEffect(() => {
    const c = chart;
    if (!c || !onItemClick) return;
    const handler = (p: { dataIndex?: number; seriesIndex?: number }) =>
      onItemClick(p.dataIndex ?? 0, p.seriesIndex ?? 0);
    c.on('click', handler);
    return () => {
      c.off('click', handler);
    };
  }, [chart, onItemClick]);

  useEffect(() => {
    const c = chart;
    if (!c || !onCategoryClick) return;
    const zr = c.getZr();
    const at = (e: { offsetX: number; offsetY: number }): number | null => {
      const pt = [e.offsetX, e.offsetY];
      if (!c.containPixel({ gridIndex: 0 }, pt)) return null;
      // The grid's data coordinates [x, y]; on a category axis that is the category's index.
      const v: unknown = c.convertFromPixel({ gridIndex: 0 }, pt);
      const i = Math.round(Number(Array.isArray(v) ? v[axis === 'y' ? 1 : 0] : NaN));
      return Number.isFinite(i) && i >= 0 ? i : null;
    };
    const click = (e: { offsetX: number; offsetY: number }) => {
      const i = at(e);
      if (i !== null) onCategoryClick(i);
    };
    const move = (e: { offsetX: number; offsetY: number }) =>
      zr.setCursorStyle(at(e) === null ? 'default' : 'pointer');
    zr.on('click', click);
    zr.on('mousemove', move);
    return () => {
      zr.off('click', click);
      zr.off('mousemove', move);
    };
  }, [chart, onCategoryClick, axis]);

  return (
    <div
      ref={box}
      className={`chart${onItemClick || onCategoryClick ? ' chart-clickable' : ''}`}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height }}
    />
  );
}

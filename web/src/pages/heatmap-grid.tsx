// The weekday × time-of-day heatmap as an HTML table: each cell is a button (colour = value
// against the reference, label = value and n) that opens the rows behind it. One tab stop; arrow
// keys move between cells (roving tabindex). Limits: slots without contacts are blank and not
// focusable; hour labels keep a label's width apart (measured), so they never overlap.

import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { KpiRow } from '../api/types.ts';

export interface HeatCell {
  readonly row: KpiRow;
  readonly label: string;
}

export interface HeatmapGridProps {
  readonly caption: string;
  readonly days: readonly { readonly key: number; readonly label: string }[];
  readonly slots: readonly string[];
  /** Cell per `${weekday}|${slot}`. */
  readonly cells: ReadonlyMap<string, HeatCell>;
  readonly color: (value: number) => string;
  readonly onOpen: (row: KpiRow) => void;
}

/** Room one hour label needs, in px ("08:00" at 12 px plus a gap). */
const LABEL_PX = 46;
/** The row headers' column. */
const HEAD_PX = 46;

/** The slots that get an hour label: full hours at least one label's width apart. */
function labelledSlots(slots: readonly string[], width: number): Set<string> {
  const cell = (width - HEAD_PX) / Math.max(1, slots.length);
  const gap = Math.max(1, Math.ceil(LABEL_PX / Math.max(1, cell)));
  const out = new Set<string>();
  let last = -Infinity;
  slots.forEach((s, i) => {
    if (s.endsWith(':00') && i - last >= gap) {
      out.add(s);
      last = i;
    }
  });
  return out;
}

/** The width of an element, kept current as it resizes. */
function useWidth(el: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(1000);
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const ro = new ResizeObserver(() => setWidth(node.clientWidth));
    ro.observe(node);
    setWidth(node.clientWidth);
    return () => ro.disconnect();
  }, [el]);
  return width;
}

export function HeatmapGrid({ caption, days, slots, cells, color, onOpen }: HeatmapGridProps) {
  const first = [...cells.keys()][0] ?? '';
  const [active, setActive] = useState(first);
  const current = cells.has(active) ? active : first;
  const box = useRef<HTMLTableElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const labelled = labelledSlots(slots, useWidth(scroller));

  const move = (e: KeyboardEvent, d: number, s: number) => {
    const dx = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const dy = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (!dx && !dy) return;
    e.preventDefault();
    // Walk in the arrow's direction to the next cell that has data.
    for (
      let y = d + dy, x = s + dx;
      y >= 0 && y < days.length && x >= 0 && x < slots.length;
      y += dy, x += dx
    ) {
      const key = `${days[y]?.key}|${slots[x]}`;
      if (cells.has(key)) {
        setActive(key);
        box.current?.querySelector<HTMLButtonElement>(`[data-cell="${key}"]`)?.focus();
        return;
      }
    }
  };

  return (
    <div className="table-scroll" ref={scroller}>
      <table ref={box} className="heatmap" data-testid="heatmap">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <td />
            {slots.map((s) => {
              const shown = labelled.has(s);
              return (
                <th key={s} scope="col" className={shown ? 'hour' : ''}>
                  <span className={shown ? '' : 'visually-hidden'}>{s}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {days.map((d, y) => (
            <tr key={d.key}>
              <th scope="row">{d.label}</th>
              {slots.map((s, x) => {
                const key = `${d.key}|${s}`;
                const c = cells.get(key);
                if (!c || c.row.value === null) return <td key={s} className="empty" />;
                return (
                  <td key={s}>
                    <button
                      type="button"
                      data-cell={key}
                      data-value={c.row.value}
                      data-n={c.row.n}
                      tabIndex={key === current ? 0 : -1}
                      aria-label={c.label}
                      title={c.label}
                      style={{ background: color(c.row.value) }}
                      onClick={() => onOpen(c.row)}
                      onFocus={() => setActive(key)}
                      onKeyDown={(e) => move(e, y, x)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// One output module for the CLI: a table at a terminal, JSON/NDJSON/CSV/Markdown in pipes or on
// request. Cells are already formatted text for table/markdown; raw values for json/csv.

export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface Column {
  readonly key: string;
  readonly label: string;
  readonly align?: 'left' | 'right';
}

export type Cell = string | number | boolean | null | undefined;

export function renderTable(
  columns: readonly Column[],
  rows: readonly Record<string, Cell>[],
): string {
  const text = rows.map((r) => columns.map((c) => cellText(r[c.key])));
  const widths = columns.map((c, i) =>
    Math.max(width(c.label), ...text.map((t) => width(t[i] ?? ''))),
  );
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat((widths[i] ?? 0) - width(s));
    return columns[i]?.align === 'right' ? gap + s : s + gap;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  return (
    [
      line(columns.map((c) => c.label)),
      widths.map((w) => '─'.repeat(w)).join('  '),
      ...text.map(line),
    ].join('\n') + '\n'
  );
}

export function renderMarkdown(
  columns: readonly Column[],
  rows: readonly Record<string, Cell>[],
): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  const head = `| ${columns.map((c) => esc(c.label)).join(' | ')} |`;
  const sep = `|${columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  const body = rows.map((r) => `| ${columns.map((c) => esc(cellText(r[c.key]))).join(' | ')} |`);
  return [head, sep, ...body].join('\n') + '\n';
}

/** RFC 4180 CSV: quote fields containing separators, quotes or line breaks. */
export function renderCsv(keys: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const field = (v: Cell) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return (
    [keys.map(field).join(','), ...rows.map((r) => keys.map((k) => field(r[k])).join(','))].join(
      '\r\n',
    ) + '\r\n'
  );
}

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export function renderNdjson(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}

function cellText(v: Cell): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Display width: counts code points, so "—" and "€" take one column. */
function width(s: string): number {
  return [...s].length;
}

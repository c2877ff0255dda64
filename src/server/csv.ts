// A small RFC 4180 CSV writer: CRLF line ends, fields quoted when they hold a quote, comma or
// line break. Limits: numbers unrounded (String(n)); strings that a spreadsheet would run as a
// formula (= + - @ tab CR first) get a leading apostrophe (OWASP "CSV injection").

export type CsvCell = string | number | boolean | Date | null | undefined | object;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString();
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  const safe = typeof v === 'string' && FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvLine(columns) + rows.map(csvLine).join('');
}

/** CSV of plain objects; columns are the union of their keys in first-seen order. */
export function objectsToCsv(
  rows: readonly Readonly<Record<string, unknown>>[],
  columns: readonly string[] = columnsOf(rows),
): string {
  return toCsv(
    columns,
    rows.map((r) => columns.map((c) => r[c] as CsvCell)),
  );
}

export function columnsOf(rows: readonly Readonly<Record<string, unknown>>[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** Parses CSV written by this module (and RFC 4180 in general); used by tests and clients. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    out.push(row);
  }
  return out;
}

// The printed summary: one line per measure with its value, target and PASS/FAIL (or "—" for
// a baseline without a target). Limits: plain monospace text, no colours.

export type Status = 'PASS' | 'FAIL' | '—';

export interface TableRow {
  readonly measure: string;
  readonly value: string;
  readonly target: string;
  readonly status: Status;
}

export const judged = (ok: boolean): Status => (ok ? 'PASS' : 'FAIL');

export function renderTable(rows: readonly TableRow[]): string {
  const head: TableRow = { measure: 'measure', value: 'value', target: 'target', status: '—' };
  const all = [head, ...rows];
  const w = {
    measure: Math.max(...all.map((r) => r.measure.length)),
    value: Math.max(...all.map((r) => r.value.length)),
    target: Math.max(...all.map((r) => r.target.length)),
  };
  const line = (r: TableRow, status: string) =>
    `${r.measure.padEnd(w.measure)} | ${r.value.padStart(w.value)} | ${r.target.padEnd(w.target)} | ${status}`;
  const rule = `${'-'.repeat(w.measure)}-+-${'-'.repeat(w.value)}-+-${'-'.repeat(w.target)}-+-------`;
  return [line(head, 'status'), rule, ...rows.map((r) => line(r, r.status))].join('\n');
}

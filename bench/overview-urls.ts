// The overview URLs the dashboard benchmark opens: distinct periods (1 day up to a quarter, as the
// presets give) ending at different days, and filters a manager uses (channel, queue, team), so no
// two loads ask the server the same question.

export interface OverviewUrl {
  readonly label: string;
  /** Path and query of the dashboard page (the app keeps its whole state in the URL). */
  readonly path: string;
}

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/** Period lengths: week, day, fortnight, month, quarter, two days, four weeks. */
const LENGTHS = [7, 1, 14, 30, 90, 2, 28, 7, 31] as const;

export function overviewUrls(
  first: string,
  last: string,
  values: Readonly<Record<string, readonly string[]>>,
  count: number,
): OverviewUrl[] {
  const filters: [string, string][] = [
    ...(values['channel'] ?? []).map((v): [string, string] => ['channel', v]),
    ...(values['queue'] ?? []).slice(0, 4).map((v): [string, string] => ['queue', v]),
    ...(values['team'] ?? []).slice(0, 4).map((v): [string, string] => ['team', v]),
  ];
  const span = daysBetween(first, last) + 1;
  const out: OverviewUrl[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < count && i < count * 20; i++) {
    const len = Math.min(LENGTHS[i % LENGTHS.length] ?? 7, span);
    const to = addDays(last, -((i * 5) % Math.max(1, span - len + 1)));
    const from = addDays(to, -(len - 1));
    // Every third load has no filter (the default view); the others cycle through the filters.
    const filter = i % 3 === 0 || filters.length === 0 ? null : filters[i % filters.length];
    const q = new URLSearchParams({ lang: 'en', page: 'overview', period: 'custom', from, to });
    if (filter) q.set(filter[0], filter[1]);
    const label = `${from}..${to}${filter ? ` ${filter[0]}=${filter[1]}` : ''}`;
    if (seen.has(label)) continue;
    seen.add(label);
    out.push({ label, path: `/?${q}` });
  }
  return out;
}

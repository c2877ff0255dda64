// The workspace time zone's UTC offsets over a period, read from the engine's own time-zone
// rules: local time then becomes instant + offset, integer arithmetic instead of a time-zone
// conversion per row (8x cheaper for day buckets in DuckDB). Limits: periods up to ~5 years.

import type { Runner } from './runner.ts';

/** The UTC offset in force from each `start` (an ISO instant) until the next segment's start. */
export interface ZoneOffsets {
  readonly tz: string;
  /** The instants covered, [from, to): outside them the dialect converts row by row. */
  readonly from: string;
  readonly to: string;
  readonly segments: readonly { readonly start: string; readonly offsetSeconds: number }[];
}

const MAX_DAYS = 5 * 366;
const cache = new Map<string, ZoneOffsets | null>();

/**
 * Offsets from local midnight of `fromDay` to local midnight after `toDay`. Changes are found on
 * a 15-minute grid and pinned to the minute (every offset in use since 1970 changes on a minute).
 */
export async function zoneOffsets(
  runner: Runner,
  tz: string,
  fromDay: string,
  toDay: string,
): Promise<ZoneOffsets | null> {
  const key = `${tz}|${fromDay}|${toDay}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const days = (Date.parse(toDay) - Date.parse(fromDay)) / 86_400_000;
  if (!(days >= 0 && days <= MAX_DAYS)) return null;
  const d = runner.dialect;
  const lo = d.localMidnight(fromDay, tz);
  const hi = `(${d.localMidnight(toDay, tz)} + INTERVAL 1 DAY + INTERVAL 3 HOUR)`;
  const off = (t: string) => d.utcOffsetSeconds(t, tz);
  // Coarse grid, then each change pinned to the first minute with the new offset.
  const rows = await runner.all(`
    WITH grid AS (SELECT t, ${off('t')} AS o FROM (SELECT unnest(generate_series(${lo} - INTERVAL 15 MINUTE, ${hi}, INTERVAL 15 MINUTE)) AS t)),
    steps AS (SELECT t, o, lag(o) OVER (ORDER BY t) AS prev FROM grid),
    changes AS (SELECT t FROM steps WHERE prev IS NOT NULL AND o <> prev),
    minutes AS (SELECT m, ${off('m')} AS o FROM (SELECT unnest(generate_series(c.t - INTERVAL 15 MINUTE, c.t, INTERVAL 1 MINUTE)) AS m FROM changes c)),
    firsts AS (SELECT m, o, lag(o) OVER (ORDER BY m) AS prev FROM minutes)
    SELECT strftime(timezone('UTC', ${lo}), '%Y-%m-%dT%H:%M:%SZ') AS start, ${off(lo)} AS o, 0 AS k
    UNION ALL
    SELECT strftime(timezone('UTC', m), '%Y-%m-%dT%H:%M:%SZ'), o, 1 FROM firsts WHERE prev IS NOT NULL AND o <> prev AND m > ${lo}
    UNION ALL
    SELECT strftime(timezone('UTC', ${hi}), '%Y-%m-%dT%H:%M:%SZ'), NULL, 2
    ORDER BY k, start`);
  const segments = rows
    .filter((r) => r['k'] !== 2)
    .map((r) => ({ start: String(r['start']), offsetSeconds: Number(r['o']) }));
  const end = rows.find((r) => r['k'] === 2);
  const first = segments[0];
  const out = first && end ? { tz, from: first.start, to: String(end['start']), segments } : null;
  if (cache.size > 500) cache.clear();
  cache.set(key, out);
  return out;
}

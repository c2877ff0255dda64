// File → importFiles → daily report across the Europe/Amsterdam DST changes of 2026: each day's
// count equals a count made here from the file's text, the days add up to the period, the 23- and
// 25-hour days hold 23 and 25 hourly calls, and naive times in the gap or the repeated hour land
// where docs/importing.md says.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/ingest/index.ts';
import { kpiRows, only, useMemoryWorkspace } from '../helpers/memory-workspace.ts';

const FILE = fileURLToPath(
  new URL('../fixtures/ingest/contacts-dst-amsterdam.csv', import.meta.url),
);
const ZONE = 'Europe/Amsterdam'; // the workspace default

const rows = readFileSync(FILE, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => {
    const [id = '', , queue = '', offeredAt = ''] = l.split(',');
    return { id, queue, offeredAt };
  });

const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, dateStyle: 'short' });

/** The local calendar day of a source timestamp, without cxkpi: an instant (Z or offset) through
 * Intl; a naive local time is on the day it names, however DST reads its hour. */
function dayOf(text: string): string {
  return /(Z|[+-]\d\d:\d\d)$/.test(text) ? localDay.format(new Date(text)) : text.slice(0, 10);
}

function countByDay(list: readonly { offeredAt: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of list) {
    const d = dayOf(r.offeredAt);
    out[d] = (out[d] ?? 0) + 1;
  }
  return out;
}

const { ws } = useMemoryWorkspace();

describe('DST: file → import → report by day (Europe/Amsterdam)', () => {
  it('each day matches an independent count; days add up; 23- and 25-hour days are right', async () => {
    const s = await importFiles(ws(), { entity: 'contacts', files: [FILE] });
    expect(s.files[0]).toMatchObject({ read: rows.length, stored: rows.length, quarantined: 0 });

    const days = await kpiRows(ws(), { kpis: ['service_level'], grain: 'day' });
    const reported = Object.fromEntries(days.map((r) => [String(r.keys['period']), r.n]));
    expect(reported).toEqual(countByDay(rows));
    const total = await only(ws(), { kpis: ['service_level'] });
    expect(total.n).toBe(rows.length);
    expect(days.reduce((a, r) => a + r.n, 0)).toBe(total.n);

    // One call per real hour: the spring day has 23, the autumn day 25, the days around 24.
    const hourly = await kpiRows(ws(), {
      kpis: ['service_level'],
      grain: 'day',
      filters: { queue: ['hourly'] },
    });
    expect(hourly.map((r) => [r.keys['period'], r.n])).toEqual([
      ['2026-03-28', 24],
      ['2026-03-29', 23],
      ['2026-03-30', 24],
      ['2026-10-24', 24],
      ['2026-10-25', 25],
      ['2026-10-26', 24],
    ]);
    for (const [day, hours] of [
      ['2026-03-29', 23],
      ['2026-10-25', 25],
    ] as const) {
      const one = await only(ws(), {
        kpis: ['service_level'],
        from: day,
        to: day,
        filters: { queue: ['hourly'] },
      });
      expect(one.n).toBe(hours);
    }

    // Naive times read in the workspace zone (PostgreSQL's rule, as DuckDB ICU): the gap time
    // 02:30 on 29 March takes the offset before the change, the repeated 02:30 on 25 October the
    // second occurrence (standard time).
    const edge = await ws().runner.all(
      `SELECT contact_id, strftime(offered_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS utc
       FROM contacts WHERE queue = 'edge' ORDER BY contact_id`,
    );
    expect(Object.fromEntries(edge.map((r) => [r['contact_id'], r['utc']]))).toEqual({
      e01: '2026-03-28T22:59:59Z',
      e02: '2026-03-28T23:00:00Z',
      e03: '2026-03-29T00:59:59Z',
      e04: '2026-03-29T01:30:00Z',
      e05: '2026-03-29T01:00:00Z',
      e06: '2026-03-29T21:30:00Z',
      e07: '2026-10-24T23:30:00Z',
      e08: '2026-10-25T01:30:00Z',
      e09: '2026-10-25T00:30:00Z',
      e10: '2026-10-25T01:30:00Z',
      e11: '2026-10-25T22:59:59Z',
      e12: '2026-10-25T23:00:00Z',
    });
  });
});

// GETs are answered while an import writes: each request has its own DuckDB connection. The
// import is real (POST /imports, 120,000 contacts); its import_log row says `running` until it
// ends, so "answered during the import" is checked, not timed. Afterwards the figures see it.

import { describe, expect, it } from 'vitest';
import { getJson, useSeededApp } from './fixture.test-helper.ts';

const { app, ws } = useSeededApp();

const ROWS = 120_000;

/** Contacts on 2026-06-05 (UTC): every 3rd abandoned after 40 s, the others answered in 10 s. */
function bigCsv(): string {
  const lines = ['contact_id,channel,queue,offered_at,outcome,wait_s,talk_s'];
  const t0 = Date.parse('2026-06-05T06:00:00Z');
  for (let i = 0; i < ROWS; i++) {
    const at = new Date(t0 + (i % 36_000) * 1000).toISOString();
    const abandoned = i % 3 === 0;
    lines.push(`big${i},voice,Sales,${at},${abandoned ? 'abandoned,40,' : 'answered,10,200'}`);
  }
  return `${lines.join('\n')}\n`;
}

async function importStatus(): Promise<string[]> {
  const rows = await ws().runner.all(`SELECT status FROM import_log ORDER BY started_at`);
  return rows.map((r) => String(r['status']));
}

describe('derived fact tables after a data change', () => {
  it('many GETs at once: one rebuild, every answer from the new data', async () => {
    // A new case K7 (chat, resolved at first contact) and its contact, written on the
    // workspace's own connection as another process step would.
    await ws().runner.exec(`INSERT INTO contacts (contact_id, channel, queue, case_id, customer_id,
        offered_at, wait_s, talk_s, outcome)
      VALUES ('c13', 'chat', 'Support', 'K7', 'u7', TIMESTAMPTZ '2026-06-02 10:00:00+00', 4, 100, 'answered')`);
    await ws().runner
      .exec(`INSERT INTO cases (case_id, channel, customer_id, created_at, resolved_at,
        reopened_count, first_contact_resolved)
      VALUES ('K7', 'chat', 'u7', TIMESTAMPTZ '2026-06-02 10:00:00+00', TIMESTAMPTZ '2026-06-02 10:05:00+00', 0, true)`);
    const urls = [
      '/api/v1/kpis?kpi=fcr',
      '/api/v1/cases?page_size=1',
      '/api/v1/kpis?kpi=fcr,reopen_rate',
      '/api/v1/cases?kpi=fcr&page_size=1',
      '/api/v1/kpis?kpi=nps',
      '/api/v1/surveys?page_size=1',
    ];
    const answers = await Promise.all(
      [...urls, ...urls].map((u) => app().inject({ method: 'GET', url: u })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    const body = (i: number) => answers[i]?.json() as Record<string, unknown>;
    // FCR was 3 of 6 cases; K7 makes it 4 of 7.
    for (const i of [0, 6]) {
      expect((body(i)['rows'] as { value: number; n: number }[])[0]).toMatchObject({ n: 7 });
    }
    for (const i of [1, 7]) expect(body(i)['total']).toBe(7);
  });
});

describe('reads during an import', () => {
  it('GET /kpis and /contacts answer while POST /imports is still running', async () => {
    type Sl = { rows: { value: number; n: number }[] };
    const before = await getJson<Sl>(app(), '/api/v1/kpis?kpi=service_level');
    const beforeTotal = (await getJson<{ total: number }>(app(), '/api/v1/contacts?page_size=1'))
      .total;
    const form = new FormData();
    form.append('entity', 'contacts');
    form.append('file', new Blob([bigCsv()]), 'big.csv');
    const importing = app().inject({ method: 'POST', url: '/api/v1/imports', payload: form });

    for (let i = 0; i < 600 && !(await importStatus()).includes('running'); i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await importStatus()).toContain('running');

    // The figures before the import (it is not committed yet).
    const kpis = await getJson<Sl>(app(), '/api/v1/kpis?kpi=service_level');
    const contacts = await getJson<{ total: number }>(app(), '/api/v1/contacts?page_size=1');
    expect(await importStatus()).toContain('running');
    expect(kpis.rows).toEqual(before.rows);
    expect(contacts.total).toBe(beforeTotal);

    const res = await importing;
    expect(res.statusCode).toBe(200);
    expect(await importStatus()).toEqual(['ok']);

    // Now the import counts: 80,000 answered within 20 s of 120,000 offered on 5 June.
    const after = await getJson<Sl>(
      app(),
      '/api/v1/kpis?kpi=service_level&from=2026-06-05&to=2026-06-05',
    );
    expect(after.rows[0]).toMatchObject({ n: ROWS });
    expect(after.rows[0]?.value).toBeCloseTo((100 * (ROWS * 2)) / 3 / ROWS, 10);
    const all = await getJson<{ total: number }>(app(), '/api/v1/contacts?page_size=1');
    expect(all.total).toBe(beforeTotal + ROWS);
  }, 120_000);
});

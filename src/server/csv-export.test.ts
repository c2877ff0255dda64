// CSV exports of tables are complete: every row streamed in batches (more rows than one batch
// here), or one page that the headers say is a page; pages read from one snapshot, so an import
// committing mid-export cannot shift rows; the quarantine CSV holds every quarantined row.

import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { EXPORT_BATCH, sendCsvTable } from './csv-reply.ts';
import { getJson, useSeededApp } from './fixture.test-helper.ts';
import { requestWorkspace } from './request-workspace.ts';

const { app, ws } = useSeededApp();

const EXTRA = 23_456;

beforeAll(async () => {
  // July contacts, one a second from 06:00 UTC, every 4th abandoned.
  await ws().runner
    .exec(`INSERT INTO contacts (contact_id, channel, queue, offered_at, outcome, wait_s)
    SELECT 'x' || lpad(i::VARCHAR, 6, '0'), 'chat', 'Bulk',
           TIMESTAMPTZ '2026-07-01 06:00:00+00' + to_seconds(i),
           CASE WHEN i % 4 = 0 THEN 'abandoned' ELSE 'answered' END, 7
    FROM range(${EXTRA}) t(i)`);
});

const get = (url: string) => app().inject({ method: 'GET', url });

describe('GET /contacts.csv: a whole population', () => {
  it('streams every row, more than one batch, each once, in the JSON order', async () => {
    expect(EXTRA).toBeGreaterThan(2 * EXPORT_BATCH);
    const res = await get('/api/v1/contacts.csv?filter=queue=Bulk');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-total-count']).toBe(String(EXTRA));
    expect(res.headers['x-page']).toBeUndefined();
    const [head, ...rows] = parseCsv(res.body);
    const id = head?.indexOf('contact_id') ?? -1;
    const ids = rows.map((r) => r[id]);
    expect(ids).toHaveLength(EXTRA);
    expect(new Set(ids).size).toBe(EXTRA);
    expect(ids[0]).toBe('x000000');
    expect(ids.at(-1)).toBe(`x${String(EXTRA - 1).padStart(6, '0')}`);
  });

  it("a KPI's population: abandon rate's n is every July contact (no short abandons)", async () => {
    const res = await get('/api/v1/contacts.csv?kpi=abandon_rate&from=2026-07-01&to=2026-07-01');
    expect(parseCsv(res.body)).toHaveLength(EXTRA + 1);
  });

  it('with page/page_size: that page only, and the headers and file name say so', async () => {
    const res = await get('/api/v1/contacts.csv?filter=queue=Bulk&page=3&page_size=1000');
    expect(res.headers).toMatchObject({
      'x-total-count': String(EXTRA),
      'x-page': '3',
      'x-page-size': '1000',
    });
    expect(res.headers['content-disposition']).toContain('contacts-page-3.csv');
    const [head, ...rows] = parseCsv(res.body);
    const id = head?.indexOf('contact_id') ?? -1;
    expect(rows).toHaveLength(1000);
    expect(rows[0]?.[id]).toBe('x002000');
  });

  it('an empty selection is an empty body with X-Total-Count 0', async () => {
    const res = await get('/api/v1/contacts.csv?filter=queue=Nobody');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-total-count']).toBe('0');
    expect(res.body).toBe('');
  });
});

describe('sendCsvTable reads every page from one snapshot', () => {
  it('rows committed on another connection mid-export are not in it, and do not shift it', async () => {
    const scoped = requestWorkspace({ workspace: ws() });
    const mini = Fastify();
    scoped.register(mini);
    const runner = scoped.workspace.runner;
    let injected = false;
    const sql = (offset: number, limit: number) =>
      `SELECT contact_id FROM contacts WHERE queue = 'Bulk' ORDER BY offered_at, contact_id LIMIT ${limit} OFFSET ${offset}`;
    mini.get('/api/t.csv', async (_req, reply) =>
      sendCsvTable(
        reply,
        't',
        {
          count: async () =>
            Number(
              (await runner.all(`SELECT count(*) AS n FROM contacts WHERE queue = 'Bulk'`))[0]?.[
                'n'
              ],
            ),
          fetch: async (offset, limit) => {
            if (offset > 0 && !injected) {
              injected = true;
              // Another connection commits 50 rows that sort first: without the snapshot, the
              // next page would start 50 rows early and repeat them.
              await ws().runner
                .exec(`INSERT INTO contacts (contact_id, channel, queue, offered_at, outcome, wait_s)
                SELECT 'early' || i, 'chat', 'Bulk', TIMESTAMPTZ '2026-06-30 06:00:00+00' + to_seconds(i), 'answered', 1
                FROM range(50) t(i)`);
            }
            return runner.all(sql(offset, limit));
          },
          snapshot: runner,
        },
        { batch: 5000 },
      ),
    );
    try {
      const res = await mini.inject({ method: 'GET', url: '/api/t.csv' });
      const ids = parseCsv(res.body)
        .slice(1)
        .map((r) => r[0]);
      expect(injected).toBe(true);
      expect(ids).toHaveLength(EXTRA);
      expect(new Set(ids).size).toBe(EXTRA);
      expect(ids.some((i) => i?.startsWith('early'))).toBe(false);
      // The next request sees the committed rows.
      const now = await getJson<{ total: number }>(app(), '/api/v1/contacts?filter=queue=Bulk');
      expect(now.total).toBe(EXTRA + 50);
    } finally {
      await mini.close();
      await ws().runner.exec(`DELETE FROM contacts WHERE contact_id LIKE 'early%'`);
    }
  });
});

describe('GET /quarantine.csv', () => {
  it('holds every quarantined row, not the first page (150 rows, page size 100)', async () => {
    const lines = ['contact_id,channel,offered_at,outcome,wait_s'];
    for (let i = 0; i < 150; i++) lines.push(`q${i},fax,2026-06-03T08:00:00Z,answered,10`);
    const form = new FormData();
    form.append('entity', 'contacts');
    form.append('file', new Blob([`${lines.join('\n')}\n`]), 'faxes.csv');
    const imported = await app().inject({ method: 'POST', url: '/api/v1/imports', payload: form });
    expect(imported.statusCode).toBe(200);
    const json = await getJson<{ total: number; rows: unknown[] }>(app(), '/api/v1/quarantine');
    expect(json.total).toBe(150);
    expect(json.rows).toHaveLength(100);
    const csv = await get('/api/v1/quarantine.csv');
    expect(csv.statusCode).toBe(200);
    expect(parseCsv(csv.body)).toHaveLength(151);
    expect(csv.headers['x-total-count']).toBe('150');
  });
});

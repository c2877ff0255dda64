// Every route's remaining parameter errors (audit section C): a 400 naming the parameter and what
// is allowed, upload limits as a 413 that says the limit; and every table route answering CSV to
// `Accept: text/csv` as to its `.csv` path.

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../workspace/workspace.ts';
import { buildServer } from './build-server.ts';
import { seed, useSeededApp } from './fixture.test-helper.ts';

const { app } = useSeededApp();

type ApiError = Record<string, unknown> & { message: string };

async function bad(url: string, status = 400): Promise<ApiError> {
  const res = await app().inject({ method: 'GET', url: `/api/v1/${url}` });
  expect({ url, status: res.statusCode }).toEqual({ url, status });
  return (res.json() as { error: ApiError }).error;
}

describe('routes without parameters', () => {
  it('/health and /dimensions reject any parameter and say they take none', async () => {
    for (const route of ['health', 'dimensions', 'definitions']) {
      const e = await bad(`${route}?x=1`);
      expect(e).toMatchObject({ code: 'INVALID_PARAMETER', parameter: 'x' });
      expect(e.message).toBe('Unknown parameter "x". This route takes no parameters.');
    }
  });
});

describe('/surveys/comments', () => {
  it('limit from 1 to 1000', async () => {
    for (const limit of ['0', '1001', 'many']) {
      const e = await bad(`surveys/comments?limit=${limit}`);
      expect(e).toMatchObject({ parameter: 'limit' });
      expect(e.message).toContain('1 to 1000');
    }
  });

  it('dates, the period order, filters and unknown parameters', async () => {
    expect((await bad('surveys/comments?from=2026-6-1')).message).toContain('YYYY-MM-DD');
    expect(await bad('surveys/comments?to=2026-02-30')).toMatchObject({ parameter: 'to' });
    expect(await bad('surveys/comments?from=2026-06-02&to=2026-06-01')).toMatchObject({
      parameter: 'from',
    });
    const f = await bad('surveys/comments?filter=country=NL');
    expect(f).toMatchObject({ parameter: 'filter' });
    expect(f['allowed']).toContain('channel');
    const g = await bad('surveys/comments?grain=day');
    expect(g).toMatchObject({ parameter: 'grain' });
    expect(g['allowed']).toEqual(['from', 'to', 'filter', 'limit']);
  });
});

describe('/quarantine', () => {
  it('page from 1, page_size to 1000, a non-empty import_id, no unknown parameter', async () => {
    expect((await bad('quarantine?page=0')).message).toContain('page');
    expect(await bad('quarantine?page_size=1001')).toMatchObject({ parameter: 'page_size' });
    expect(await bad('quarantine?import_id=')).toMatchObject({ parameter: 'import_id' });
    const e = await bad('quarantine?entity=contacts');
    expect(e).toMatchObject({ parameter: 'entity' });
    expect(e['allowed']).toEqual(expect.arrayContaining(['page', 'page_size', 'import_id']));
  });
});

describe('POST /imports form errors', () => {
  const post = (f: FormData, on: FastifyInstance = app()) =>
    on.inject({ method: 'POST', url: '/api/v1/imports', payload: f });
  const form = (fields: Record<string, string>, files: [string, string, string][]) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
    for (const [field, name, text] of files) f.append(field, new Blob([text]), name);
    return f;
  };
  const CSV =
    'contact_id,channel,offered_at,outcome,wait_s\nv1,voice,2026-06-03T08:00:00Z,answered,1\n';

  it('strict is true or false', async () => {
    const res = await post(form({ entity: 'contacts', strict: 'yes' }, [['file', 'a.csv', CSV]]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { parameter: 'strict', allowed: ['true', 'false'] },
    });
  });

  it('a file whose type cannot be told is UNKNOWN_FORMAT, naming the uploaded file', async () => {
    const res = await post(form({ entity: 'contacts' }, [['file', 'export.dat', CSV]]));
    expect(res.statusCode).toBe(400);
    const e = (res.json() as { error: ApiError }).error;
    expect(e['code']).toBe('UNKNOWN_FORMAT');
    expect(e.message).toContain('export.dat');
    expect(e.message).not.toContain('cxkpi-upload-');
    const format = await post(
      form({ entity: 'contacts', format: 'xls' }, [['file', 'a.dat', CSV]]),
    );
    expect(format.json()).toMatchObject({ error: { parameter: 'format' } });
  });

  describe('upload limits', () => {
    let ws: Workspace;
    let small: FastifyInstance;
    beforeAll(async () => {
      ws = await openWorkspace({ path: ':memory:' });
      await seed(ws);
      small = buildServer({ workspace: ws, maxUploadBytes: 1024 });
      await small.ready();
    });
    afterAll(async () => {
      await small.close();
      await ws.close();
    });

    it('a file over the limit is a 413 that says the limit; nothing is stored', async () => {
      const big = `${CSV}${'v2,voice,2026-06-03T08:00:00Z,answered,1\n'.repeat(100)}`;
      const res = await post(form({ entity: 'contacts' }, [['file', 'big.csv', big]]), small);
      expect(res.statusCode).toBe(413);
      const e = (res.json() as { error: ApiError }).error;
      expect(e).toMatchObject({ code: 'UPLOAD_TOO_LARGE', parameter: 'file' });
      expect(e.message).toContain('1 KiB');
      const n = await ws.runner.all(`SELECT count(*) AS n FROM contacts WHERE contact_id = 'v2'`);
      expect(n[0]?.['n']).toBe(0);
    });

    it('more than 20 files is a 413 that says at most 20', async () => {
      const files = Array.from(
        { length: 21 },
        (_, i) => ['file', `f${i}.csv`, CSV] as [string, string, string],
      );
      const res = await post(form({ entity: 'contacts' }, files), small);
      expect(res.statusCode).toBe(413);
      const e = (res.json() as { error: ApiError }).error;
      expect(e).toMatchObject({ code: 'TOO_MANY_FILES', parameter: 'file' });
      expect(e.message).toContain('20');
    });
  });
});

describe('Accept: text/csv on every table route', () => {
  const routes = [
    'kpis?kpi=asa',
    'definitions',
    'dimensions',
    'contacts',
    'cases',
    'surveys',
    'surveys/comments',
    'distribution?measure=wait',
    'quarantine',
    'staffing?channel=voice',
  ];
  for (const route of routes) {
    it(`${route}: the same CSV as its .csv path`, async () => {
      const [path, qs] = route.split('?');
      const accept = await app().inject({
        method: 'GET',
        url: `/api/v1/${route}`,
        headers: { accept: 'text/csv' },
      });
      const suffix = await app().inject({
        method: 'GET',
        url: `/api/v1/${path}.csv${qs ? `?${qs}` : ''}`,
      });
      expect(accept.statusCode).toBe(200);
      expect(accept.headers['content-type']).toMatch(/^text\/csv/);
      expect(accept.body).toBe(suffix.body);
    });
  }
});

// POST /api/v1/imports (multipart through app.inject) into a real workspace, then the figures
// and the quarantine it produced; strict imports, mappings and every form error.

import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { getJson, useSeededApp } from './fixture.test-helper.ts';

const { app } = useSeededApp();

// n1 answered within T on 2026-06-03; n2 has an unknown channel → quarantined.
const CSV = `contact_id,channel,offered_at,outcome,wait_s
n1,voice,2026-06-03T08:00:00Z,answered,10
n2,fax,2026-06-03T08:01:00Z,answered,12
`;

function form(fields: Record<string, string>, files: [string, string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const [field, name, text] of files) f.append(field, new Blob([text]), name);
  return f;
}

const post = (payload: FormData) =>
  app().inject({ method: 'POST', url: '/api/v1/imports', payload });

interface Summary {
  files: {
    file: string;
    entity: string;
    importId: string;
    read: number;
    stored: number;
    quarantined: number;
  }[];
  totals: Record<string, { stored: number }>;
}
interface Quarantine {
  total: number;
  rows: {
    importId: string;
    file: string;
    row: number;
    field: string;
    value: string;
    code: string;
  }[];
}

const uploads = async () =>
  (await readdir(tmpdir())).filter((d) => d.startsWith('cxkpi-upload-')).length;

describe('POST /api/v1/imports', () => {
  it('imports a CSV, returns the summary under the uploaded name, and the KPIs see it', async () => {
    const before = await uploads();
    const res = await post(form({ entity: 'contacts' }, [['file', 'june-3.csv', CSV]]));
    expect(res.statusCode).toBe(200);
    const body = res.json() as Summary;
    expect(body.files).toHaveLength(1);
    expect(body.files[0]).toMatchObject({
      file: 'june-3.csv',
      entity: 'contacts',
      read: 2,
      stored: 1,
      quarantined: 1,
    });
    expect(body.totals['contacts']?.stored).toBe(1);
    expect(await uploads()).toBe(before); // the temp upload is gone

    const kpis = await getJson<{ rows: { value: number; n: number }[] }>(
      app(),
      '/api/v1/kpis?kpi=service_level&from=2026-06-03&to=2026-06-03',
    );
    expect(kpis.rows[0]).toMatchObject({ value: 100, n: 1 });

    const q = await getJson<Quarantine>(app(), '/api/v1/quarantine');
    expect(q.total).toBe(1);
    expect(q.rows[0]).toMatchObject({
      importId: body.files[0]?.importId,
      file: 'june-3.csv',
      row: 3,
      field: 'channel',
      value: 'fax',
      code: 'INVALID_ENUM',
    });
  });

  it('strict=true stores nothing of a file with defects: 400 naming the uploaded file', async () => {
    const res = await post(
      form({ entity: 'contacts', strict: 'true' }, [
        ['file', 'strict.csv', CSV.replace('n1,', 's1,').replace('n2,', 's2,')],
      ]),
    );
    expect(res.statusCode).toBe(400);
    const e = (res.json() as { error: { code: string; message: string; file: string } }).error;
    expect(e.code).toBe('STRICT_IMPORT_FAILED');
    expect(e.file).toBe('strict.csv');
    expect(e.message).toContain('strict.csv');
    expect(e.message).not.toContain('cxkpi-upload-');
    const rows = await getJson<{ total: number }>(
      app(),
      '/api/v1/contacts?filter=channel=voice&from=2026-06-03',
    );
    expect(rows.total).toBe(1); // only n1 from the first import
  });

  it('takes a mapping file (YAML) and several files', async () => {
    const mapping = `entity: surveys
columns:
  response_id: Id
  kind: Type
  score: Score
  responded_at: When
constants:
  scale_min: 0
  scale_max: 10
`;
    const a = 'Id,Type,Score,When\nm1,nps,10,2026-06-04T09:00:00Z\n';
    const b = 'Id,Type,Score,When\nm2,nps,2,2026-06-04T10:00:00Z\n';
    const res = await post(
      form({}, [
        ['mapping', 'survey-tool.yaml', mapping],
        ['file', 'a.csv', a],
        ['file', 'b.csv', b],
      ]),
    );
    expect(res.statusCode).toBe(200);
    const body = res.json() as Summary;
    expect(body.files.map((f) => [f.file, f.stored])).toEqual([
      ['a.csv', 1],
      ['b.csv', 1],
    ]);
    const nps = await getJson<{ rows: { value: number; n: number }[] }>(
      app(),
      '/api/v1/kpis?kpi=nps&from=2026-06-04&to=2026-06-04',
    );
    expect(nps.rows[0]).toMatchObject({ value: 0, n: 2 });
  });

  it('form errors: entity, unknown fields, no file, not multipart', async () => {
    const entity = await post(form({ entity: 'calls' }, [['file', 'x.csv', CSV]]));
    expect(entity.statusCode).toBe(400);
    expect(entity.json()).toMatchObject({
      error: {
        parameter: 'entity',
        allowed: ['contacts', 'cases', 'surveys', 'costs', 'staffing'],
      },
    });
    const missing = await post(form({}, [['file', 'x.csv', CSV]]));
    expect(missing.json()).toMatchObject({
      error: { code: 'ENTITY_REQUIRED', parameter: 'entity' },
    });
    const unknown = await post(
      form({ entity: 'contacts', mode: 'fast' }, [['file', 'x.csv', CSV]]),
    );
    expect(unknown.json()).toMatchObject({ error: { parameter: 'mode' } });
    const none = await post(form({ entity: 'contacts' }, []));
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ error: { code: 'FILE_REQUIRED', parameter: 'file' } });
    const json = await app().inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload: { entity: 'contacts' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const badMapping = await post(
      form({ entity: 'contacts' }, [
        ['mapping', 'broken.yaml', 'columns: [unclosed'],
        ['file', 'x.csv', CSV],
      ]),
    );
    expect(badMapping.statusCode).toBe(400);
    const err = (badMapping.json() as { error: { message: string; file: string } }).error;
    expect(err.message).toContain('broken.yaml');
    expect(err.file).toBe('broken.yaml');
    expect(existsSync(err.file)).toBe(false);
  });
});

describe('GET /api/v1/quarantine', () => {
  it('pages, narrows to one import, and is also CSV', async () => {
    // Two more defects in one import.
    const bad =
      'contact_id,channel,offered_at,outcome,wait_s\nq1,fax,2026-06-05T08:00:00Z,answered,1\nq2,voice,2026-06-05T08:00:00Z,lost,1\n';
    const res = await post(form({ entity: 'contacts' }, [['file', 'bad.csv', bad]]));
    const importId = (res.json() as Summary).files[0]?.importId ?? '';
    const all = await getJson<Quarantine>(app(), '/api/v1/quarantine');
    expect(all.total).toBeGreaterThanOrEqual(3);
    const mine = await getJson<Quarantine>(app(), `/api/v1/quarantine?import_id=${importId}`);
    expect(mine.total).toBe(2);
    expect(mine.rows.map((r) => r.value).sort()).toEqual(['fax', 'lost']);
    const p2 = await getJson<Quarantine>(
      app(),
      `/api/v1/quarantine?import_id=${importId}&page=2&page_size=1`,
    );
    expect(p2).toMatchObject({ total: 2 });
    expect(p2.rows).toHaveLength(1);
    expect(p2.rows[0]).toEqual(mine.rows[1]);
    const csv = await app().inject({
      method: 'GET',
      url: `/api/v1/quarantine.csv?import_id=${importId}`,
    });
    const [head, ...lines] = parseCsv(csv.body);
    expect(head).toContain('reason');
    expect(lines).toHaveLength(2);
  });

  it('a re-import of a file supersedes its quarantine; history=true lists every import', async () => {
    const bad =
      'contact_id,channel,offered_at,outcome,wait_s\nr1,fax,2026-06-06T08:00:00Z,answered,1\n';
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      // `format` names the input format of a file whose name does not tell it.
      const res = await post(
        form({ entity: 'contacts', format: 'csv' }, [['file', 'again.dat', bad]]),
      );
      expect(res.statusCode).toBe(200);
      ids.push((res.json() as Summary).files[0]?.importId ?? '');
    }
    const current = await getJson<Quarantine>(app(), '/api/v1/quarantine?page_size=1000');
    const mine = current.rows.filter((r) => r.file === 'again.dat');
    expect(mine.map((r) => r.importId)).toEqual([ids[2]]);
    expect(current.total).toBe(current.rows.length);
    const history = await getJson<Quarantine>(
      app(),
      '/api/v1/quarantine?history=true&page_size=1000',
    );
    expect(history.rows.filter((r) => r.file === 'again.dat').map((r) => r.importId)).toEqual([
      ids[2],
      ids[1],
      ids[0],
    ]);
    expect(history.total).toBe(current.total + 2);
  });

  it('rejects bad paging', async () => {
    const res = await app().inject({ method: 'GET', url: '/api/v1/quarantine?page_size=5000' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { parameter: 'page_size' } });
  });
});

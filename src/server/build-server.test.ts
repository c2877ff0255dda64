// The app as a whole: OpenAPI 3 document listing every route, JSON 404s, the central error
// handler (UserError → 400, anything else → logged 500) and the web app with SPA fallback.

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../errors.ts';
import { openWorkspace, type Workspace } from '../workspace/workspace.ts';
import { buildServer } from './build-server.ts';

let ws: Workspace;
let webDir: string;
beforeAll(async () => {
  ws = await openWorkspace({ path: ':memory:' });
  webDir = await mkdtemp(join(tmpdir(), 'cxkpi-web-'));
  await mkdir(join(webDir, 'assets'));
  await writeFile(join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(webDir, 'assets', 'app.js'), 'console.log(1);');
});
afterAll(async () => {
  await ws.close();
  await rm(webDir, { recursive: true, force: true });
});

const ROUTES = [
  '/api/v1/health',
  '/api/v1/data-version',
  '/api/v1/kpis',
  '/api/v1/kpis.csv',
  '/api/v1/definitions',
  '/api/v1/definitions.csv',
  '/api/v1/dimensions',
  '/api/v1/dimensions.csv',
  '/api/v1/contacts',
  '/api/v1/contacts.csv',
  '/api/v1/cases',
  '/api/v1/cases.csv',
  '/api/v1/surveys',
  '/api/v1/surveys.csv',
  '/api/v1/surveys/comments',
  '/api/v1/surveys/comments.csv',
  '/api/v1/distribution',
  '/api/v1/distribution.csv',
  '/api/v1/staffing',
  '/api/v1/staffing.csv',
  '/api/v1/quarantine',
  '/api/v1/quarantine.csv',
  '/api/v1/imports',
];

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3 document that lists every route with its query parameters', async () => {
    const app = buildServer({ workspace: ws });
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('cxkpi API');
    expect(Object.keys(doc.paths).sort()).toEqual([...ROUTES].sort());
    for (const route of ROUTES) {
      expect(Object.keys(doc.paths[route] ?? {})).toEqual([
        route === '/api/v1/imports' ? 'post' : 'get',
      ]);
    }
    const kpiParams = doc.paths['/api/v1/kpis']?.['get']?.parameters?.map((p) => p.name);
    expect(kpiParams).toEqual([
      'kpi',
      'goal',
      'from',
      'to',
      'filter',
      'grain',
      'slot',
      'by',
      'compare',
      'percentiles',
      'set',
    ]);
    const drill = doc.paths['/api/v1/contacts']?.['get']?.parameters?.map((p) => p.name);
    expect(drill).toEqual(expect.arrayContaining(['kpi', 'group', 'page', 'page_size', 'filter']));
    expect(drill).not.toContain('compare');
    await app.close();
  });
});

describe('errors', () => {
  it('an unknown API route is a JSON 404', async () => {
    const app = buildServer({ workspace: ws });
    for (const [method, url] of [
      ['GET', '/api/v1/nope'],
      ['POST', '/api/v1/kpis'],
      ['GET', '/api/v2/kpis'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    await app.close();
  });

  it('UserError → 400 with code and location; anything else → 500 INTERNAL, logged', async () => {
    const logged: string[] = [];
    const stream = { write: (line: string) => logged.push(line) };
    const app = buildServer({ workspace: ws, logger: { level: 'error', stream } });
    app.get('/api/v1/test/user-error', async () => {
      throw new UserError('UNKNOWN_KPI', 'Unknown KPI "x".', { parameter: 'kpi', fix: 'Use asa.' });
    });
    app.get('/api/v1/test/bug', async () => {
      throw new Error('invariant broken: secret SQL');
    });
    const user = await app.inject({ method: 'GET', url: '/api/v1/test/user-error' });
    expect(user.statusCode).toBe(400);
    expect(user.json()).toEqual({
      error: {
        code: 'UNKNOWN_KPI',
        message: 'Unknown KPI "x".',
        parameter: 'kpi',
        fix: 'Use asa.',
      },
    });
    const bug = await app.inject({ method: 'GET', url: '/api/v1/test/bug' });
    expect(bug.statusCode).toBe(500);
    const body = bug.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).not.toContain('secret');
    expect(logged.join('')).toContain('invariant broken');
    await app.close();
  });
});

describe('the web app (webDir)', () => {
  it('serves files, falls back to index.html for app paths, keeps API 404s JSON', async () => {
    const app = buildServer({ workspace: ws, webDir });
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('id="root"');
    const js = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(js.headers['content-type']).toMatch(/javascript/);
    const deep = await app.inject({ method: 'GET', url: '/kpis/service_level?by=channel' });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toMatch(/^text\/html/);
    const api = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    await app.close();
  });

  it('without webDir, / is a 404', async () => {
    const app = buildServer({ workspace: ws });
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
    await app.close();
  });
});

// The dashboard's files and the API's answers go out compressed when the client accepts it;
// hashed files under /assets are cached as immutable, index.html is revalidated. In process.

import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../workspace/workspace.ts';
import { buildServer } from './build-server.ts';
import { seed } from './fixture.test-helper.ts';
import { IMMUTABLE, precompressWebDir, REVALIDATE } from './web-assets.ts';

// A bundle large enough to compress, as Vite names it (content hash in the name).
const BUNDLE = `${'export const kpis = ["service_level", "asa", "aht", "nps"];\n'.repeat(2000)}`;
const INDEX = `<!doctype html><html><head><script src="/assets/index-Ab12Cd34.js"></script></head>${'<!-- pad -->'.repeat(200)}<div id="root"></div></html>`;

let dir: string;
let ws: Workspace;
let app: FastifyInstance;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cxkpi-web-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), INDEX);
  await writeFile(join(dir, 'assets', 'index-Ab12Cd34.js'), BUNDLE);
  await writeFile(join(dir, 'assets', 'tiny-0a1b.css'), 'a{}');
  ws = await openWorkspace({ path: ':memory:' });
  await seed(ws);
  app = buildServer({ workspace: ws, webDir: dir });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await ws.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  app.inject({
    method: 'GET',
    url,
    headers: encoding ? { 'accept-encoding': encoding } : {},
  });

describe('the dashboard files', () => {
  it('hashed assets: brotli or gzip as accepted, the same bytes, immutable for a year', async () => {
    const br = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      'cache-control': IMMUTABLE,
      vary: expect.stringContaining('accept-encoding'),
    });
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.rawPayload.length).toBeLessThan(BUNDLE.length / 10);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BUNDLE);

    const gz = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(BUNDLE);

    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BUNDLE);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('index.html and the app paths that fall back to it are revalidated (no-cache)', async () => {
    for (const url of ['/', '/index.html', '/reachability?lang=nl']) {
      const res = await get(url, 'br, gzip');
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
      expect({ url, cache: res.headers['cache-control'] }).toEqual({ url, cache: REVALIDATE });
      const body =
        res.headers['content-encoding'] === 'br'
          ? brotliDecompressSync(res.rawPayload).toString()
          : res.body;
      expect(body).toBe(INDEX);
    }
  });

  it('precompresses once: copies newer than their file are kept, small files get none', async () => {
    const copy = join(dir, 'assets', 'index-Ab12Cd34.js.br');
    const before = (await stat(copy)).mtimeMs;
    expect(await precompressWebDir(dir)).toBe(0);
    expect((await stat(copy)).mtimeMs).toBe(before);
    await expect(stat(join(dir, 'assets', 'tiny-0a1b.css.br'))).rejects.toThrow();
  });
});

describe('API answers', () => {
  it('large JSON is compressed as accepted, and decodes to the uncompressed answer', async () => {
    const url = '/api/v1/kpis';
    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const br = await get(url, 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gz = await get(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it('small answers stay plain; a streamed CSV is compressed too', async () => {
    const health = await get('/api/v1/health', 'br, gzip');
    expect(health.headers['content-encoding']).toBeUndefined();
    const csv = await get('/api/v1/contacts.csv', 'gzip');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-encoding']).toBe('gzip');
    const text = gunzipSync(csv.rawPayload).toString();
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(13); // header + 12 contacts
  });
});

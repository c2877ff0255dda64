// `npm start` rebuilds the dashboard when web/dist is missing or older than any of its sources.

import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { needsBuild } from '../../scripts/needs-build.js';

let web: string;
const at = (path: string, seconds: number) => utimes(path, seconds, seconds);

beforeEach(async () => {
  web = await mkdtemp(join(tmpdir(), 'cxkpi-web-'));
  await mkdir(join(web, 'src', 'pages'), { recursive: true });
  await writeFile(join(web, 'index.html'), '<html></html>');
  await writeFile(join(web, 'src', 'pages', 'overview.tsx'), 'export {};');
  for (const p of ['index.html', 'src/pages/overview.tsx', 'src/pages', 'src']) {
    await at(join(web, p), 1_000);
  }
});
afterEach(() => rm(web, { recursive: true, force: true }));

describe('needsBuild', () => {
  it('builds when web/dist is missing', () => {
    expect(needsBuild(web)).toBe('web/dist is missing');
  });

  it('keeps a build newer than every source, and rebuilds after a source changed', async () => {
    await mkdir(join(web, 'dist'));
    await writeFile(join(web, 'dist', 'index.html'), '<html></html>');
    await at(join(web, 'dist', 'index.html'), 2_000);
    expect(needsBuild(web)).toBe(false);
    await at(join(web, 'src', 'pages', 'overview.tsx'), 3_000); // a nested source edited
    expect(needsBuild(web)).toBe('web/src changed since the last build');
    await at(join(web, 'dist', 'index.html'), 4_000);
    await writeFile(join(web, 'vite.config.ts'), 'export default {};');
    await at(join(web, 'vite.config.ts'), 5_000);
    expect(needsBuild(web)).toBe('web/vite.config.ts changed since the last build');
  });
});

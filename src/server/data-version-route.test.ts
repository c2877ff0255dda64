// GET /api/v1/data-version: the same while nothing changes; new after an import that only
// replaces a row (the row counts stay the same) and after a settings change; no parameters.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../ingest/index.ts';
import { getJson, useSeededApp } from './fixture.test-helper.ts';

const { app, ws } = useSeededApp();

const version = async () =>
  (await getJson<{ version: string }>(app(), '/api/v1/data-version')).version;
const contacts = async () =>
  Number((await ws().runner.all('SELECT count(*) AS n FROM contacts'))[0]?.['n']);

describe('GET /api/v1/data-version', () => {
  it('is 16 hex digits and stays the same while nothing changes', async () => {
    const v = await version();
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    expect(await version()).toBe(v);
  });

  it('changes with an import that only replaces a row', async () => {
    const before = await version();
    const n = await contacts();
    const dir = await mkdtemp(join(tmpdir(), 'cxkpi-version-'));
    try {
      const file = join(dir, 'c1.csv');
      // c1 again with another wait: an update, not a new row.
      await writeFile(
        file,
        'contact_id,channel,offered_at,outcome,wait_s\nc1,voice,2026-06-01T08:00:00Z,answered,11\n',
      );
      const summary = await importFiles(ws(), { entity: 'contacts', files: [file] });
      expect(summary.files[0]).toMatchObject({ updated: 1, stored: 0, quarantined: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(await contacts()).toBe(n);
    expect(await version()).not.toBe(before);
  });

  it('changes with the workspace settings', async () => {
    const before = await version();
    const s = await ws().settings();
    await ws().saveSettings({ ...s, min_sample: s.min_sample + 1 });
    expect(await version()).not.toBe(before);
  });

  it('takes no parameters', async () => {
    const res = await app().inject({ method: 'GET', url: '/api/v1/data-version?since=1' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('since');
  });
});

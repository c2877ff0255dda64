// A listening server builds the derived tables and rollups before the first request; an app that
// only answers injected requests (the route tests) leaves them to the first read.

import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../workspace/workspace.ts';
import { buildServer } from './build-server.ts';
import { seed } from './fixture.test-helper.ts';

let ws: Workspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
});

async function built(w: Workspace): Promise<string[]> {
  const rows = await w.runner.all(`SELECT name FROM derived_state ORDER BY name`).catch(() => []);
  return rows.map((r) => String(r['name']));
}

describe('warm-up', () => {
  it('builds the rollups once the server listens, before any request', async () => {
    ws = await openWorkspace({ path: ':memory:' });
    await seed(ws);
    expect(await built(ws)).not.toContain('rollups');
    const app = buildServer({ workspace: ws, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    await app.close(); // waits for the warm-up (preClose)
    expect(await built(ws)).toContain('rollups');
    const values = await ws.runner.all(`SELECT count(*) AS n FROM rollup_dimension_values`);
    expect(Number(values[0]?.['n'])).toBeGreaterThan(0);
  });

  it('rebuilds them after an import through the server', async () => {
    ws = await openWorkspace({ path: ':memory:' });
    await seed(ws);
    const app = buildServer({ workspace: ws, logger: false });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const state = async () =>
      (await ws?.runner.all(`SELECT fingerprint FROM derived_state WHERE name = 'rollups'`))?.[0]?.[
        'fingerprint'
      ];
    const form = new FormData();
    form.set('entity', 'contacts');
    const csv =
      'contact_id,channel,offered_at,outcome,wait_s\nw1,voice,2026-06-01T09:00:00Z,answered,12\n';
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'more.csv');
    // The warm-up of the start may still run: an import waits for nothing but its own work.
    const before = await fetch(`${url}/api/v1/dimensions`).then(async () => state());
    const res = await fetch(`${url}/api/v1/imports`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    await app.close(); // waits for the warm-up the import started
    const after = await state();
    expect(before).toBeTruthy();
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    const ids = await ws.runner.all(`SELECT count(*) AS n FROM rollup_contacts_offered_at`);
    expect(Number(ids[0]?.['n'])).toBeGreaterThan(0);
  });

  it('leaves an app that is not listening alone', async () => {
    ws = await openWorkspace({ path: ':memory:' });
    await seed(ws);
    const app = buildServer({ workspace: ws, logger: false });
    await app.ready();
    await app.close();
    expect(await built(ws)).not.toContain('rollups');
  });
});

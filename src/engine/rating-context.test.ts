// Ratings on real DuckDB: a filter that keeps one channel gets that channel's benchmark and
// targets (like `--by channel` does), and a CES mean on 1–7 is rated on the 1–7 scale.

import { describe, expect, it } from 'vitest';
import { kpiRows, only, useMemoryWorkspace } from '../../test/helpers/memory-workspace.ts';

const { ws } = useMemoryWorkspace();

/** Voice waits 10 and 20 s (ASA 15 s), chat 40 and 80 s (ASA 60 s). */
async function seed() {
  await ws().runner.exec(`
    INSERT INTO contacts (contact_id, channel, offered_at, outcome, wait_s) VALUES
      ('v1', 'voice', '2026-06-01 08:00:00+00', 'answered', 10),
      ('v2', 'voice', '2026-06-01 08:01:00+00', 'answered', 20),
      ('c1', 'chat', '2026-06-01 08:02:00+00', 'answered', 40),
      ('c2', 'chat', '2026-06-01 08:03:00+00', 'answered', 80)`);
}

const targets = { targets: { asa: 50 }, targets_by_channel: { voice: { asa: 12 } } };

describe('a filter on one channel rates like a breakdown by channel', () => {
  it('--filter channel=voice: the "< 30 s for calls" band and the voice target apply', async () => {
    await seed();
    const byChannel = await kpiRows(ws(), { kpis: ['asa'], by: ['channel'] }, targets);
    const voiceRow = byChannel.find((r) => r.keys['channel'] === 'voice');
    const filtered = await only(ws(), { kpis: ['asa'], filters: { channel: ['voice'] } }, targets);
    expect(filtered.value).toBe(15);
    // 15 s: good against "< 30 s for calls"; the voice target 12 s is missed by 25 % → red.
    expect(filtered.rating).toMatchObject({
      band: 'good',
      target: 12,
      targetMet: false,
      status: 'red',
    });
    expect(filtered.rating.bandSource).toContain('KPIS.md: < 30 s for calls');
    expect(filtered.rating).toEqual(voiceRow?.rating);
  });

  it('two channels in the filter, or none, are not "calls": no band, the global target', async () => {
    await seed();
    const both = await only(
      ws(),
      { kpis: ['asa'], filters: { channel: ['voice', 'chat'] } },
      targets,
    );
    expect(both.value).toBe(37.5);
    expect(both.rating).toMatchObject({
      band: null,
      bandSource: null,
      target: 50,
      status: 'green',
    });
    const all = await only(ws(), { kpis: ['asa'] }, targets);
    expect(all.rating).toEqual(both.rating);
  });
});

describe('CES mean on a 1–7 scale', () => {
  it("is rated against > 5.5 (KPIS.md's > 4 of 5 at the same scale position), not > 4", async () => {
    // 1–7: 5, 6, 6, 6 → mean 5.75, good; 1–5: 4, 4 → mean 4.0, average ("> 4").
    await ws().runner.exec(`
      INSERT INTO surveys (response_id, kind, score, scale_min, scale_max, responded_at) VALUES
        ('a', 'ces', 5, 1, 7, '2026-06-01 09:00:00+00'), ('b', 'ces', 6, 1, 7, '2026-06-01 09:00:00+00'),
        ('c', 'ces', 6, 1, 7, '2026-06-01 09:00:00+00'), ('d', 'ces', 6, 1, 7, '2026-06-01 09:00:00+00'),
        ('e', 'ces', 4, 1, 5, '2026-06-01 09:00:00+00'), ('f', 'ces', 4, 1, 5, '2026-06-01 09:00:00+00')`);
    const rows = await kpiRows(ws(), { kpis: ['ces'] });
    const seven = rows.find((r) => r.scale === '1-7');
    const five = rows.find((r) => r.scale === '1-5');
    expect(seven).toMatchObject({ value: 5.75, n: 4, rating: { band: 'good', status: 'green' } });
    expect(seven?.rating.bandSource).toContain('scaled by cxkpi to > 5.5 on 1–7');
    expect(five).toMatchObject({ value: 4, n: 2, rating: { band: 'average', status: 'amber' } });
    expect(five?.rating.bandSource).toBe(
      'KPIS.md: good: mean > 4 on a 5-point scale; cxkpi default: average 3–4, poor < 3',
    );
  });
});

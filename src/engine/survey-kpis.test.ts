// Survey KPIs on real DuckDB: NPS with its standard error, CSAT on 3/5/7/10-point scales judged
// per response, CES mean per scale and % positive, lineage from the linked contact.

import { describe, expect, it } from 'vitest';
import { npsStandardError, wilsonInterval, Z95 } from '../metrics/math.ts';
import { kpiRows, only, scalar, useMemoryWorkspace } from '../../test/helpers/memory-workspace.ts';

const { ws } = useMemoryWorkspace();

async function responses(
  kind: string,
  min: number,
  max: number,
  scores: Record<number, number>,
  extra = {},
) {
  let i = (await scalar(ws(), 'SELECT count(*) FROM surveys')) + 1;
  const { channel = 'voice', contact = null } = extra as {
    channel?: string;
    contact?: string | null;
  };
  const values: string[] = [];
  for (const [score, count] of Object.entries(scores)) {
    for (let k = 0; k < count; k++, i++) {
      values.push(
        `('r${i}', '${kind}', ${score}, ${min}, ${max}, TIMESTAMPTZ '2026-06-02 10:00:00+00', ${contact ? `'${contact}'` : 'NULL'}, ${contact ? 'NULL' : `'${channel}'`}, 'comment ${i}')`,
      );
    }
  }
  await ws().runner.exec(
    `INSERT INTO surveys (response_id, kind, score, scale_min, scale_max, responded_at, contact_id, channel, comment) VALUES ${values.join(',')}`,
  );
}

describe('NPS', () => {
  it('50 promoters, 30 passives, 20 detractors give +30 with its standard error', async () => {
    await responses('nps', 0, 10, { 10: 25, 9: 25, 8: 15, 7: 15, 6: 10, 0: 10 });
    const row = await only(ws(), { kpis: ['nps'] });
    expect(row.value).toBe(30);
    expect(row.n).toBe(100);
    expect(row.counts).toEqual({ promoters: 50, passives: 30, detractors: 20 });
    const se = npsStandardError(50, 20, 100) ?? NaN;
    expect(row.parts?.['standard_error']).toBeCloseTo(7.8102, 4);
    expect(row.ci_low).toBeCloseTo(30 - Z95 * se, 10);
    expect(row.ci_high).toBeCloseTo(30 + Z95 * se, 10);
    expect(row.warnings).toEqual([]);
  });

  it('11 net of 20 is exactly +55, not 55.00000000000001 (the ratio multiplies first)', async () => {
    // 13 promoters − 2 detractors = 11 net; 5 passives; n = 20. (11 / 20) × 100 in floating
    // point is 55.00000000000001, so the figure must be 11 × 100 / 20.
    expect((11 / 20) * 100).not.toBe(55);
    await responses('nps', 0, 10, { 10: 13, 8: 5, 2: 2 });
    const row = await only(ws(), { kpis: ['nps'] });
    expect(row).toMatchObject({ numerator: 11, denominator: 20, value: 55 });
  });

  it('warns when n < 30', async () => {
    await responses('nps', 0, 10, { 10: 5, 3: 2 });
    const row = await only(ws(), { kpis: ['nps'] });
    expect(row.value).toBeCloseTo((3 / 7) * 100, 12);
    expect(row.warnings[0]).toMatch(/n = 7 < 30/);
  });
});

describe('CSAT', () => {
  it('320 satisfied of 400 respondents = 80.0 % with a Wilson interval', async () => {
    await responses('csat', 1, 5, { 5: 200, 4: 120, 3: 50, 2: 20, 1: 10 });
    const row = await only(ws(), { kpis: ['csat'] });
    expect(row.value).toBe(80);
    expect(row).toMatchObject({ numerator: 320, denominator: 400, n: 400 });
    const [lo, hi] = wilsonInterval(320, 400) ?? [];
    expect(row.ci_low).toBe(lo);
    expect(row.ci_high).toBe(hi);
  });

  it('judges each response on its own scale: 3, 5, 7 and 10 points', async () => {
    await responses('csat', 1, 3, { 3: 6, 2: 4 }); // top box: 6 of 10
    await responses('csat', 1, 5, { 5: 3, 4: 3, 3: 4 }); // top-2: 6 of 10
    await responses('csat', 1, 7, { 7: 2, 6: 5, 5: 3 }); // top-2: 7 of 10
    await responses('csat', 1, 10, { 10: 1, 9: 1, 8: 1, 7: 7 }); // 8–10: 3 of 10
    const row = await only(ws(), { kpis: ['csat'] });
    expect(row).toMatchObject({ numerator: 6 + 6 + 7 + 3, denominator: 40 });
    const handWritten = await scalar(
      ws(),
      `SELECT 100.0 * count(*) FILTER (WHERE (scale_max = 3 AND score = 3) OR (scale_max = 5 AND score >= 4)
         OR (scale_max = 7 AND score >= 6) OR (scale_max = 10 AND score >= 8)) / count(*) FROM surveys WHERE kind = 'csat'`,
    );
    expect(row.value).toBeCloseTo(handWritten, 12);
    expect(row.value).toBe(55);
  });

  it('the satisfied threshold per scale is a setting', async () => {
    await responses('csat', 1, 5, { 5: 3, 4: 3, 3: 4 });
    const row = await only(ws(), { kpis: ['csat'] }, { csat_satisfied_min: { '5': 5 } });
    expect(row.value).toBe(30);
  });
});

describe('CES', () => {
  it('reports the mean per scale, never averaging 5- and 7-point scores together', async () => {
    await responses('ces', 1, 5, { 5: 2, 4: 2, 2: 1 }); // mean 4.0
    await responses('ces', 1, 7, { 7: 1, 6: 2, 5: 1, 1: 1 }); // mean 5.0
    const rows = await kpiRows(ws(), { kpis: ['ces'] });
    expect(rows.map((r) => [r.scale, r.value, r.n])).toEqual([
      ['1-5', 4, 5],
      ['1-7', 5, 5],
    ]);
    // sample sd of 5,5,4,4,2 = sqrt(((1+1+0+0+4)/4)) = sqrt(1.5)
    const half = Z95 * Math.sqrt(1.5 / 5);
    expect(rows[0]?.ci_low).toBeCloseTo(4 - half, 10);
  });

  it('% positive: ≥ 4 on 5 points, ≥ 5 on 7 points, judged per response', async () => {
    await responses('ces', 1, 5, { 5: 2, 4: 2, 2: 1 }); // 4 positive
    await responses('ces', 1, 7, { 7: 1, 6: 2, 5: 1, 4: 1 }); // 4 positive
    const row = await only(ws(), { kpis: ['ces_positive'] });
    expect(row).toMatchObject({ numerator: 8, denominator: 10, value: 80 });
  });
});

describe('survey lineage', () => {
  it('takes channel from the linked contact when the response has none', async () => {
    await ws().runner.exec(
      `INSERT INTO contacts (contact_id, channel, offered_at, outcome) VALUES ('c1', 'chat', TIMESTAMPTZ '2026-06-02 09:00:00+00', 'answered')`,
    );
    await responses('csat', 1, 5, { 5: 1 }, { contact: 'c1' });
    await responses('csat', 1, 5, { 1: 1 }, { channel: 'email' });
    const rows = await kpiRows(ws(), { kpis: ['csat'], by: ['channel'] });
    expect(rows.map((r) => [r.keys['channel'], r.value])).toEqual([
      ['chat', 100],
      ['email', 0],
    ]);
  });
});

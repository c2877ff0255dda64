import { describe, expect, it } from 'vitest';
import { cesMeanBenchmark } from './kpis/ces-benchmark.ts';
import { KPIS } from './registry.ts';
import { bandOf, rate } from './rating.ts';
import { KPI_IDS, type Benchmark } from './types.ts';

const bm = (b: Benchmark | undefined): Benchmark => {
  if (!b) throw new Error('bands missing');
  return b;
};

describe('rating against benchmark bands and targets', () => {
  it('places values in the KPIS.md bands, with its strict bounds strict', () => {
    const nps = bm(KPIS.nps.benchmark);
    const fcr = bm(KPIS.fcr.benchmark);
    expect(bandOf(75, nps)).toBe('excellent');
    expect(bandOf(70, nps)).toBe('good'); // "excellent > 70": 70 itself is not
    expect(bandOf(50, nps)).toBe('average'); // "average 30–50"
    expect(bandOf(30, nps)).toBe('average');
    expect(bandOf(29.9, nps)).toBe('poor');
    expect(bandOf(78.125, fcr)).toBe('good');
    expect(bandOf(85, fcr)).toBe('good'); // "excellent > 85 %"
    expect(bandOf(86, fcr)).toBe('excellent');
    expect(bandOf(420, bm(KPIS.aht.benchmark))).toBe('good'); // "5–7 min" includes 7:00
    expect(bandOf(421, bm(KPIS.aht.benchmark))).toBe('average');
    expect(bandOf(30, bm(KPIS.asa.benchmark))).toBe('average'); // "< 30 s"
  });

  it('every benchmark covers each value exactly once and says which bands are cxkpi defaults', () => {
    const values = Array.from({ length: 2001 }, (_, i) => i / 2 - 200);
    const benchmarks = KPI_IDS.flatMap((id) => (KPIS[id].benchmark ? [KPIS[id].benchmark] : []));
    for (const b of [...benchmarks, cesMeanBenchmark(7)]) {
      for (const v of [...values, 4.0001, 5.5001, 70.0001, 85.0001, 95.0001]) {
        const hits = b.bands.filter(
          (x) =>
            (x.gt === undefined || v > x.gt) &&
            (x.gte === undefined || v >= x.gte) &&
            (x.lt === undefined || v < x.lt) &&
            (x.lte === undefined || v <= x.lte),
        );
        expect(hits, `${b.source} at ${v}`).toHaveLength(1);
      }
      expect(b.source.startsWith('KPIS.md: ')).toBe(true);
      const own = b.bands.some((x) => x.from === 'cxkpi');
      expect(b.source.includes('; cxkpi default: ')).toBe(own);
    }
  });

  it('rates a CES mean on 1–7 with the 5-point band moved to the same scale position (> 5.5)', () => {
    const seven = cesMeanBenchmark(7);
    expect(seven.bands[0]).toMatchObject({ rating: 'good', gt: 5.5, from: 'KPIS.md' });
    expect(bandOf(5.98, seven)).toBe('good');
    expect(bandOf(5.5, seven)).toBe('average');
    expect(bandOf(4, seven)).toBe('average');
    expect(bandOf(3.99, seven)).toBe('poor');
    expect(seven.source).toContain('scaled by cxkpi to > 5.5 on 1–7');
    expect(seven.localized.nl).toBe(
      'goed: gemiddelde > 5,5 op een 7-puntsschaal (> 4 van 5, geschaald)',
    );
    expect(rate(KPIS.ces, 5.98, null, null, { scale: '1-7' })).toMatchObject({
      band: 'good',
      bandSource: seven.source,
    });
    // The same 4.5 is good on 1–5 and average on 1–7.
    expect(rate(KPIS.ces, 4.5, null, null, { scale: '1-5' }).band).toBe('good');
    expect(rate(KPIS.ces, 4.5, null, null, { scale: '1-7' }).band).toBe('average');
  });

  it('uses the target first: green when met, amber within 5 %, red beyond', () => {
    const sl = KPIS.service_level;
    expect(rate(sl, 88.4, 80, null).status).toBe('green');
    expect(rate(sl, 77, 80, null).status).toBe('amber');
    expect(rate(sl, 70, 80, null).status).toBe('red');
    expect(rate(KPIS.asa, 25, 30, 'voice')).toMatchObject({ targetMet: true, status: 'green' });
    expect(rate(KPIS.asa, 40, 30, 'voice')).toMatchObject({ targetMet: false, status: 'red' });
  });

  it('applies channel- and currency-specific bands only to that channel and currency', () => {
    expect(rate(KPIS.asa, 20, null, 'voice').band).toBe('good');
    expect(rate(KPIS.asa, 20, null, 'email').band).toBeNull();
    expect(rate(KPIS.asa, null, 30, 'voice').status).toBeNull();
    const cpr = KPIS.cost_per_resolution;
    expect(rate(cpr, 12, null, null, { currency: 'EUR' }).band).toBe('good');
    expect(rate(cpr, 12, null, null, { currency: 'USD' })).toMatchObject({
      band: null,
      bandSource: null,
      status: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { KPIS } from './registry.ts';
import { bandOf, rate } from './rating.ts';

describe('rating against benchmark bands and targets', () => {
  it('places values in the KPIS.md bands', () => {
    const nps = KPIS.nps.benchmark;
    const fcr = KPIS.fcr.benchmark;
    if (!nps || !fcr) throw new Error('bands missing');
    expect(bandOf(75, nps)).toBe('excellent');
    expect(bandOf(30, nps)).toBe('average');
    expect(bandOf(29.9, nps)).toBe('poor');
    expect(bandOf(78.125, fcr)).toBe('good');
    expect(bandOf(86, fcr)).toBe('excellent');
  });
  it('uses the target first: green when met, amber within 5 %, red beyond', () => {
    const sl = KPIS.service_level;
    expect(rate(sl, 88.4, 80, null).status).toBe('green');
    expect(rate(sl, 77, 80, null).status).toBe('amber');
    expect(rate(sl, 70, 80, null).status).toBe('red');
    expect(rate(KPIS.asa, 25, 30, 'voice')).toMatchObject({ targetMet: true, status: 'green' });
    expect(rate(KPIS.asa, 40, 30, 'voice')).toMatchObject({ targetMet: false, status: 'red' });
  });
  it('applies channel-specific bands only to that channel', () => {
    expect(rate(KPIS.asa, 20, null, 'voice').band).toBe('good');
    expect(rate(KPIS.asa, 20, null, 'email').band).toBeNull();
    expect(rate(KPIS.asa, null, 30, 'voice').status).toBeNull();
  });
});

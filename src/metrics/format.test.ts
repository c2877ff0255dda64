import { describe, expect, it } from 'vitest';
import { formatValue } from './format.ts';
import { KPIS } from './registry.ts';

describe('formatValue', () => {
  it('writes percentages with one decimal, locale-aware', () => {
    expect(formatValue(78.125, 'percent', { lang: 'en' })).toBe('78.1%');
    expect(formatValue(78.125, 'percent', { lang: 'nl' })).toBe('78,1 %');
    expect(formatValue(78.125, 'percent', { lang: 'es' })).toBe('78,1 %');
    expect(formatValue(88.42105, 'percent', { lang: 'en' })).toBe('88.4%');
  });
  it('shows null as a dash, NPS as signed points, AHT as min:sec', () => {
    expect(formatValue(null, 'percent', { lang: 'en' })).toBe('—');
    expect(formatValue(30, 'points', { lang: 'en' })).toBe('+30');
    expect(formatValue(-12.5, 'points', { lang: 'nl' })).toBe('-12,5');
    expect(formatValue(450, 'seconds', { lang: 'en', display: 'minutes' })).toBe('7:30 min');
    expect(formatValue(12.345, 'seconds', { lang: 'en' })).toBe('12.3 s');
  });
  it('reads each duration KPI in the unit its definition displays (KPIS.md time units)', () => {
    const show = (id: 'asa' | 'aht' | 'time_to_resolution', s: number, lang: 'en' | 'nl' = 'en') =>
      formatValue(s, KPIS[id].unit, { lang, display: KPIS[id].display });
    expect(show('asa', 12.345)).toBe('12.3 s');
    expect(show('aht', 450)).toBe('7:30 min');
    // Stored in seconds: 30 h 24 min = 109,440 s reads as 30.4 h.
    expect(KPIS.time_to_resolution.unit).toBe('seconds');
    expect(show('time_to_resolution', 109_440)).toBe('30.4 h');
    expect(show('time_to_resolution', 109_440, 'nl')).toBe('30,4 h');
  });
  it('formats currency in the workspace currency', () => {
    expect(formatValue(7.5, 'currency', { lang: 'nl', currency: 'EUR' })).toMatch(/€\s?7,50/);
  });
});

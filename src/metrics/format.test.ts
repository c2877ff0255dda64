import { describe, expect, it } from 'vitest';
import { formatValue } from './format.ts';

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
    expect(formatValue(450, 'seconds', { lang: 'en', kpi: 'aht' })).toBe('7:30 min');
    expect(formatValue(12.345, 'seconds', { lang: 'en', kpi: 'asa' })).toBe('12.3 s');
  });
  it('formats currency in the workspace currency', () => {
    expect(formatValue(7.5, 'currency', { lang: 'nl', currency: 'EUR' })).toMatch(/€\s?7,50/);
  });
});
